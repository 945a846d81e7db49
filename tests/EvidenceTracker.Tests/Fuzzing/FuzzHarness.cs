using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EvidenceTracker.Tests.Fuzzing;

/// <summary>One input that broke a property: which reader, where it stood, and what went wrong.</summary>
public sealed record FuzzFailure(string Reader, FixturePlace Place, byte[] Input, string Problem)
{
    /// <summary>Whether the reader may still be running this input (it passed the hang cap): stop fuzzing.</summary>
    public bool Hung { get; init; }

    public override string ToString() => $"{Reader} at {Place} ({Input.Length} bytes): {Problem}";
}

/// <summary>How long one read may take: <see cref="Floor"/> plus <see cref="PerMegabyte"/> for each megabyte of input.</summary>
public sealed record TimeLimit(TimeSpan Floor, TimeSpan PerMegabyte)
{
    public TimeSpan For(int bytes) => Floor + PerMegabyte * (bytes / 1048576.0);
}

/// <summary>
/// The result of checking one input: a failure or none, and the faster of its two reads in wall time and in processor
/// time of the whole process (the measure to use where the machine is shared and only this process reads).
/// </summary>
public sealed record FuzzCheck(FuzzFailure? Failure, TimeSpan Elapsed, TimeSpan Cpu);

/// <summary>
/// The fuzz harness shared by the test and <c>bench/fuzz.sh</c>: makes input number N of a reader from the fixtures
/// (the same on every run for one seed), reads it twice, and checks the properties: no exception escapes the reader
/// (errors are one line), no stack trace in the output, the same result both times, and no read past a cap (a
/// reader stuck in a loop is reported, not waited for).
/// </summary>
public static partial class FuzzHarness
{
    public const string RegressionFolder = "fuzz-regressions";

    /// <summary>The fixture files that seed <paramref name="reader"/>, sorted by path.</summary>
    public static IReadOnlyList<(FixturePlace Place, byte[] Bytes)> Seeds(string fixtures, FuzzReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return [.. AllFixtures(fixtures).Where(f => reader.Seeds(f.Place))];
    }

    /// <summary>Every fixture file but the regression inputs, sorted by path.</summary>
    public static IReadOnlyList<(FixturePlace Place, byte[] Bytes)> AllFixtures(string fixtures) =>
        [.. Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixtures, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(RegressionFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (new FixturePlace(p), File.ReadAllBytes(Path.Combine(fixtures, p))))];

    /// <summary>
    /// Input number <paramref name="n"/> of a reader for <paramref name="seed"/>: a mutation of one of its seeds, spliced
    /// with any fixture, of at most <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static (FixturePlace Place, byte[] Input) Input(
        IReadOnlyList<(FixturePlace Place, byte[] Bytes)> seeds, IReadOnlyList<(FixturePlace Place, byte[] Bytes)> all,
        string reader, int seed, long n, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(all);
        var random = new Random(Mix(seed, Hash(reader), n));
        var (place, bytes) = seeds[random.Next(seeds.Count)];
        var other = random.Next(4) == 0 ? all[random.Next(all.Count)].Bytes : seeds[random.Next(seeds.Count)].Bytes;
        return (place, Mutator.Mutate(bytes, other, random, maxBytes));
    }

    /// <summary>Reads <paramref name="input"/> twice and checks every property; each read may take at most <paramref name="cap"/>.</summary>
    public static FuzzCheck Check(FuzzReader reader, FixturePlace place, byte[] input, FuzzWorkspace workspace, TimeLimit cap)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(cap);
        var outcomes = new FuzzOutcome[2];
        var fastest = TimeSpan.MaxValue;
        var cpu = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var limit = cap.For(input.Length);
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = Environment.CpuUsage.TotalTime;
            var read = Task.Run(() => reader.Run(input, place, workspace));
            try
            {
                if (!read.Wait(limit))
                {
                    return new FuzzCheck(new FuzzFailure(reader.Name, place, input,
                        $"still reading after {limit.TotalSeconds:0.#} s (the cap for {input.Length} bytes): a hang or far worse than linear time") { Hung = true }, limit, limit);
                }
            }
            catch (AggregateException ex)
            {
                var inner = ex.InnerException ?? ex;
                return new FuzzCheck(new FuzzFailure(reader.Name, place, input, $"an exception escaped the reader: {Describe(inner)}"), Stopwatch.GetElapsedTime(started), Environment.CpuUsage.TotalTime - cpuStarted);
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            var used = Environment.CpuUsage.TotalTime - cpuStarted;
            fastest = elapsed < fastest ? elapsed : fastest;
            cpu = used < cpu ? used : cpu;
            outcomes[i] = read.Result;
            if (Problem(read.Result) is { } problem)
            {
                return new FuzzCheck(new FuzzFailure(reader.Name, place, input, problem), fastest, cpu);
            }
        }
        if (outcomes[0] != outcomes[1])
        {
            return new FuzzCheck(new FuzzFailure(reader.Name, place, input, $"two reads of the same input differ: {FirstDifference(outcomes[0], outcomes[1])}"), fastest, cpu);
        }
        return new FuzzCheck(null, fastest, cpu);
    }

    /// <summary>
    /// Keeps a failing input as a regression fixture: <c>fuzz-regressions/&lt;reader&gt;/&lt;hash&gt;&lt;ext&gt;</c>, with
    /// a <c>.where</c> file naming the fixture it stands in for. Returns the input's path.
    /// </summary>
    public static string Save(string fixtures, FuzzFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var folder = Path.Combine(fixtures, RegressionFolder, failure.Reader);
        Directory.CreateDirectory(folder);
        var extension = failure.Place.Extension.Length > 0 ? failure.Place.Extension : ".txt";
        var name = Convert.ToHexStringLower(SHA256.HashData(failure.Input))[..12] + extension;
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, failure.Input);
        File.WriteAllText(path + ".where", failure.Place.Path + "\n");
        return path;
    }

    /// <summary>
    /// The regression inputs kept for <paramref name="reader"/>: each file, the fixture it stands in for (the first line
    /// of its <c>.where</c> file) and, while its failure is still being fixed elsewhere, why its test is skipped (a
    /// second line <c>skip: REASON</c>).
    /// </summary>
    public static IReadOnlyList<(string File, FixturePlace Place, string? Skip)> Regressions(string fixtures, string reader)
    {
        var folder = Path.Combine(fixtures, RegressionFolder, reader);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(folder)
            .Where(f => !f.EndsWith(".where", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var where = File.Exists(f + ".where")
                    ? File.ReadAllLines(f + ".where")
                    : throw new InvalidOperationException($"{f} has no {Path.GetFileName(f)}.where naming the fixture it stands in for");
                var skip = where.Skip(1).FirstOrDefault(l => l.StartsWith("skip: ", StringComparison.Ordinal))?["skip: ".Length..];
                return (f, new FixturePlace(where[0].Trim()), skip);
            })];
    }

    /// <summary>A breach of the output properties: an error of more than one line, or a stack trace in the output.</summary>
    private static string? Problem(FuzzOutcome outcome)
    {
        if (outcome.Error is { } error && (error.Length == 0 || error.AsSpan().IndexOfAny('\n', '\r') >= 0))
        {
            return $"the error is not one line: {Shorten(error)}";
        }
        var trace = StackFrame().Match(outcome.Result + "\n" + outcome.Error);
        return trace.Success ? $"the output holds a stack trace: {trace.Value}" : null;
    }

    private static string Describe(Exception ex)
    {
        var frames = (ex.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6);
        return $"{ex.GetType().FullName}: {Shorten(ex.Message)}\n    {string.Join("\n    ", frames)}";
    }

    private static string FirstDifference(FuzzOutcome a, FuzzOutcome b)
    {
        var x = a.Result + "\n" + a.Error;
        var y = b.Result + "\n" + b.Error;
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i])
        {
            i++;
        }
        return $"at character {i}: '{Shorten(x[i..])}' then '{Shorten(y[i..])}'";
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }

    private static int Mix(int seed, int reader, long n)
    {
        var x = (ulong)(uint)seed << 32 ^ (uint)reader ^ (ulong)n * 0x9E3779B97F4A7C15UL;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return (int)(x & 0x7FFFFFFF);
    }

    [GeneratedRegex(@"\bat (System|Microsoft|EvidenceTracker|YamlDotNet|Markdig|AngleSharp)\.[\w.`<>|]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
