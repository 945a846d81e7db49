using System.Text;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Fuzzing;

/// <summary>
/// The seeded mutation fuzzer over every reader, with a fixed budget per CI run (bench/fuzz.sh runs the same harness
/// for as many inputs as asked), and the inputs that once failed, kept under tests/fixtures/fuzz-regressions.
/// </summary>
public class FuzzTests
{
    /// <summary>The seed of the CI run: the same inputs every time, so a failure reproduces.</summary>
    public const int Seed = 18;

    /// <summary>Inputs per reader per run (thirteen readers; each input is read twice).</summary>
    public const int InputsPerReader = 200;

    /// <summary>Inputs of the CI run stay under this size; bench/fuzz.sh makes inputs of up to 4 MB.</summary>
    public const int MaxInputBytes = 128 << 10;

    /// <summary>A generous cap per read, to report a hang instead of waiting for it; speed is measured by bench/fuzz.sh.</summary>
    private static readonly TimeLimit HangCap = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));

    /// <summary>Readers whose fuzzing still hits a crash class being fixed on another branch, and why they are skipped.</summary>
    private static readonly Dictionary<string, string> KnownUnfixed = new(StringComparer.Ordinal)
    {
    };

    public static IEnumerable<TheoryDataRow<string>> Readers =>
        FuzzReader.All.Select(r => new TheoryDataRow<string>(r.Name) { Skip = KnownUnfixed.GetValueOrDefault(r.Name) });

    public static IEnumerable<TheoryDataRow<string, string>> RegressionInputs =>
        FuzzReader.All.SelectMany(r => FuzzHarness.Regressions(TestPaths.Fixtures, r.Name)
            .Select(k => new TheoryDataRow<string, string>(r.Name, Path.GetFileName(k.File)) { Skip = k.Skip }));

    [Fact]
    public void An_input_whose_making_once_overflowed_is_made_and_kept_within_the_size_asked()
    {
        // input 580,134 of bench/fuzz.sh seed 7 (snapshot input 58,013): a piece of an input grown by earlier steps,
        // repeated thousands of times, overflowed the size of one array and stopped the run
        var target = FuzzReader.Named("snapshot");
        var (_, input) = FuzzHarness.Input(FuzzHarness.Seeds(TestPaths.Fixtures, target), FuzzHarness.AllFixtures(TestPaths.Fixtures), "snapshot", 7, 58_013, 4 << 20);
        Assert.InRange(input.Length, 1, 4 << 20);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Mutated_fixtures_never_crash_hang_or_read_differently_twice(string reader)
    {
        var target = FuzzReader.Named(reader);
        var seeds = FuzzHarness.Seeds(TestPaths.Fixtures, target);
        var all = FuzzHarness.AllFixtures(TestPaths.Fixtures);
        Assert.NotEmpty(seeds);
        var failures = new List<string>();
        using var workspace = new FuzzWorkspace(TestPaths.Fixtures);
        var bytes = 0L;
        var slowest = (Elapsed: TimeSpan.Zero, Bytes: 0);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var n = 0; n < InputsPerReader; n++)
        {
            var (place, input) = FuzzHarness.Input(seeds, all, reader, Seed, n, MaxInputBytes);
            var check = FuzzHarness.Check(target, place, input, workspace, HangCap);
            bytes += input.Length;
            slowest = check.Elapsed > slowest.Elapsed ? (check.Elapsed, input.Length) : slowest;
            if (check.Failure is { } failure)
            {
                var kept = FuzzHarness.Save(TestPaths.Fixtures, failure);
                failures.Add($"input {n}: {failure}\n  kept as {Path.GetRelativePath(TestPaths.RepoRoot, kept)}");
                if (failure.Hung || failures.Count >= 10)
                {
                    break;
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
            $"{reader}: {InputsPerReader} inputs ({bytes / 1048576.0:0.0} MB) read twice in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; slowest read {slowest.Elapsed.TotalMilliseconds:0} ms ({slowest.Bytes} bytes)"));
        Assert.True(failures.Count == 0, $"{failures.Count} failing input(s) of {reader} (seed {Seed}):\n{string.Join("\n", failures)}");
    }

    [Theory]
    [MemberData(nameof(RegressionInputs))]
    public void An_input_that_once_failed_reads_cleanly_now(string reader, string name)
    {
        var target = FuzzReader.Named(reader);
        var (file, place, _) = FuzzHarness.Regressions(TestPaths.Fixtures, reader).Single(k => Path.GetFileName(k.File) == name);
        using var workspace = new FuzzWorkspace(TestPaths.Fixtures);
        var check = FuzzHarness.Check(target, place, File.ReadAllBytes(file), workspace, HangCap);
        Assert.True(check.Failure is null, check.Failure?.ToString());
    }

    [Fact]
    public void Every_reader_has_seed_fixtures()
    {
        foreach (var reader in FuzzReader.All)
        {
            Assert.True(FuzzHarness.Seeds(TestPaths.Fixtures, reader).Count > 0, $"no fixture seeds {reader.Name}");
        }
    }

    [Fact]
    public void The_same_seed_makes_the_same_inputs_and_another_seed_other_ones()
    {
        var target = FuzzReader.Named("claim-yaml");
        var seeds = FuzzHarness.Seeds(TestPaths.Fixtures, target);
        var all = FuzzHarness.AllFixtures(TestPaths.Fixtures);
        var first = Enumerable.Range(0, 50).Select(n => FuzzHarness.Input(seeds, all, target.Name, 1, n, MaxInputBytes).Input).ToList();
        var again = Enumerable.Range(0, 50).Select(n => FuzzHarness.Input(seeds, all, target.Name, 1, n, MaxInputBytes).Input).ToList();
        var other = Enumerable.Range(0, 50).Select(n => FuzzHarness.Input(seeds, all, target.Name, 2, n, MaxInputBytes).Input).ToList();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Count(i => seeds.All(s => !s.Bytes.SequenceEqual(i))) >= 45, "most inputs differ from every seed");
    }

    [Fact]
    public void The_harness_reports_an_escaping_exception_a_multi_line_error_and_a_stack_trace()
    {
        using var workspace = new FuzzWorkspace(TestPaths.Fixtures);
        var place = new FixturePlace("bibliography/x.bib");
        var thrown = FuzzHarness.Check(new FakeReader(_ => throw new InvalidOperationException("boom")), place, [1], workspace, HangCap);
        var twoLines = FuzzHarness.Check(new FakeReader(_ => new FuzzOutcome("", "one\ntwo")), place, [1], workspace, HangCap);
        var trace = FuzzHarness.Check(new FakeReader(_ => new FuzzOutcome("oops\n   at System.Text.Json.Utf8JsonReader.Read()")), place, [1], workspace, HangCap);
        var clean = FuzzHarness.Check(new FakeReader(_ => new FuzzOutcome("fine", "error: one line")), place, [1], workspace, HangCap);
        Assert.Contains("an exception escaped the reader: System.InvalidOperationException: boom", thrown.Failure?.Problem);
        Assert.Contains("the error is not one line", twoLines.Failure?.Problem);
        Assert.Contains("the output holds a stack trace", trace.Failure?.Problem);
        Assert.Null(clean.Failure);
    }

    [Fact]
    public void The_harness_reports_a_result_that_changes_between_reads_and_a_read_past_its_cap()
    {
        using var workspace = new FuzzWorkspace(TestPaths.Fixtures);
        var place = new FixturePlace("bibliography/x.bib");
        var count = 0;
        var changing = FuzzHarness.Check(new FakeReader(_ => new FuzzOutcome($"read {++count}")), place, [1], workspace, HangCap);
        using var release = new ManualResetEventSlim();
        var stuck = FuzzHarness.Check(new FakeReader(_ =>
        {
            release.Wait();
            return new FuzzOutcome("late");
        }), place, [1], workspace, new TimeLimit(TimeSpan.FromMilliseconds(50), TimeSpan.Zero));
        release.Set();
        Assert.Contains("two reads of the same input differ: at character 5: '1", changing.Failure?.Problem);
        Assert.True(stuck.Failure is { Hung: true }, stuck.Failure?.ToString());
        Assert.Contains("still reading after", stuck.Failure!.Problem);
    }

    [Fact]
    public void A_kept_input_lands_under_its_reader_with_the_fixture_it_stands_in_for()
    {
        using var fixtures = new TempRepo();
        var failure = new FuzzFailure("claim-yaml", new FixturePlace("clean/claims/a.yaml"), Encoding.UTF8.GetBytes("id: [\n"), "boom");
        var kept = FuzzHarness.Save(fixtures.Root, failure);
        var listed = Assert.Single(FuzzHarness.Regressions(fixtures.Root, "claim-yaml"));
        Assert.Equal(kept, listed.File);
        Assert.Equal("clean/claims/a.yaml", listed.Place.Path);
        Assert.Equal("id: [\n", File.ReadAllText(kept));
        Assert.EndsWith(".yaml", kept);
        Assert.Null(listed.Skip);
        File.AppendAllText(kept + ".where", "skip: fixed on branch x\n");
        Assert.Equal("fixed on branch x", Assert.Single(FuzzHarness.Regressions(fixtures.Root, "claim-yaml")).Skip);
    }

    private sealed class FakeReader(Func<byte[], FuzzOutcome> run) : FuzzReader
    {
        public override string Name => "fake";

        public override bool Seeds(FixturePlace place) => false;

        public override FuzzOutcome Run(byte[] input, FixturePlace place, FuzzWorkspace workspace) => run(input);
    }
}
