using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>The site writer that takes pages as they are rendered: only changes written, leftovers cleaned, failures reported.</summary>
public sealed class SiteWriterStreamingTests
{
    private static SiteWriteResult Build(string root, string outDir, bool checkOnly = false) =>
        SiteService.Build(new BuildSettings { Root = root, Out = outDir, CheckOnly = checkOnly }).Result;

    [Fact]
    public void Streaming_the_pages_gives_the_same_files_as_building_them_all_first()
    {
        var report = EvidenceQueries.Check(TestPaths.Fixture("clean"));
        var all = SiteBuilder.Build(report);
        var streamed = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>();
        SiteBuilder.Build(report, (path, bytes) => Assert.True(streamed.TryAdd(path, bytes), path));
        Assert.Equal(all.Keys.Order(StringComparer.Ordinal), streamed.Keys.Order(StringComparer.Ordinal));
        Assert.All(all, pair => Assert.Equal(pair.Value, streamed[pair.Key]));
    }

    [Fact]
    public void A_rebuild_writes_only_the_pages_whose_bytes_changed_and_removes_the_pages_that_went()
    {
        using var repo = new TempRepo("clean");
        var site = repo.Full("out");
        var first = Build(repo.Root, site);
        Assert.Equal(first.Files, first.Written.Count);
        var again = Build(repo.Root, site);
        Assert.Empty(again.Written);
        Assert.Equal(first.Files, again.Unchanged);

        File.WriteAllText(repo.Full("claims/trial-size-120.yaml"),
            File.ReadAllText(repo.Full("claims/trial-size-120.yaml")).Replace("120 adults", "120 adults aged 20 to 60", StringComparison.Ordinal));
        var changed = Build(repo.Root, site);
        Assert.Contains("claims/trial-size-120.html", changed.Written);
        Assert.DoesNotContain("claims/coffee-cuts-sleep-41-minutes.html", changed.Written);

        File.Delete(repo.Full("claims/trial-size-120.yaml"));
        var removed = Build(repo.Root, site);
        Assert.Contains("claims/trial-size-120.html", removed.Removed);
        Assert.False(File.Exists(Path.Combine(site, "claims", "trial-size-120.html")));
        Assert.Empty(Build(repo.Root, site, checkOnly: true).Stale);
    }

    [Fact]
    public void Temporary_files_of_an_interrupted_build_are_removed_by_the_next()
    {
        using var repo = new TempRepo("clean");
        var site = repo.Full("out");
        Build(repo.Root, site);
        var leftover = Path.Combine(site, "claims", ".evidence-site-99999-trial-size-120.html");
        File.WriteAllText(leftover, "half a page");
        Assert.Empty(Build(repo.Root, site, checkOnly: true).Stale);
        Assert.True(File.Exists(leftover), "--check writes and deletes nothing");
        Build(repo.Root, site);
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void A_page_that_cannot_be_written_fails_the_build_with_the_reason()
    {
        using var repo = new TempRepo("clean");
        var site = repo.Full("out");
        // A folder where a page belongs: the writer cannot create the page.
        Directory.CreateDirectory(Path.Combine(site, "claims", "trial-size-120.html"));
        var error = Assert.ThrowsAny<IOException>(() => Build(repo.Root, site));
        Assert.Contains("trial-size-120.html", error.Message);
    }
}
