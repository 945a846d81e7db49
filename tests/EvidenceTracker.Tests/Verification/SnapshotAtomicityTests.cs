using System.Security.Cryptography;
using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Cli;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Tests.Verification;

/// <summary>
/// <c>evidence snapshot</c> is all or nothing: stopped after any of its write steps (a test seam throws there, as a
/// kill would stop it), the source names a snapshot that exists with the hash it records; what is left over is an
/// unreferenced file that <c>check</c> notes and the next snapshot removes.
/// </summary>
public class SnapshotAtomicityTests
{
    private const string Quote = "Inspectors found leaking pipes in 43.2% of the homes they visited.";
    private const string First = "First archive. " + Quote + "\n";
    private const string Second = "Second archive. " + Quote + "\n";

    private sealed class Stopped : Exception;

    private static TempRepo NewRepo()
    {
        var repo = new TempRepo();
        repo.Write("sources/riverside-report.yaml", "# kept\nid: riverside-report\ntype: report\ntitle: Report\nlevel: primary\n");
        repo.Write("claims/leaks.yaml",
            $"id: leaks\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: riverside-report\n    quote: \"{Quote}\"\n");
        repo.Write("in/first.txt", First);
        repo.Write("in/second.txt", Second);
        return repo;
    }

    private static SnapshotSettings Settings(TempRepo repo, string file, Action<SnapshotStep>? afterStep = null) => new()
    {
        Root = repo.Root,
        Source = "riverside-report",
        File = file,
        WorkingDirectory = repo.Root,
        Today = new DateOnly(2025, 6, 26),
        AfterStep = afterStep,
    };

    private static string Named(string text) =>
        $"riverside-report.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12]}.txt";

    /// <summary>The source's snapshot exists and hashes to what the source records; check finds no error.</summary>
    private static void AssertConsistent(TempRepo repo)
    {
        var set = RepositoryLoader.Load(repo.Root);
        var source = Assert.Single(set.Sources);
        if (source.Snapshot is { } snapshot)
        {
            var bytes = File.ReadAllBytes(repo.Full($"sources/{snapshot}"));
            Assert.Equal(source.SnapshotSha256, SnapshotFiles.Sha256(bytes));
        }
        else
        {
            Assert.Null(source.SnapshotSha256);
        }
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.Severity == Severity.Error);
    }

    private static string[] SnapshotNames(TempRepo repo) =>
        [.. Directory.GetFiles(repo.Full("sources/snapshots")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Steps => new(Enum.GetNames<SnapshotStep>());

    [Theory]
    [MemberData(nameof(Steps))]
    public void Stopped_after_any_step_of_a_first_snapshot_the_repository_is_consistent_and_the_next_run_completes(string step)
    {
        using var repo = NewRepo();
        var at = Enum.Parse<SnapshotStep>(step);
        Assert.Throws<Stopped>(() => SnapshotArchiver.Archive(Settings(repo, "in/first.txt", s =>
        {
            if (s == at)
            {
                throw new Stopped();
            }
        })));
        AssertConsistent(repo);

        var again = SnapshotArchiver.Archive(Settings(repo, "in/first.txt"));
        Assert.NotNull(again.Archive);
        AssertConsistent(repo);
        Assert.Equal([Named(First)], SnapshotNames(repo));
        Assert.Contains($"snapshot: snapshots/{Named(First)}\n", repo.Read("sources/riverside-report.yaml"));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Stopped_after_any_step_of_a_new_snapshot_the_source_names_an_intact_one_and_the_next_run_removes_the_rest(string step)
    {
        using var repo = NewRepo();
        Assert.NotNull(SnapshotArchiver.Archive(Settings(repo, "in/first.txt")).Archive);
        var at = Enum.Parse<SnapshotStep>(step);
        Assert.Throws<Stopped>(() => SnapshotArchiver.Archive(Settings(repo, "in/second.txt", s =>
        {
            if (s == at)
            {
                throw new Stopped();
            }
        })));
        AssertConsistent(repo);
        var recorded = repo.Read("sources/riverside-report.yaml");
        // before the commit point the source still names the first snapshot, after it the second
        Assert.Contains($"snapshot: snapshots/{(at == SnapshotStep.SnapshotWritten ? Named(First) : Named(Second))}\n", recorded);
        var strays = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.StraySnapshot).Select(f => f.File).ToList();
        Assert.Equal(at == SnapshotStep.StraysRemoved ? [] : [$"sources/snapshots/{(at == SnapshotStep.SnapshotWritten ? Named(Second) : Named(First))}"], strays);

        // The next run (of either file) finishes the job: one snapshot left, the one the source names.
        var next = SnapshotArchiver.Archive(Settings(repo, "in/second.txt"));
        Assert.NotNull(next.Archive);
        AssertConsistent(repo);
        Assert.Equal([Named(Second)], SnapshotNames(repo));
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.StraySnapshot);
    }

    [Fact]
    public void A_stray_left_before_the_source_was_recorded_is_removed_by_the_next_snapshot_of_other_content()
    {
        using var repo = NewRepo();
        Assert.Throws<Stopped>(() => SnapshotArchiver.Archive(Settings(repo, "in/first.txt", s => throw new Stopped())));
        Assert.Equal([Named(First)], SnapshotNames(repo));
        var next = SnapshotArchiver.Archive(Settings(repo, "in/second.txt"));
        Assert.Equal([Named(First)], next.Archive!.StraysRemoved);
        Assert.Equal([Named(Second)], SnapshotNames(repo));
        Assert.EndsWith($"removed sources/snapshots/{Named(First)}, left by an interrupted snapshot\n",
            CliRunnerOutput(next.Archive));
    }

    private static string CliRunnerOutput(SnapshotArchive archive)
    {
        using var writer = new StringWriter();
        Reporting.SnapshotFormatter.Write(archive, EvidenceTracker.Model.OutputFormat.Text, writer);
        return writer.ToString();
    }

    [Fact]
    public void The_next_snapshot_removes_only_unreferenced_files_the_tool_wrote_unchanged()
    {
        using var repo = NewRepo();
        var strayText = "an interrupted run\n";
        var stray = Named(strayText);
        repo.Write($"sources/snapshots/{stray}", strayText);
        var edited = Named("what the tool wrote\n");
        repo.Write($"sources/snapshots/{edited}", "edited by hand since\n");
        var mentionedText = "named by another source\n";
        var mentioned = Named(mentionedText);
        repo.Write($"sources/snapshots/{mentioned}", mentionedText);
        repo.Write("sources/broken.yaml", $"id: broken\ntitle: \"unclosed\nsnapshot: snapshots/{mentioned}\n");
        repo.Write("sources/snapshots/riverside-report.txt", "the user's own file\n");
        var otherText = "another source's stray\n";
        var other = $"other-source.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(otherText)))[..12]}.txt";
        repo.Write($"sources/snapshots/{other}", otherText);

        var outcome = SnapshotArchiver.Archive(Settings(repo, "in/first.txt"));
        Assert.Equal([stray], outcome.Archive!.StraysRemoved);
        Assert.Equal(new[] { Named(First), edited, mentioned, other, "riverside-report.txt" }.Order(StringComparer.Ordinal), SnapshotNames(repo));
    }

    [Fact]
    public void Check_notes_files_in_the_snapshots_folder_that_no_source_refers_to()
    {
        using var repo = NewRepo();
        Assert.NotNull(SnapshotArchiver.Archive(Settings(repo, "in/first.txt")).Archive);
        repo.Write("sources/snapshots/notes.txt", "kept by hand\n");
        repo.Write("sources/snapshots/.evidence-tmp-1-x-1", "a write in progress\n");
        repo.Write("sources/snapshots/named.txt", "named by a source that cannot be read\n");
        repo.Write("sources/unreadable.yaml", "id: unreadable\ntitle: [unclosed\nsnapshot: snapshots/named.txt\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.StraySnapshot).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(("sources/snapshots/notes.txt", Severity.Note, (int?)null), (finding.File, finding.Severity, finding.Line));
        Assert.StartsWith("no source refers to sources/snapshots/notes.txt; record it with `evidence snapshot SOURCE", finding.Message);
    }

    [Fact]
    public void Concurrent_snapshots_of_one_source_leave_it_naming_an_intact_snapshot_and_no_stray()
    {
        // Without the sources folder's lock, one run's clean-up removes the snapshot another run has written but not
        // yet recorded, and the source ends up naming a file that does not exist.
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        const int Writers = 8, Rounds = 3;
        for (var i = 0; i < Writers * Rounds; i++)
        {
            repo.Write($"in/{i}.txt", $"Version {i}.\n");
        }
        // Threads of their own, started together: the thread pool would start only as many as there are cores.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(Writers);
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (var r = 0; r < Rounds; r++)
            {
                var outcome = SnapshotArchiver.Archive(new SnapshotSettings
                {
                    Root = repo.Root, Source = "s", File = $"in/{(w * Rounds) + r}.txt", WorkingDirectory = repo.Root, Today = new DateOnly(2025, 6, 26),
                    AfterStep = step =>
                    {
                        if (step == SnapshotStep.SnapshotWritten)
                        {
                            Thread.Sleep(10); // a slow disk between the snapshot's write and the source's
                        }
                        else if (step == SnapshotStep.StraysRemoved
                            && System.Text.RegularExpressions.Regex.Match(repo.Read("sources/s.yaml"), "snapshot: (\\S+)").Groups[1].Value is var named
                            && !File.Exists(repo.Full($"sources/{named}")))
                        {
                            failures.Add($"at the end of a run the source names {named}, which another run removed");
                        }
                    },
                });
                if (outcome.Archive is null)
                {
                    failures.Add(outcome.Message ?? "refused");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
        var source = Assert.Single(RepositoryLoader.Load(repo.Root).Sources);
        Assert.Equal(source.SnapshotSha256, SnapshotFiles.Sha256(File.ReadAllBytes(repo.Full($"sources/{source.Snapshot}"))));
        Assert.Equal([Path.GetFileName(source.Snapshot!)], Directory.GetFiles(repo.Full("sources/snapshots")).Select(f => Path.GetFileName(f)));
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.StraySnapshot || f.Severity == Severity.Error);
    }

    [Fact]
    public void A_file_under_the_new_name_with_other_content_is_refused_and_not_replaced()
    {
        using var repo = NewRepo();
        repo.Write($"sources/snapshots/{Named(First)}", "something else\n");
        var result = CliRunner.Run(CliEnvironment.Plain(repo.Root), ["--root", repo.Root, "snapshot", "riverside-report", "in/first.txt"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: sources/snapshots/{Named(First)} already exists with other content (edited by hand?); move it away and run again\n", result.Error);
        Assert.Equal("something else\n", repo.Read($"sources/snapshots/{Named(First)}"));
        Assert.DoesNotContain("snapshot:", repo.Read("sources/riverside-report.yaml"));
    }
}
