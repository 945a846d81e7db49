using System.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

/// <summary>
/// Concurrent <c>cite</c>, <c>set</c> and <c>mv</c> of one claim: each edit either lands or is reported failed, and
/// no edit that reported success is lost — not a citation, not the last value each editor set.
/// </summary>
public class EditRaceTests
{
    private const string Claim = "# a comment that stays\nid: c\nstatement: x\ncitations:\n  - source: s\n";

    /// <summary>The edit worker <paramref name="worker"/> makes in round <paramref name="round"/>, with the claim named <paramref name="id"/>.</summary>
    private static string[] Edit(int worker, int round) => worker switch
    {
        < 4 => ["cite", "c", "s", "--again", "--locator", $"w{worker} r{round}"],
        4 => ["set", "c", "note", $"note {round}"],
        5 => ["set", "c", "tags", $"tag-{round}", "fixed"],
        6 => ["set", "c", "citations[t].locator", $"p. {round}"],
        _ when round % 5 != 0 => ["set", "c", "statement", $"statement {round}"],
        _ => round / 5 % 2 == 0 ? ["mv", "c", "d"] : ["mv", "d", "c"],
    };

    private static TempRepo Repo()
    {
        var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("sources/t.yaml", "id: t\ntype: report\ntitle: T\n");
        repo.Write("claims/c.yaml", Claim + "  - source: t\n");
        return repo;
    }

    /// <summary>Checks the final file against what each worker was told succeeded.</summary>
    private static void AssertNoLostUpdate(TempRepo repo, bool[][] ok, int rounds)
    {
        var claim = Assert.Single(RepositoryLoader.Load(repo.Root).Claims);
        Assert.StartsWith("# a comment that stays\n", File.ReadAllText(Path.Combine(repo.Root, claim.File)));
        var locators = claim.Citations.Select(c => c.Locator).ToHashSet();
        for (var w = 0; w < 4; w++)
        {
            for (var r = 0; r < rounds; r++)
            {
                Assert.Equal(ok[w][r], locators.Contains($"w{w} r{r}"));
            }
        }
        int? Last(int w) => Enumerable.Range(0, rounds).Where(r => ok[w][r]).Select(r => (int?)r).LastOrDefault();
        Assert.Equal(Last(4) is { } n ? $"note {n}" : null, claim.Note);
        string[] tags = Last(5) is { } t ? [$"tag-{t}", "fixed"] : [];
        Assert.Equal(tags, claim.Tags);
        Assert.Equal(Last(6) is { } p ? $"p. {p}" : null, claim.Citations.Single(c => c.Source == "t").Locator);
        Assert.Equal(Enumerable.Range(0, rounds).Where(r => r % 5 != 0 && ok[7][r]).Select(r => $"statement {r}").LastOrDefault() ?? "x", claim.Statement);
        var renames = Enumerable.Range(0, rounds).Count(r => r % 5 == 0 && ok[7][r]);
        Assert.Equal(renames % 2 == 0 ? "c" : "d", claim.Id);
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Root, "claims"), ".*"));
    }

    [Fact]
    public void Eight_editors_making_fifty_edits_each_on_one_claim_lose_no_edit_that_succeeded()
    {
        using var repo = Repo();
        const int Workers = 8, Rounds = 50;
        var ok = Enumerable.Range(0, Workers).Select(_ => new bool[Rounds]).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w =>
        {
            for (var r = 0; r < Rounds; r++)
            {
                var result = CliRunner.Run(repo.Root, Edit(w, r));
                ok[w][r] = result.ExitCode == 0;
                if (!ok[w][r])
                {
                    // A failure is reported, in one line, never silently.
                    Assert.StartsWith("error: ", result.Error);
                    failures.Add(result.Error);
                }
            }
        });
        AssertNoLostUpdate(repo, ok, Rounds);
        // Edits fail only while the claim is called d (or when a wait runs out), each with its error, never a stack trace; which
        // editor lands how many depends on the scheduler, so only the total is bounded.
        Assert.True(ok.Sum(w => w.Count(x => x)) > 0);
        Assert.All(failures, f => Assert.DoesNotContain("   at ", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Eight_processes_editing_one_claim_lose_no_edit_that_succeeded()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "evidence");
        Assert.SkipUnless(File.Exists(exe) && OperatingSystem.IsLinux(), "needs the evidence executable on Linux");
        using var repo = Repo();
        const int Workers = 8, Rounds = 4;
        var ok = Enumerable.Range(0, Workers).Select(_ => new bool[Rounds]).ToArray();
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w =>
        {
            for (var r = 0; r < Rounds; r++)
            {
                var info = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in new[] { "--root", repo.Root }.Concat(Edit(w, r)))
                {
                    info.ArgumentList.Add(a);
                }
                using var p = Process.Start(info)!;
                var err = p.StandardError.ReadToEnd();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                ok[w][r] = p.ExitCode == 0;
                Assert.True(ok[w][r] || err.StartsWith("error: ", StringComparison.Ordinal), err);
            }
        });
        AssertNoLostUpdate(repo, ok, Rounds);
    }

    [Fact]
    public async Task A_cite_that_waited_while_its_source_was_renamed_writes_nothing()
    {
        using var repo = Repo();
        var claims = Path.Combine(repo.Root, "claims");
        Task<CliResult> cite;
        // mv holds every claim folder's lock while it renames a source; the cite checks its source, then waits
        using (EvidenceTracker.Storage.EditLock.Acquire(claims, "claims/"))
        {
            cite = Task.Run(() => CliRunner.Run(repo.Root, "cite", "c", "s", "--again", "--locator", "late"), TestContext.Current.CancellationToken);
            await Task.Delay(500, TestContext.Current.CancellationToken);
            File.Move(repo.Full("sources/s.yaml"), repo.Full("sources/s2.yaml"));
        }
        var result = await cite.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("source 's' was renamed or removed while this edit waited", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("late", repo.Read("claims/c.yaml"), StringComparison.Ordinal);
    }
}

