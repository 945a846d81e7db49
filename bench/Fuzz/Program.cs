using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using EvidenceTracker.Tests.Fuzzing;

// The fuzz harness of the test suite, run for as many inputs as asked:
//   EvidenceTracker.Fuzz --fixtures DIR --seed S --count N [--start K] [--readers a,b] [--floor SECONDS] [--per-mb SECONDS]
//                        [--current DIR] [--max-bytes N]
//   EvidenceTracker.Fuzz --replay READER PLACE FILE...   (times kept inputs; run from the repository root)
// Inputs go round the readers: input n is number n / R of reader n % R, so a run cut short still covers every reader.
// Each input is read twice (a different result is a failure) under a hang cap of 60 s + 10 s/MB; the faster read must
// also stay under --floor + --per-mb per megabyte (default 0.25 s + 1 s/MB) of processor time, or the input is reported
// as slow (processor time, not wall time: the machine may be shared; the harness reads on one thread at a time). Failing
// inputs are kept under tests/fixtures/fuzz-regressions/<reader>/, slow ones under --current/slow/<reader>/. With
// --current, each input is written there before it is read, so that one that kills the process can be kept too.
// Exit codes: 0 every input held every property; 1 some failed or were slow; 3 a read hung (the run stops after it).
if (args is ["--replay", var reader, var where, .. var files])
{
    // --replay READER PLACE FILE...: reads each file as READER at fixture path PLACE and prints its processor time
    var fixtures = Path.GetFullPath("tests/fixtures");
    using var replay = new FuzzWorkspace(fixtures);
    foreach (var file in files)
    {
        var bytes = File.ReadAllBytes(file);
        var result = FuzzHarness.Check(FuzzReader.Named(reader), new FixturePlace(where), bytes, replay, new TimeLimit(TimeSpan.FromMinutes(10), TimeSpan.Zero));
        Console.WriteLine(FormattableString.Invariant(
            $"{file}: {bytes.Length} bytes, {result.Cpu.TotalSeconds:0.000} s processor time ({result.Cpu.TotalSeconds / (bytes.Length / 1048576.0):0.00} s/MB), wall {result.Elapsed.TotalSeconds:0.000} s{(result.Failure is { } f ? "; " + f.Problem.Split('\n')[0] : "")}"));
    }
    return 0;
}
var options = Options.Parse(args);
var readers = options.Readers.Select(FuzzReader.Named).ToArray();
var all = FuzzHarness.AllFixtures(options.Fixtures);
var seeds = readers.Select(r => FuzzHarness.Seeds(options.Fixtures, r)).ToArray();
var stats = readers.Select(r => new Stats(r.Name)).ToArray();
var hangCap = new TimeLimit(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));
var speed = new TimeLimit(TimeSpan.FromSeconds(options.Floor), TimeSpan.FromSeconds(options.PerMegabyte));
using var workspace = new FuzzWorkspace(options.Fixtures);
var clock = Stopwatch.StartNew();
// stopped by Ctrl-C or kill: the input being read is finished, and the table of what was done comes out
var stopping = 0;
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    Volatile.Write(ref stopping, 1);
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var lastReport = TimeSpan.Zero;
Console.Error.WriteLine($"fuzz: seed {options.Seed}, inputs {options.Start}..{options.Start + options.Count - 1}, readers {string.Join(", ", options.Readers)}");
for (var k = options.Start; k < options.Start + options.Count; k++)
{
    if (Volatile.Read(ref stopping) == 1)
    {
        Console.WriteLine($"stopped before input {k}; resume with: bench/fuzz.sh {options.Seed} {options.Count - (k - options.Start)} {k}");
        break;
    }
    var r = (int)(k % readers.Length);
    var n = k / readers.Length;
    if (options.Current is { } marking)
    {
        // a crash while the input is being made is the harness's, not a reader's: bench/fuzz.sh tells them apart by this
        File.WriteAllText(Path.Combine(marking, "input.where"), $"{readers[r].Name}\n(generating)\n{n}\n{k}\n");
    }
    var (place, input) = FuzzHarness.Input(seeds[r], all, readers[r].Name, options.Seed, n, options.MaxBytes);
    if (options.Current is { } current)
    {
        File.WriteAllBytes(Path.Combine(current, "input"), input);
        File.WriteAllText(Path.Combine(current, "input.where"), $"{readers[r].Name}\n{place.Path}\n{n}\n{k}\n");
    }
    var check = FuzzHarness.Check(readers[r], place, input, workspace, hangCap);
    stats[r].Add(input.Length, check.Cpu);
    if (check.Failure is { } failure)
    {
        stats[r].Failures++;
        var kept = FuzzHarness.Save(options.Fixtures, failure);
        Console.WriteLine($"FAIL {readers[r].Name} input {n}: {failure.Problem.Split('\n')[0]} (kept as {kept})");
        if (failure.Hung)
        {
            // the hung read goes on running on its thread, holding the workspace's copy of the fixture and a core:
            // nothing read after it could be trusted, so the run ends here and bench/fuzz.sh resumes it in a new process
            Summary();
            Console.WriteLine($"HUNG {readers[r].Name} input {n}; resume with: bench/fuzz.sh {options.Seed} {options.Count - (k + 1 - options.Start)} {k + 1}");
            return 3;
        }
    }
    else if (check.Cpu > speed.For(input.Length))
    {
        stats[r].Slow++;
        var kept = options.Current is { } dir ? Keep(Path.Combine(dir, "slow", readers[r].Name), n, place, input) : "";
        Console.WriteLine(FormattableString.Invariant(
            $"SLOW {readers[r].Name} input {n}: {check.Cpu.TotalSeconds:0.000} s (wall {check.Elapsed.TotalSeconds:0.000} s) for {input.Length} bytes (limit {speed.For(input.Length).TotalSeconds:0.000} s) {kept}"));
    }
    if (clock.Elapsed - lastReport > TimeSpan.FromMinutes(1))
    {
        lastReport = clock.Elapsed;
        Console.Error.WriteLine(FormattableString.Invariant($"fuzz: {k - options.Start + 1} inputs in {clock.Elapsed.TotalMinutes:0.0} min"));
    }
}
Summary();
return stats.Sum(s => s.Failures + s.Slow) > 0 ? 1 : 0;

void Summary()
{
    Console.WriteLine(FormattableString.Invariant($"seed {options.Seed}: {stats.Sum(s => s.Inputs)} inputs ({stats.Sum(s => s.Inputs) * 2} reads) in {clock.Elapsed.TotalSeconds:0} s"));
    Console.WriteLine("reader          inputs  failures  slow   MB read  processor time per input: mean ms, max ms (bytes), max s/MB (inputs >= 64 KB)");
    foreach (var s in stats)
    {
        Console.WriteLine(s.ToString());
    }
}

static string Keep(string folder, long n, FixturePlace place, byte[] input)
{
    Directory.CreateDirectory(folder);
    var path = Path.Combine(folder, n.ToString(CultureInfo.InvariantCulture) + place.Extension);
    File.WriteAllBytes(path, input);
    File.WriteAllText(path + ".where", place.Path + "\n");
    return $"(kept as {path})";
}

internal sealed class Stats(string reader)
{
    public long Inputs { get; private set; }
    public long Failures { get; set; }
    public long Slow { get; set; }
    private long _bytes;
    private TimeSpan _total;
    private TimeSpan _max;
    private int _maxBytes;
    private double _maxPerMb;

    public void Add(int bytes, TimeSpan elapsed)
    {
        Inputs++;
        _bytes += bytes;
        _total += elapsed;
        if (elapsed > _max)
        {
            _max = elapsed;
            _maxBytes = bytes;
        }
        if (bytes >= 64 << 10)
        {
            _maxPerMb = Math.Max(_maxPerMb, elapsed.TotalSeconds / (bytes / 1048576.0));
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{reader,-14} {Inputs,7} {Failures,9} {Slow,5} {_bytes / 1048576.0,9:0.0} {(Inputs == 0 ? 0 : _total.TotalMilliseconds / Inputs),8:0.0} {_max.TotalMilliseconds,8:0} ({_maxBytes,8})       {_maxPerMb,8:0.000}");
}

internal sealed record Options(string Fixtures, int Seed, long Count, long Start, string[] Readers, double Floor, double PerMegabyte, string? Current, int MaxBytes)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        var current = values.GetValueOrDefault("--current");
        if (current is not null)
        {
            Directory.CreateDirectory(current);
        }
        return new Options(
            Path.GetFullPath(Get("--fixtures", "tests/fixtures")),
            int.Parse(Get("--seed", "1"), CultureInfo.InvariantCulture),
            long.Parse(Get("--count", "1000"), CultureInfo.InvariantCulture),
            long.Parse(Get("--start", "0"), CultureInfo.InvariantCulture),
            values.TryGetValue("--readers", out var r) ? r.Split(',', StringSplitOptions.RemoveEmptyEntries) : [.. FuzzReader.All.Select(x => x.Name)],
            double.Parse(Get("--floor", "0.25"), CultureInfo.InvariantCulture),
            double.Parse(Get("--per-mb", "1"), CultureInfo.InvariantCulture),
            current,
            int.Parse(Get("--max-bytes", (4 << 20).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
    }
}
