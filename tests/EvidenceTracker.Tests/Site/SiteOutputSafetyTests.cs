using System.Security.Cryptography;
using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The build loses nothing: it removes only what an earlier build wrote (its manifest), never follows or removes a link,
/// refuses folders holding the evidence, and writes every page through a temporary file.
/// </summary>
public sealed class SiteOutputSafetyTests
{
    private const string Manifest = ".evidence-site.json";

    private static string[] Evidence(TempRepo repo) =>
        [.. new[] { "claims", "sources", "articles" }.SelectMany(d => Directory.EnumerateFiles(repo.Full(d), "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("claims")]
    [InlineData("sources")]
    [InlineData("articles")]
    [InlineData(".git")]
    [InlineData(".")]
    [InlineData("claims/site")]
    [InlineData("..")]
    public void Build_refuses_an_output_folder_that_is_holds_or_lies_in_the_evidence_or_git_and_changes_nothing(string folder)
    {
        using var repo = new TempRepo("clean");
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        var before = Evidence(repo);
        var result = CliRunner.Run(repo.Root, "build", "--out", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --out", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, Evidence(repo));
        Assert.Equal("ref: refs/heads/main\n", repo.Read(".git/HEAD"));
    }

    [Fact]
    public void Build_refuses_an_output_folder_that_is_a_link_to_the_claims()
    {
        using var repo = new TempRepo("clean");
        Directory.CreateSymbolicLink(repo.Full("public"), repo.Full("claims"));
        var before = Evidence(repo);
        var result = CliRunner.Run(repo.Root, "build", "--out", "public");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a link", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Evidence(repo));
    }

    [Fact]
    public void A_site_folder_that_is_a_link_to_a_user_folder_is_refused_and_left_untouched()
    {
        using var repo = new TempRepo("clean");
        using var outside = new TempRepo();
        var precious = outside.Write("mine/notes.txt", "my notes");
        Directory.CreateSymbolicLink(repo.Full("site"), outside.Full("mine"));
        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a link", result.Error, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(precious));
        Assert.Single(Directory.EnumerateFileSystemEntries(outside.Full("mine")));
    }

    [Fact]
    public void A_link_inside_the_site_folder_is_never_followed_or_removed()
    {
        using var repo = new TempRepo("clean");
        using var outside = new TempRepo();
        var victim = outside.Write("victim/index.html", "the victim's page");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        Directory.CreateSymbolicLink(repo.Full("site/evil"), outside.Full("victim"));
        File.CreateSymbolicLink(repo.Full("site/claims/evil.html"), victim);

        var rebuilt = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, rebuilt.ExitCode);
        Assert.Equal("the victim's page", File.ReadAllText(victim));
        Assert.NotNull(new DirectoryInfo(repo.Full("site/evil")).LinkTarget);
        Assert.NotNull(new FileInfo(repo.Full("site/claims/evil.html")).LinkTarget);
    }

    [Fact]
    public void A_link_where_a_page_folder_goes_stops_the_build_before_it_writes_through_it()
    {
        using var repo = new TempRepo("clean");
        using var outside = new TempRepo();
        outside.Write("elsewhere/keep.txt", "kept");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        Directory.Delete(repo.Full("site/claims"), recursive: true);
        Directory.CreateSymbolicLink(repo.Full("site/claims"), outside.Full("elsewhere"));
        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a link", result.Error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFiles(outside.Full("elsewhere")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_of_the_users_files_is_refused_without_force_and_its_files_are_kept_with_it()
    {
        using var repo = new TempRepo("clean");
        repo.Write("docs/guide.md", "my guide");
        repo.Write("docs/index.html", "my home page");
        var refused = CliRunner.Run(repo.Root, "build", "--out", "docs");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("that no build wrote", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force to write beside them (a file where the build writes a page, such as index.html, is replaced; the others are kept)", refused.Error, StringComparison.Ordinal);
        Assert.Equal("my home page", repo.Read("docs/index.html"));
        Assert.False(File.Exists(repo.Full("docs/claims/trial-size-120.html")));

        var forced = CliRunner.Run(repo.Root, "build", "--out", "docs", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("my guide", repo.Read("docs/guide.md"));
        Assert.True(File.Exists(repo.Full("docs/claims/trial-size-120.html")));
        // Later builds remove only what a build wrote: the guide stays even when every page goes.
        File.Delete(repo.Full("claims/trial-size-120.yaml"));
        Assert.Equal(0, CliRunner.Run(repo.Root, "build", "--out", "docs").ExitCode);
        Assert.Equal("my guide", repo.Read("docs/guide.md"));
        Assert.False(File.Exists(repo.Full("docs/claims/trial-size-120.html")));
    }

    [Fact]
    public void A_build_removes_only_the_files_an_earlier_build_wrote()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        repo.Write("site/CNAME", "evidence.example.org");
        repo.Write("site/claims/notes.md", "my notes beside the pages");
        File.Delete(repo.Full("claims/trial-size-120.yaml"));

        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 removed", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Full("site/claims/trial-size-120.html")));
        Assert.Equal("evidence.example.org", repo.Read("site/CNAME"));
        Assert.Equal("my notes beside the pages", repo.Read("site/claims/notes.md"));
    }

    [Fact]
    public void A_page_changed_by_hand_that_the_build_no_longer_writes_is_kept_and_reported()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        File.AppendAllText(repo.Full("site/claims/trial-size-120.md"), "\nMy own remark.\n");
        File.Delete(repo.Full("claims/trial-size-120.yaml"));
        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kept claims/trial-size-120.md", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("My own remark.\n", repo.Read("site/claims/trial-size-120.md"), StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Full("site/claims/trial-size-120.html")));
        Assert.DoesNotContain("trial-size-120.md", repo.Read("site/" + Manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_lists_every_page_with_the_sha256_of_its_bytes()
    {
        using var repo = new TempRepo("clean");
        var result = SiteService.Build(new BuildSettings { Root = repo.Root }).Result;
        using var manifest = System.Text.Json.JsonDocument.Parse(repo.Read("site/" + Manifest));
        var files = manifest.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(result.Files, files.Count);
        foreach (var (path, hash) in files)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(repo.Full("site/" + path)))), hash);
        }
    }

    [Fact]
    public void A_manifest_naming_a_path_outside_the_site_folder_is_not_trusted()
    {
        using var repo = new TempRepo("clean");
        var claim = repo.Full("claims/trial-size-120.yaml");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(claim)));
        repo.Write("public/" + Manifest, "{\"version\":1,\"files\":{\"../claims/trial-size-120.yaml\":\"" + hash + "\"}}");
        repo.Write("public/index.html", "an old page");
        var result = CliRunner.Run(repo.Root, "build", "--out", "public");
        // The manifest counts as none: the folder holds a file no build wrote.
        Assert.Equal(2, result.ExitCode);
        Assert.True(File.Exists(claim));
        Assert.Equal("an old page", repo.Read("public/index.html"));
    }

    [Fact]
    public void A_manifest_that_is_not_utf8_is_not_trusted_and_the_build_says_so_in_one_line()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build", "--out", "public").ExitCode);
        var manifest = repo.Full("public/" + Manifest);
        var bytes = File.ReadAllBytes(manifest);
        bytes[bytes.AsSpan().IndexOf("index.html"u8)] = 0xFF;
        File.WriteAllBytes(manifest, bytes);

        var result = CliRunner.Run(repo.Root, "build", "--out", "public");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"its {Manifest} cannot be read", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(repo.Root, "build", "--out", "public", "--force").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "build", "--out", "public", "--check").ExitCode);
    }

    [Fact]
    public void The_first_build_of_a_default_site_without_a_manifest_adopts_its_pages_and_writes_the_manifest()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        File.Delete(repo.Full("site/" + Manifest));
        repo.Write("site/claims/a-claim-long-gone.html", "<p>an old page</p>");
        Assert.Equal(1, CliRunner.Run(repo.Root, "build", "--check").ExitCode);

        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 removed", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(repo.Full("site/" + Manifest)));
        Assert.Equal(0, CliRunner.Run(repo.Root, "build", "--check").ExitCode);
    }

    [Fact]
    public void A_default_site_without_a_manifest_holding_other_files_is_refused()
    {
        using var repo = new TempRepo("clean");
        repo.Write("site/my-notes.txt", "notes");
        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'my-notes.txt'", result.Error, StringComparison.Ordinal);
        Assert.Equal("notes", repo.Read("site/my-notes.txt"));
    }

    [Fact]
    public void Pages_at_the_paths_of_several_foreign_files_stop_the_build_with_one_line()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        // Files no build wrote, where pages go (their manifest entries gone): rendered in parallel, each refuses.
        var manifest = repo.Read("site/" + Manifest);
        foreach (var page in new[] { "claims/trial-size-120.html", "claims/trial-size-120.md", "sources/smith-2023-caffeine.html", "index.html" })
        {
            repo.Write("site/" + page, "mine: " + page);
            manifest = manifest.Replace($"\"{page}\"", $"\"gone/{page}\"", StringComparison.Ordinal);
        }
        repo.Write("site/" + Manifest, manifest);
        var result = CliRunner.Run(repo.Root, "build");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("was not written by a build", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine: index.html", repo.Read("site/index.html"));
    }

    [Fact]
    public void A_changed_page_is_replaced_by_a_rename_and_never_rewritten_in_place()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        var page = repo.Full("site/claims/trial-size-120.html");
        var before = File.ReadAllText(page);
        // A second name for the page's bytes: a write in place would change them, a rename leaves them.
        var other = repo.Full("held-open.html");
        Assert.Equal(0, Link(page, other));
        File.WriteAllText(repo.Full("claims/trial-size-120.yaml"),
            repo.Read("claims/trial-size-120.yaml").Replace("120 adults", "120 adults aged 20 to 60", StringComparison.Ordinal));

        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        Assert.Contains("aged 20 to 60", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(other));
        Assert.Empty(Directory.EnumerateFiles(repo.Full("site"), ".evidence-site-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_new_page_appears_by_a_rename_of_a_finished_temporary_file()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        File.Delete(repo.Full("site/claims/trial-size-120.html"));
        using var renamed = new ManualResetEventSlim();
        using var watcher = new FileSystemWatcher(repo.Full("site/claims"));
        watcher.Renamed += (_, e) =>
        {
            if (e.Name == "trial-size-120.html")
            {
                renamed.Set();
            }
        };
        watcher.EnableRaisingEvents = true;

        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        // A page written in place would be created under its own name, empty at first, and never renamed.
        Assert.True(renamed.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the new page was not renamed into place");
        Assert.Contains("The trial enrolled 120 adults.", repo.Read("site/claims/trial-size-120.html"), StringComparison.Ordinal);
    }

    /// <summary>A hard link (.NET has no API for one): ln's exit code.</summary>
    private static int Link(string from, string to)
    {
        using var ln = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ln", [from, to]))!;
        ln.WaitForExit();
        return ln.ExitCode;
    }

    [Theory]
    [InlineData("claims", "../../../escaped-claim-7f3c")]
    [InlineData("sources", "../../../escaped-source-7f3c")]
    [InlineData("claims", "a/")]
    [InlineData("claims", "/")]
    [InlineData("sources", "a/b")]
    [InlineData("claims", "zz\\u0000")]
    public void An_id_that_is_not_a_slug_gets_no_page_and_the_build_writes_nothing_outside_its_folder(string kind, string id)
    {
        using var repo = new TempRepo("clean");
        var yaml = kind == "claims"
            ? $"id: \"{id}\"\nstatement: A statement.\n"
            : $"id: \"{id}\"\ntype: web\ntitle: A page\nurl: https://example.org/x\n";
        repo.Write($"{kind}/zz.yaml", yaml);
        var result = CliRunner.Run(repo.Root, "build");
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        Assert.DoesNotContain("Unhandled", result.Error, StringComparison.Ordinal);
        var plain = id.Replace("\\u0000", "", StringComparison.Ordinal);
        foreach (var ext in (string[])[".html", ".md"])
        {
            Assert.False(File.Exists(Path.GetFullPath(Path.Combine(repo.Root, "site", kind, plain + ext))), plain + ext);
        }
        var manifest = repo.Read($"site/{Manifest}");
        Assert.DoesNotContain("..", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain($"{kind}/a/", manifest, StringComparison.Ordinal);
        // the repository's other pages are built as before
        Assert.True(File.Exists(repo.Full("site/claims/trial-size-120.html")));
    }

    [Theory]
    [InlineData("claims/../../x.html")]
    [InlineData("/etc/x.html")]
    [InlineData("claims/.html/")]
    [InlineData("claims\\x.html")]
    [InlineData("claims/x\u0000.html")]
    public void A_page_path_that_would_leave_the_output_folder_is_refused_by_the_writer(string relative)
    {
        Assert.NotNull(SiteWriter.PagePathProblem(relative));
    }

    [Fact]
    public void A_site_url_that_is_not_http_never_reaches_the_structured_data()
    {
        using var repo = new TempRepo("clean");
        repo.Write("evidence.yaml", "site-url: \"javascript:alert(1)//\"\n");
        CliRunner.Run(repo.Root, "build");
        var page = repo.Read("site/claims/trial-size-120.html");
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_whose_file_name_holds_a_control_character_gets_no_page_and_the_rest_is_built()
    {
        using var repo = new TempRepo("clean");
        repo.Write("articles/x\u001b[2Jy.md", "# T\n\nText.\n");
        var result = CliRunner.Run(repo.Root, "build");
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        Assert.DoesNotContain(Directory.EnumerateFiles(repo.Full("site/articles")), f => f.Contains('\u001b', StringComparison.Ordinal));
        Assert.True(File.Exists(repo.Full("site/index.html")));
        Assert.True(File.Exists(repo.Full($"site/{Manifest}")));
    }
}

