using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The build renders again only the pages whose inputs changed (the digests kept in the manifest), and what it leaves
/// is always what a build from nothing would write.
/// </summary>
public sealed class IncrementalBuildTests
{
    private static readonly DateTime Old = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SiteWriteResult Build(string root, string outDir, bool checkOnly = false, bool full = false) =>
        SiteService.Build(new BuildSettings { Root = root, Out = outDir, CheckOnly = checkOnly, Full = full }).Result;

    /// <summary>The clean fixture and a claim and source of their own, which no other page shows.</summary>
    private static TempRepo Repo()
    {
        var repo = new TempRepo("clean");
        repo.Write("sources/other-2020.yaml", "id: other-2020\ntype: report\ntitle: An unrelated report\ndate: 2020-01-01\nurl: https://example.org/other\nlevel: primary\n");
        repo.Write("claims/unrelated-claim.yaml", "id: unrelated-claim\nstatement: Something else entirely.\ncitations:\n  - source: other-2020\n");
        return repo;
    }

    /// <summary>Every file of the folder (the manifest included) with its bytes.</summary>
    private static SortedDictionary<string, byte[]> Files(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void Age(string dir)
    {
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(f, Old);
        }
    }

    private static List<string> Touched(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) != Old)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>The incremental folder holds, byte for byte, what a build into an empty folder writes (manifest included).</summary>
    private static void AssertSameAsFromNothing(TempRepo repo, string site)
    {
        var fresh = repo.Full($"fresh-{Guid.NewGuid():N}");
        Build(repo.Root, fresh);
        var expected = Files(fresh);
        var actual = Files(site);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs from a build from nothing"));
        Directory.Delete(fresh, recursive: true);
    }

    [Fact]
    public void Files_are_digested_only_when_loading_is_asked_for_it_and_a_set_without_digests_has_no_repository_digest()
    {
        using var repo = Repo();
        var plain = EvidenceTracker.Loading.RepositoryLoader.Load(repo.Root);
        Assert.False(plain.HasContentHashes);
        Assert.Empty(plain.ContentHashes);
        Assert.Null(RepositoryDigest.Of(plain)); // nothing can be taken as unchanged

        var digested = EvidenceTracker.Loading.RepositoryLoader.Load(repo.Root, contentHashes: true);
        Assert.True(digested.HasContentHashes);
        var loaded = digested.Claims.Select(c => c.File).Concat(digested.Sources.Select(s => s.File)).Concat(digested.Articles.Select(a => a.File));
        Assert.Equal(loaded.Order(StringComparer.Ordinal), digested.ContentHashes.Keys.Where(k => k != "evidence.yaml").Order(StringComparer.Ordinal));
        Assert.All(digested.ContentHashes.Values, h => Assert.Matches("^[0-9a-f]{32}$", h));
        Assert.NotNull(RepositoryDigest.Of(digested));
    }

    [Fact]
    public void A_second_build_with_nothing_changed_renders_nothing_and_writes_no_file()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        var first = Build(repo.Root, site);
        Assert.Equal(0, first.Reused);
        Age(site);

        var again = Build(repo.Root, site);

        Assert.Empty(again.Written);
        Assert.Empty(again.Removed);
        Assert.Equal(first.Files, again.Files);
        Assert.Equal(again.Files, again.Reused);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.Empty(Touched(site));
    }

    [Fact]
    public void A_build_of_the_repository_the_last_build_read_with_every_page_there_checks_and_renders_nothing()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Assert.False(Build(repo.Root, site).UpToDate);
        Age(site);

        var again = Build(repo.Root, site);

        Assert.True(again.UpToDate);
        Assert.Equal(again.Files, again.Reused);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.Empty(again.Written);
        Assert.Empty(Touched(site));
        var manifest = File.ReadAllText(Path.Combine(site, ".evidence-site.json"));
        Assert.Matches("\n  \"repository\": \"[0-9a-f]{64}\",\n  \"seal\": \"[0-9a-f]{64}\"\n}\n$", manifest);
    }

    [Fact]
    public void A_manifest_whose_list_was_edited_is_not_taken_for_the_last_builds_and_the_missing_pages_are_written()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        // the page and its line in the manifest both gone (an edit by hand, or a merge of two builds)
        var manifest = Path.Combine(site, ".evidence-site.json");
        var lines = File.ReadAllLines(manifest).Where(l => !l.Contains("\"claims/unrelated-claim.md\"", StringComparison.Ordinal));
        File.WriteAllText(manifest, string.Join('\n', lines) + "\n");
        File.Delete(Path.Combine(site, "claims", "unrelated-claim.md"));

        var again = Build(repo.Root, site);

        Assert.False(again.UpToDate);
        Assert.Equal(["claims/unrelated-claim.md"], again.Written);
        AssertSameAsFromNothing(repo, site);
    }

    [Fact]
    public void A_seal_tells_apart_lists_that_differ_in_one_character_of_a_key_longer_than_its_buffer()
    {
        var key = new string('a', 100_000);
        var other = key[..^1] + "b";
        Dictionary<string, string> List(string k) => new(StringComparer.Ordinal) { ["index.html"] = "1", [k] = "2" };
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["index"] = "3" };

        Assert.Equal(SiteManifest.Seal("r", List(key), inputs), SiteManifest.Seal("r", List(key), inputs));
        Assert.NotEqual(SiteManifest.Seal("r", List(key), inputs), SiteManifest.Seal("r", List(other), inputs));
        Assert.NotEqual(SiteManifest.Seal("r", List(key), inputs), SiteManifest.Seal(null, List(key), inputs));
    }

    [Fact]
    public void A_manifest_is_read_back_as_written_with_or_without_a_byte_order_mark_and_refused_with_anything_after_it()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        var path = Path.Combine(site, SiteManifest.FileName);
        var bytes = File.ReadAllBytes(path);
        var written = SiteManifest.Read(site, SiteFolder.Read(site));
        Assert.NotNull(written);
        Assert.Equal(Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Count() - 1, written.Files.Count);
        Assert.NotEmpty(written.Inputs);
        Assert.Matches("^[0-9a-f]{64}$", written.Repository);
        Assert.Equal(written.Repository, SiteManifest.RepositoryOf(site));

        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. bytes]);
        var withMark = SiteManifest.Read(site, SiteFolder.Read(site));
        Assert.NotNull(withMark);
        Assert.Equal(written.Files, withMark.Files);
        Assert.Equal(written.Inputs, withMark.Inputs);
        Assert.Equal(written.Repository, SiteManifest.RepositoryOf(site));

        File.WriteAllBytes(path, [.. bytes, .. "{}"u8]);
        Assert.Null(SiteManifest.Read(site, SiteFolder.Read(site)));

        // a path or a repository that is not UTF-8: untrusted, not a crash
        var broken = System.Text.Encoding.UTF8.GetBytes("{\"files\": {\"index.html\": \"x\", \"a\u00e9.html\": \"y\"}, \"repository\": \"r\u00e9\"}");
        var invalid = broken.AsSpan().IndexOf("\u00e9"u8);
        Assert.True(invalid > 0);
        foreach (var (at, repository) in new[] { (invalid, "r\u00e9"), (broken.AsSpan().LastIndexOf("\u00e9"u8), null) })
        {
            var copy = (byte[])broken.Clone();
            copy[at] = 0xFF;
            File.WriteAllBytes(path, copy);
            Assert.Null(SiteManifest.Read(site, SiteFolder.Read(site)));
            // the first look reads the repository alone: a broken path is found by the full read
            Assert.Equal(repository, SiteManifest.RepositoryOf(site));
        }

        // a repository given twice counts the last time, for the shortcut's first look as for the full read
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        File.WriteAllText(path, text.Replace("\"version\": 1,", "\"repository\": \"other\", \"version\": 1,", StringComparison.Ordinal));
        Assert.Equal(written.Repository, SiteManifest.RepositoryOf(site));
        Assert.Equal(written.Repository, SiteManifest.Read(site, SiteFolder.Read(site))?.Repository);
    }

    [Fact]
    public void A_manifest_that_is_a_link_gives_no_repository_and_the_build_checks_again()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        var path = Path.Combine(site, SiteManifest.FileName);
        var elsewhere = repo.Full("manifest-elsewhere.json");
        File.Move(path, elsewhere);
        File.CreateSymbolicLink(path, elsewhere);

        Assert.Null(SiteManifest.RepositoryOf(site));
        Assert.Null(SiteWriter.UpToDate(site, "any"));
    }

    [Fact]
    public void A_full_build_renders_every_page_though_the_repository_is_unchanged()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);

        var full = Build(repo.Root, site, full: true);

        Assert.False(full.UpToDate);
        Assert.Equal(0, full.Reused);
        Assert.Equal(full.Files, full.Unchanged);
        Assert.True(Build(repo.Root, site).UpToDate);
    }

    [Theory]
    [InlineData("a link in sources/")]
    [InlineData("a snapshot named outside sources/")]
    [InlineData("a named pipe in sources/")]
    public void A_repository_whose_inputs_cannot_all_be_read_has_no_digest_and_is_checked_at_every_build(string what)
    {
        using var repo = Repo();
        switch (what)
        {
            case "a link in sources/":
                File.CreateSymbolicLink(repo.Full("sources/snapshots/elsewhere.txt"), repo.Full("articles/coffee-study.md"));
                break;
            case "a snapshot named outside sources/":
                repo.Write("articles/page.html", "<p>An archived page kept beside the articles.</p>");
                repo.Write("sources/kept-elsewhere.yaml", "id: kept-elsewhere\ntype: webpage\ntitle: Kept elsewhere\nurl: https://example.org/k\nsnapshot: ../articles/page.html\n");
                break;
            default:
                Assert.Equal(0, Mkfifo(repo.Full("sources/snapshots/pipe"), Convert.ToUInt32("644", 8)));
                break;
        }
        var site = repo.Full("out");
        Build(repo.Root, site);

        Assert.Null(RepositoryDigest.Of(EvidenceTracker.Loading.RepositoryLoader.Load(repo.Root, contentHashes: true)));
        var again = Build(repo.Root, site);
        Assert.False(again.UpToDate);
        Assert.Equal(again.Files, again.Reused); // each group's inputs still spare the rendering
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo(string path, uint mode);

    [Fact]
    public void A_change_to_one_claim_rewrites_only_the_pages_that_show_it()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        Age(site);

        var claim = repo.Full("claims/trial-size-120.yaml");
        File.WriteAllText(claim, File.ReadAllText(claim).Replace("120 adults", "120 adults aged 20 to 60", StringComparison.Ordinal));
        var result = Build(repo.Root, site);

        Assert.Contains("claims/trial-size-120.html", result.Written);
        Assert.Contains("claims/trial-size-120.md", result.Written);
        Assert.Contains("index.html", result.Written);
        Assert.Contains("evidence.json", result.Written);
        // The source it cites lists it, and so does the sources page; its article tracks it.
        Assert.Contains("sources/smith-2023-caffeine.html", result.Written);
        var showsIt = new[] { "claims/trial-size-120.", "sources/smith-2023-caffeine.", "articles/coffee-study.", "index.", "README.", "matrix.", "sources.", "evidence.", ".evidence-site.json" };
        Assert.All(Touched(site), f => Assert.Contains(showsIt, prefix => f.StartsWith(prefix, StringComparison.Ordinal)));
        // Pages that do not show the claim were not even rendered again.
        Assert.DoesNotContain("claims/unrelated-claim.html", Touched(site));
        Assert.DoesNotContain("sources/other-2020.html", Touched(site));
        Assert.DoesNotContain("claims/coffee-cuts-sleep-41-minutes.html", Touched(site));
        Assert.True(result.Reused >= 4, $"{result.Reused} pages reused");
        AssertSameAsFromNothing(repo, site);
    }

    [Fact]
    public void A_removed_claims_pages_are_removed_and_the_rest_is_reused()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);

        File.Delete(repo.Full("claims/unrelated-claim.yaml"));
        var result = Build(repo.Root, site);

        Assert.Contains("claims/unrelated-claim.html", result.Removed);
        Assert.Contains("claims/unrelated-claim.md", result.Removed);
        Assert.False(File.Exists(Path.Combine(site, "claims", "unrelated-claim.html")));
        Assert.Contains("sources/other-2020.html", result.Written);
        Assert.DoesNotContain("claims/trial-size-120.html", result.Written);
        AssertSameAsFromNothing(repo, site);
    }

    [Fact]
    public void After_every_kind_of_edit_the_incremental_site_is_the_site_built_from_nothing()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        void Edit(string file, string from, string to)
        {
            var path = repo.Full(file);
            var text = File.ReadAllText(path);
            Assert.Contains(from, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }
        var edits = new (string What, Action Apply)[]
        {
            ("a cited source's title", () => Edit("sources/smith-2023-caffeine.yaml", "title: Evening caffeine intake", "title: Late caffeine intake")),
            ("a lead's level", () => Edit("sources/smith-2023-caffeine.yaml", "level: primary", "level: secondary")),
            ("the reports-on of a source", () => Edit("sources/example-times-2024-03-02.yaml", "reports-on: [smith-2023-caffeine]", "reports-on: [other-2020]")),
            ("an article's text", () => Edit("articles/coffee-study.md", "cut sleep by 41 minutes", "cut sleep by 40 minutes")),
            ("an article's title", () => Edit("articles/coffee-study.md", "title: Coffee and sleep", "title: Coffee, sleep")),
            ("a claim's source", () => Edit("claims/unrelated-claim.yaml", "source: other-2020", "source: example-times-2024-03-02")),
            ("a new claim", () => repo.Write("claims/new-claim.yaml", "id: new-claim\nstatement: New.\narticle: coffee-study\ncitations:\n  - source: other-2020\n")),
            ("a removed source", () => File.Delete(repo.Full("sources/other-2020.yaml"))),
            ("the site's title", () => Edit("evidence.yaml", "title: Clean fixture", "title: Renamed fixture")),
            ("a snapshot", () => File.AppendAllText(repo.Full("sources/snapshots/smith-2023-caffeine.txt"), "\nA changed archive.\n")),
            ("a cached retraction of a cited source", () => Notice(repo, "10.1234/jse.2023.001", "retraction")),
            ("the cached notice becoming a correction", () => Notice(repo, "10.1234/jse.2023.001", "correction")),
            ("an uncited source with a DOI", () => repo.Write("sources/uncited-2019.yaml", "id: uncited-2019\ntype: report\ntitle: Nobody cites this\ndoi: 10.5555/uncited\n")),
            ("a cached notice of the uncited source", () => Notice(repo, "10.5555/uncited", "expression_of_concern")),
            ("the retracted-source rule turned off", () => Edit("evidence.yaml", "citation-scope: run", "citation-scope: run\nrules:\n  retracted-source: off")),
            ("a cached notice changed while the rule is off", () => Notice(repo, "10.1234/jse.2023.001", "retraction")),
            ("a claim file that no longer reads", () => repo.Write("claims/new-claim.yaml", "id: [new-claim\n")),
            ("a stray file in sources/snapshots/", () => repo.Write("sources/snapshots/stray.txt", "Nobody refers to this.")),
            ("the stray file renamed", () => File.Move(repo.Full("sources/snapshots/stray.txt"), repo.Full("sources/snapshots/stray-2.txt"))),
            ("the stray file removed", () => File.Delete(repo.Full("sources/snapshots/stray-2.txt"))),
            ("a source file that does not parse", () => repo.Write("sources/broken.yaml", "id: [broken\nsnapshot: snapshots/smith-2023-caffeine.txt\n")),
            ("a snapshot emptied", () => File.WriteAllText(repo.Full("sources/snapshots/smith-2023-caffeine.txt"), "")),
        };
        foreach (var (what, apply) in edits)
        {
            apply();
            var result = Build(repo.Root, site);
            try
            {
                Assert.False(result.UpToDate, "the edit went unnoticed: the build took the repository for the last one");
                AssertSameAsFromNothing(repo, site);
                Assert.True(Build(repo.Root, site).UpToDate, "a build right after a build renders nothing");
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"after {what}: {e.Message}");
            }
        }
    }

    /// <summary>A Crossref record in the look-up cache naming one notice of <paramref name="kind"/> for the DOI.</summary>
    private static void Notice(TempRepo repo, string doi, string kind) =>
        new EvidenceTracker.Network.LookupCache(repo.Root).Write("crossref", doi, new EvidenceTracker.Network.CachedAnswer
        {
            Request = $"http://127.0.0.1/works/{doi}",
            Status = 200,
            Fetched = "2026-12-02",
            ContentType = "application/json",
            Body = System.Text.Encoding.UTF8.GetBytes("{\"status\":\"ok\",\"message\":{\"DOI\":\"" + doi + "\",\"updated-by\":[{\"DOI\":\"10.5555/notice." + kind +
                "\",\"type\":\"" + kind + "\",\"source\":\"publisher\",\"updated\":{\"date-parts\":[[2022,5,2]]}}]}}"),
        });

    [Fact]
    public void A_page_deleted_by_hand_is_written_again_though_its_inputs_did_not_change()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        File.Delete(Path.Combine(site, "claims", "unrelated-claim.md"));

        var result = Build(repo.Root, site);

        Assert.Equal(["claims/unrelated-claim.md"], result.Written);
        Assert.True(File.Exists(Path.Combine(site, "claims", "unrelated-claim.md")));
    }

    [Fact]
    public void A_page_edited_by_hand_is_reported_by_check_and_restored_by_a_full_build()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        var page = Path.Combine(site, "claims", "unrelated-claim.html");
        var built = File.ReadAllBytes(page);
        File.WriteAllText(page, "edited by hand");

        Assert.Empty(Build(repo.Root, site).Written);
        Assert.Equal(["claims/unrelated-claim.html"], Build(repo.Root, site, checkOnly: true).Stale);

        var full = Build(repo.Root, site, full: true);
        Assert.Equal(["claims/unrelated-claim.html"], full.Written);
        Assert.Equal(0, full.Reused);
        Assert.Equal(built, File.ReadAllBytes(page));
    }

    [Fact]
    public void A_manifest_without_inputs_has_every_page_rendered_and_compared()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        var first = Build(repo.Root, site);
        var manifest = Path.Combine(site, ".evidence-site.json");
        var text = File.ReadAllText(manifest);
        var cut = text.IndexOf(",\n  \"inputs\"", StringComparison.Ordinal);
        Assert.True(cut > 0, "the manifest records the inputs");
        File.WriteAllText(manifest, text[..cut] + "\n}\n");

        var again = Build(repo.Root, site);

        Assert.Equal(0, again.Reused);
        Assert.Empty(again.Written);
        Assert.Equal(first.Files, again.Unchanged);
        Assert.Contains("\"inputs\"", File.ReadAllText(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_recorded_for_pages_that_are_gone_do_not_keep_a_new_page_from_being_written()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        File.Delete(repo.Full("claims/unrelated-claim.yaml"));
        Build(repo.Root, site);
        Assert.DoesNotContain("claims/unrelated-claim", File.ReadAllText(Path.Combine(site, ".evidence-site.json")), StringComparison.Ordinal);

        repo.Write("claims/unrelated-claim.yaml", "id: unrelated-claim\nstatement: Something else entirely.\ncitations:\n  - source: other-2020\n");
        var back = Build(repo.Root, site);

        Assert.Contains("claims/unrelated-claim.html", back.Written);
        AssertSameAsFromNothing(repo, site);
    }

    [Fact]
    public async Task A_build_waits_for_another_build_of_its_folder_and_then_builds_what_the_repository_holds_then()
    {
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        Task<SiteWriteResult> second;
        using (EvidenceTracker.Storage.EditLock.Acquire(site, "out/"))
        {
            // as another build holds the folder: this one waits, and writes nothing meanwhile
            second = Task.Run(() => SiteService.Build(new BuildSettings { Root = repo.Root, Out = site, LockTimeout = TimeSpan.FromSeconds(30) }).Result,
                TestContext.Current.CancellationToken);
            await Task.Delay(300, TestContext.Current.CancellationToken);
            Assert.False(second.IsCompleted);
            repo.Write("claims/unrelated-claim.yaml", "id: unrelated-claim\nstatement: Changed while the other build ran.\ncitations:\n  - source: other-2020\n");
        }
        var result = await second;
        Assert.False(result.UpToDate);
        var fresh = repo.Full("fresh");
        Build(repo.Root, fresh);
        Assert.Equal(Files(fresh), Files(site));
        Assert.Contains("Changed while the other build ran.", File.ReadAllText(Path.Combine(site, "claims", "unrelated-claim.html")));
    }

    [Fact]
    public void A_build_that_waits_past_its_time_out_for_another_build_says_so_in_one_line_and_writes_nothing()
    {
        using var repo = Repo();
        var site = repo.Full("site");
        Build(repo.Root, site);
        var before = Files(site);
        repo.Write("claims/unrelated-claim.yaml", "id: unrelated-claim\nstatement: Changed.\ncitations:\n  - source: other-2020\n");
        using (EvidenceTracker.Storage.EditLock.Acquire(site, "site/"))
        {
            var ex = Assert.Throws<IOException>(() => SiteService.Build(new BuildSettings { Root = repo.Root, LockTimeout = TimeSpan.FromMilliseconds(200) }));
            Assert.Equal("site/ is being built by another process (waited 0.2 s); try again when it has finished", ex.Message);
        }
        Assert.Equal(before, Files(site));
    }

    [Fact]
    public void A_temporary_file_of_a_process_that_still_runs_is_left_to_it_and_one_of_a_finished_process_is_removed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Directory.Exists("/proc/1"), "tells a running process by /proc");
        using var repo = Repo();
        var site = repo.Full("out");
        Build(repo.Root, site);
        var running = Path.Combine(site, "claims", ".evidence-site-1-7"); // process 1 always runs
        var finished = Path.Combine(site, "claims", $".evidence-site-{FinishedProcess()}-7");
        File.WriteAllText(running, "half a page");
        File.WriteAllText(finished, "half a page");
        Build(repo.Root, site);
        Assert.True(File.Exists(running));
        Assert.False(File.Exists(finished));
    }

    /// <summary>The id of a process that has exited.</summary>
    private static int FinishedProcess()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
