using System.Diagnostics;
using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Authoring;
using EvidenceTracker.Cli;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

public class CiteTests
{
    private const string Sources = "id: s\ntype: report\ntitle: S\n";

    private static TempRepo Repo(string claim)
    {
        var repo = new TempRepo();
        repo.Write("sources/s.yaml", Sources);
        repo.Write("sources/t.yaml", "id: t\ntype: report\ntitle: T\n");
        repo.Write("claims/c.yaml", claim);
        return repo;
    }

    [Fact]
    public void Cite_keeps_comments_order_quoting_and_blank_lines_byte_for_byte()
    {
        var before = """
            # A claim written by hand.
            id: c   # the id
            statement: 'Single-quoted: kept as it is'

            citations:
                # first citation, indented four spaces
                -   source: s
                    quote: >
                      folded
                      text
                    locator: "p. 3"   # page

            tags: [a,   b]
            verdict: supported
            """;
        using var repo = Repo(before);
        var result = CliRunner.Run(repo.Root, "cite", "c", "t", "--quote", "She said: \"yes\"", "--locator", "fig. 2", "--stance", "mentions");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("c claims/c.yaml\n", result.Out);
        var after = repo.Read("claims/c.yaml");
        var expected = """
            # A claim written by hand.
            id: c   # the id
            statement: 'Single-quoted: kept as it is'

            citations:
                # first citation, indented four spaces
                -   source: s
                    quote: >
                      folded
                      text
                    locator: "p. 3"   # page
                -   source: t
                    quote: "She said: \"yes\""
                    locator: fig. 2
                    stance: mentions

            tags: [a,   b]
            verdict: supported
            """;
        Assert.Equal(expected, after);
        var claim = EvidenceQueries.Check(repo.Root).Claims.Single().Claim;
        Assert.Equal(["s", "t"], claim.Citations.Select(c => c.Source));
        Assert.Equal("folded text\n", claim.Citations[0].Quote);
    }

    [Theory]
    [InlineData("id: c\nstatement: x\n", "id: c\nstatement: x\ncitations:\n  - source: t\n")]
    [InlineData("id: c\nstatement: x", "id: c\nstatement: x\ncitations:\n  - source: t\n")]
    [InlineData("id: c\ncitations:\nstatement: x\n", "id: c\ncitations:\n  - source: t\nstatement: x\n")]
    [InlineData("id: c\ncitations: ~   # none yet\nstatement: x\n", "id: c\ncitations:   # none yet\n  - source: t\nstatement: x\n")]
    [InlineData("id: c\ncitations: []\nstatement: x\n", "id: c\ncitations: [{source: t}]\nstatement: x\n")]
    [InlineData("id: c\ncitations: [{source: s}]  # flow\nstatement: x\n", "id: c\ncitations: [{source: s}, {source: t}]  # flow\nstatement: x\n")]
    [InlineData("id: c\nstatement: x\ncitations:\n- source: s\n", "id: c\nstatement: x\ncitations:\n- source: s\n- source: t\n")]
    [InlineData("id: c\r\nstatement: x\r\ncitations:\r\n  - source: s\r\n", "id: c\r\nstatement: x\r\ncitations:\r\n  - source: s\r\n  - source: t\r\n")]
    [InlineData("id: c\nstatement: x\ncitations:\n  - source: s\n    quote: |\n      two\n      lines\n\n# trailing comment\n", "id: c\nstatement: x\ncitations:\n  - source: s\n    quote: |\n      two\n      lines\n  - source: t\n\n# trailing comment\n")]
    public void Cite_adds_the_item_in_the_style_of_the_list_that_is_there(string before, string after)
    {
        using var repo = Repo(before);
        var result = CliRunner.Run(repo.Root, "cite", "c", "t");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(after, repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void Cite_keeps_a_byte_order_mark()
    {
        using var repo = Repo("");
        repo.WriteBytes("claims/c.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id: c\nstatement: x\n")]);
        Assert.Equal(0, CliRunner.Run(repo.Root, "cite", "c", "s").ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id: c\nstatement: x\ncitations:\n  - source: s\n")],
            File.ReadAllBytes(repo.Full("claims/c.yaml")));
    }

    [Theory]
    [InlineData("nope", "s", "claim: no claim has the id 'nope'")]
    [InlineData("c", "x", "source: no source has the id 'x'")]
    public void Cite_refuses_an_unknown_claim_or_source_and_writes_nothing(string claim, string source, string message)
    {
        using var repo = Repo("id: c\nstatement: x\n");
        var result = CliRunner.Run(repo.Root, "cite", claim, source);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Equal("id: c\nstatement: x\n", repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void Cite_refuses_an_identical_citation_that_is_already_there()
    {
        using var repo = Repo("id: c\nstatement: x\ncitations:\n  - source: s\n    locator: p. 2\n");
        var result = CliRunner.Run(repo.Root, "cite", "c", "s", "--locator", "p. 2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already cites 's' with this quote and locator", result.Error);
        Assert.Equal(0, CliRunner.Run(repo.Root, "cite", "c", "s", "--again", "--locator", "p. 3").ExitCode);
        Assert.Equal(["p. 2", "p. 3"], Assert.Single(EvidenceQueries.Check(repo.Root).Claims).Claim.Citations.Select(c => c.Locator));
    }

    [Fact]
    public void Cite_completes_the_existing_citation_of_the_source_in_place_instead_of_adding_a_second()
    {
        var before = "id: c   # kept\nstatement: x\ncitations:\n  # the draft's citation\n  - source: s   # from footnote 1\n  - {source: t}\ntags: [a]\n";
        using var repo = Repo(before);
        Assert.Equal(0, CliRunner.Run(repo.Root, "cite", "c", "s", "--quote", "Thirty-one lesions", "--locator", "para. 2").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "cite", "c", "t", "--stance", "mentions").ExitCode);
        Assert.Equal("id: c   # kept\nstatement: x\ncitations:\n  # the draft's citation\n  - source: s   # from footnote 1\n    quote: Thirty-one lesions\n    locator: para. 2\n"
            + "  - {source: t, stance: mentions}\ntags: [a]\n", repo.Read("claims/c.yaml"));
        var claim = Assert.Single(EvidenceQueries.Check(repo.Root).Claims).Claim;
        Assert.Equal(2, claim.Citations.Count);
    }

    [Fact]
    public void Cite_refuses_to_replace_a_value_the_citation_has_and_names_again_and_set()
    {
        var before = "id: c\nstatement: x\ncitations:\n  - source: s\n    locator: p. 2\n";
        using var repo = Repo(before);
        var result = CliRunner.Run(repo.Root, "cite", "c", "s", "--locator", "p. 3");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("claim 'c' already cites 's' with locator 'p. 2'; add --again to cite it a second time, or change it with `evidence set c 'citations[s].locator' …`", result.Error);
        Assert.Equal(before, repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void A_claim_citing_one_source_twice_with_the_same_locator_is_a_schema_warning()
    {
        using var repo = Repo("id: c\nstatement: x\ncitations:\n  - source: s\n    locator: p. 2\n  - source: s\n    locator: p. 2\n  - source: s\n    locator: p. 3\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == "schema").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(EvidenceTracker.Diagnostics.Severity.Warning, finding.Severity);
        Assert.Equal(6, finding.Line);
        Assert.Contains("cites source 's' more than once with the locator 'p. 2'", finding.Message);
    }

    [Fact]
    public void Cite_refuses_a_claim_file_that_is_not_valid_yaml_and_leaves_it_alone()
    {
        using var repo = Repo("id: c\nstatement: [broken\n");
        var result = CliRunner.Run(repo.Root, "cite", "c", "s");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not valid YAML", result.Error);
        Assert.Equal("id: c\nstatement: [broken\n", repo.Read("claims/c.yaml"));
    }

    [Fact]
    public void Cite_finds_a_claim_in_a_sub_folder()
    {
        using var repo = Repo("id: c\nstatement: x\n");
        repo.Write("claims/deep/er/d.yaml", "id: d\nstatement: y\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "cite", "d", "s").ExitCode);
        Assert.EndsWith("  - source: s\n", repo.Read("claims/deep/er/d.yaml"));
    }

    private static IEnumerable<string> Labels(System.CommandLine.ParseResult parsed) =>
        parsed.GetCompletions().Select(c => c.Label).Where(l => !l.StartsWith('-') && !l.StartsWith('/') && l != "-?");

    [Fact]
    public void Completion_offers_claim_ids_for_cite_and_source_ids_for_its_second_argument_and_for_cite_options()
    {
        using var repo = Repo("id: c\nstatement: x\n");
        repo.Write("claims/other.yaml", "id: other\nstatement: y\n");
        var root = EvidenceCli.BuildRoot(new CommandContext(TextWriter.Null, TextWriter.Null, CliEnvironment.Plain(repo.Root)));
        Assert.Equal(["c", "other"], Labels(root.Parse("cite ")));
        Assert.Equal(["s", "t"], Labels(root.Parse("cite c ")));
        Assert.Equal(["s", "t"], Labels(root.Parse("add claim --statement x --cite ")));
    }
}

public class WriteSafetyTests
{
    [Fact]
    public void Of_many_concurrent_creates_of_one_path_exactly_one_wins()
    {
        using var repo = new TempRepo();
        var path = repo.Full("claims/same.yaml");
        var wins = 0;
        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (AtomicFile.TryCreateNew(path, $"id: same\nstatement: writer {i}\n"))
            {
                Interlocked.Increment(ref wins);
            }
        });
        Assert.Equal(1, wins);
        Assert.Matches("^id: same\nstatement: writer \\d+\n$", repo.Read("claims/same.yaml"));
        Assert.Single(Directory.GetFiles(repo.Full("claims"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Concurrent_adds_of_one_statement_without_an_id_all_succeed_each_with_its_own_id()
    {
        // Each looks at the folder, derives the first free id, then creates its file; one that finds its id taken
        // meanwhile moves on to the next free one (4 of 8 racing processes were refused before).
        using var repo = new TempRepo();
        const int Rounds = 12, Writers = 8;
        var results = new WriteResult[Rounds * Writers];
        for (var round = 0; round < Rounds; round++)
        {
            Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, i => results[(round * Writers) + i] =
                AuthoringService.AddClaim(new AddClaimSettings { Root = repo.Root, Statement = "Ten hospitals joined the trial.", Verdict = "unverifiable" }));
        }
        Assert.All(results, r => Assert.True(r.Ok, string.Join("; ", r.Problems)));
        Assert.Equal(Rounds * Writers, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Rounds * Writers, Directory.GetFiles(repo.Full("claims")).Length);
        Assert.All(results, r => Assert.Equal(r.Id, r.Claim!.Id));
        Assert.All(results, r => Assert.StartsWith($"id: {r.Id}\n", repo.Read(r.Path!), StringComparison.Ordinal));
    }

    [Fact]
    public void Concurrent_adds_of_one_doi_leave_one_source_and_refuse_the_others_as_duplicates()
    {
        using var repo = new TempRepo();
        var results = new WriteResult[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] =
            AuthoringService.AddSource(new AddSourceSettings { Root = repo.Root, Type = SourceType.JournalArticle, Title = "A trial", Doi = "10.1000/xyz123" }));
        Assert.Single(results, r => r.Ok);
        Assert.Single(Directory.GetFiles(repo.Full("sources")));
        Assert.All(results.Where(r => !r.Ok), r => Assert.Contains("10.1000/xyz123", string.Join("; ", r.Problems), StringComparison.Ordinal));
    }

    [Fact]
    public void Concurrent_processes_adding_the_same_id_leave_one_file_and_clear_messages()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "evidence");
        Assert.SkipUnless(File.Exists(exe), "the evidence executable is not next to the tests");
        using var repo = new TempRepo();
        var processes = Enumerable.Range(0, 6).Select(i =>
        {
            var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
            foreach (var a in new[] { "--root", repo.Root, "add", "claim", "--id", "race", "--statement", $"writer {i}", "--verdict", "unverifiable" })
            {
                info.ArgumentList.Add(a);
            }
            return Process.Start(info)!;
        }).ToList();
        var results = processes.Select(p =>
        {
            p.StandardInput.Close();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, err);
        }).ToList();
        Assert.Single(results, r => r.ExitCode == 0);
        Assert.All(results.Where(r => r.ExitCode != 0), r =>
        {
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("already exists", r.err);
        });
        Assert.Equal(["race.yaml"], Directory.GetFiles(repo.Full("claims"), "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_process_is_removed_by_the_next_write()
    {
        using var repo = new TempRepo();
        var stale = repo.Write("claims/.evidence-tmp-999999-0123456789abcdef", "half-written");
        var live = repo.Write($"claims/.evidence-tmp-{Environment.ProcessId}-fedcba9876543210", "in progress");
        Assert.True(AtomicFile.TryCreateNew(repo.Full("claims/a.yaml"), "id: a\nstatement: x\n"));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        using var repo = new TempRepo();
        Directory.CreateDirectory(repo.Full("claims/a.yaml"));
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(repo.Full("claims/a.yaml"), "x"));
        Assert.Empty(Directory.GetFiles(repo.Full("claims"), ".evidence-tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Deleting_pending_writes_removes_the_temporary_file_of_a_write_in_progress_and_the_target_is_never_created()
    {
        // What the SIGINT/SIGTERM/SIGHUP handler of the CLI does (AtomicFile.DeletePending), at the one moment where
        // it matters: while a write has its temporary file open and has not renamed it into place yet.
        using var repo = new TempRepo();
        var path = repo.Full("reports/check.json");
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var write = Task.Run(() => AtomicFile.Write(path, writer =>
        {
            writer.Write(new string('x', 100_000));
            writer.Flush();
            started.Set();
            release.Wait(TestContext.Current.CancellationToken);
            writer.Write("the rest");
        }), TestContext.Current.CancellationToken);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var folder = repo.Full("reports");
        Assert.Single(Directory.GetFiles(folder, ".evidence-tmp-*"));

        AtomicFile.DeletePending(p => p.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));

        Assert.Empty(Directory.GetFiles(folder, ".evidence-tmp-*"));
        release.Set();
        Assert.ThrowsAny<IOException>(() => write.GetAwaiter().GetResult());
        Assert.Empty(Directory.GetFiles(folder));
    }

    private static CiteSettings Cite(TempRepo repo, int i, TimeSpan? timeout = null) => new()
    {
        Root = repo.Root,
        Claim = "c",
        Citation = new CitationSpec("s", Locator: $"para. {i}"),
        Again = true,
        LockTimeout = timeout,
    };

    [Fact]
    public void Concurrent_cites_of_one_claim_keep_every_citation()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("claims/c.yaml", "# a comment that stays\nid: c\nstatement: x\n");
        const int Cites = 64;
        var results = new WriteResult[Cites];
        Parallel.For(0, Cites, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = AuthoringService.Cite(Cite(repo, i)));
        Assert.All(results, r => Assert.True(r.Ok, string.Join("; ", r.Problems)));
        var claim = Assert.Single(EvidenceTracker.Loading.RepositoryLoader.Load(repo.Root).Claims);
        Assert.Equal(Enumerable.Range(0, Cites).Select(i => $"para. {i}").Order(StringComparer.Ordinal),
            claim.Citations.Select(c => c.Locator!).Order(StringComparer.Ordinal));
        Assert.StartsWith("# a comment that stays\n", repo.Read("claims/c.yaml"));
        Assert.Equal(["c.yaml"], Directory.GetFiles(repo.Full("claims")).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void Concurrent_cite_processes_keep_every_citation()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "evidence");
        Assert.SkipUnless(File.Exists(exe) && OperatingSystem.IsLinux(), "needs the evidence executable on Linux");
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: x\n");
        const int Processes = 8, Rounds = 2;
        for (var round = 0; round < Rounds; round++)
        {
            var processes = Enumerable.Range(0, Processes).Select(i =>
            {
                var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in new[] { "--root", repo.Root, "cite", "c", "s", "--again", "--locator", $"round {round}, process {i}" })
                {
                    info.ArgumentList.Add(a);
                }
                return Process.Start(info)!;
            }).ToList();
            foreach (var p in processes)
            {
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, err);
                p.Dispose();
            }
        }
        var claim = Assert.Single(EvidenceTracker.Loading.RepositoryLoader.Load(repo.Root).Claims);
        Assert.Equal(Processes * Rounds, claim.Citations.Select(c => c.Locator).Distinct().Count());
        Assert.Equal(["c.yaml"], Directory.GetFiles(repo.Full("claims")).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public void A_cite_waits_for_another_edit_and_gives_up_after_its_time_out_with_a_clear_message()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        var before = "id: c\nstatement: x\n";
        repo.Write("claims/c.yaml", before);
        using (var held = EditLock.Acquire(repo.Full("claims"), "claims/"))
        {
            Assert.True(held.IsHeld);
            var ex = Assert.Throws<IOException>(() => AuthoringService.Cite(Cite(repo, 1, TimeSpan.FromMilliseconds(200))));
            Assert.Equal("claims/c.yaml is being edited by another process (waited 0.2 s); try again when it has finished", ex.Message);
            Assert.Equal(before, repo.Read("claims/c.yaml"));
        }
        Assert.True(AuthoringService.Cite(Cite(repo, 1, TimeSpan.FromMilliseconds(200))).Ok);
    }

    [Fact]
    public void The_lock_is_the_one_flock_takes_and_a_killed_holder_blocks_nobody()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/flock"), "needs util-linux flock(1)");
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: x\n");
        // Another process holds the claims folder (flock -o: the lock stays with flock itself, not with sleep).
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", ["-o", repo.Full("claims"), "sleep", "60"]) { RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IOException? refused = null;
        while (refused is null && DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = EditLock.Acquire(repo.Full("claims"), "claims/", TimeSpan.Zero);
                Thread.Sleep(20); // flock(1) has not taken it yet
            }
            catch (IOException ex)
            {
                refused = ex;
            }
        }
        Assert.NotNull(refused);
        Assert.Throws<IOException>(() => AuthoringService.Cite(Cite(repo, 1, TimeSpan.FromMilliseconds(100))));

        holder.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
        holder.WaitForExit();
        Assert.True(AuthoringService.Cite(Cite(repo, 1, TimeSpan.FromSeconds(5))).Ok);
        Assert.Equal(["c.yaml"], Directory.GetFiles(repo.Full("claims")).Select(f => Path.GetFileName(f)));
    }
}

public class PromptInTerminalTests
{
    [Fact]
    public async Task In_a_real_pseudo_terminal_add_source_asks_for_the_title_and_writes_the_file()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "evidence");
        Assert.SkipUnless(File.Exists(exe) && File.Exists("/usr/bin/script"), "needs the evidence executable and util-linux `script` for a pseudo-terminal");
        using var repo = new TempRepo();
        // `script` runs the command on a new pseudo-terminal and forwards our input to it: the CLI sees a terminal.
        var info = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-qec", $"'{exe}' --root '{repo.Root}' add source --publisher Example.org --date 2024-05-01", "/dev/null" })
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info)!;
        var output = new StringBuilder();
        var reader = Task.Run(() =>
        {
            var buffer = new char[256];
            int n;
            while ((n = p.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, n);
                }
            }
        }, TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Snapshot(output).Contains("Title: ", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }
        Assert.Contains("Title: ", Snapshot(output));
        p.StandardInput.Write("An annual report\n");
        p.StandardInput.Flush();
        Assert.True(p.WaitForExit(30_000), "the CLI did not finish after the answer");
        await reader.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("example-org-2024-05-01 sources/example-org-2024-05-01.yaml", Snapshot(output));
        Assert.Contains("title: An annual report\n", repo.Read("sources/example-org-2024-05-01.yaml"));
    }

    private static string Snapshot(StringBuilder sb)
    {
        lock (sb)
        {
            return sb.ToString();
        }
    }
}
