using System.Text;
using System.Text.Json;
using EvidenceTracker.App;
using EvidenceTracker.Articles;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary>Whole Hugo and MkDocs sites through <c>evidence import FOLDER</c>: ids, front matter, extensions, odd files.</summary>
public class SiteImportTests
{
    private static TempRepo RepoWith(string fixture, string folder)
    {
        var repo = new TempRepo();
        TempRepo.CopyDirectory(TestPaths.Fixture(fixture), repo.Full("incoming"));
        Assert.True(Directory.Exists(repo.Full($"incoming/{folder}")));
        return repo;
    }

    private static List<string> Articles(TempRepo repo) =>
        [.. Directory.GetFiles(repo.Full("articles")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void A_hugo_content_folder_imports_with_ids_from_page_bundles_sections_and_parent_folders()
    {
        using var repo = RepoWith("hugo-site", "content");
        var result = CliRunner.Run(repo.Root, "import", "incoming/content");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            ["about-index.md", "archive-notes.md", "content-about.md", "content.md", "heat-pumps.md", "notes-index.md", "posts.md", "solar-roofs.md"],
            Articles(repo));
        Assert.Equal(File.ReadAllBytes(repo.Full("incoming/content/posts/heat-pumps/index.md")), File.ReadAllBytes(repo.Full("articles/heat-pumps.md")));
        // re-running changes nothing
        var again = CliRunner.Run(repo.Root, "import", "incoming/content");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("import: created 0 articles, 0 sources and 0 draft claims; 8 articles unchanged", again.Out);
    }

    [Fact]
    public void Ids_are_the_same_whatever_the_order_of_the_inputs()
    {
        string[] Ids(params string[] inputs)
        {
            using var repo = new TempRepo();
            repo.Write("a/post.md", "One.\n");
            repo.Write("b/post.md", "Two.\n");
            repo.Write("b/post/index.md", "Three.\n");
            Assert.Equal(0, CliRunner.Run(repo.Root, ["import", .. inputs]).ExitCode);
            return [.. Articles(repo)];
        }
        var forward = Ids("a/post.md", "b/post.md", "b/post/index.md");
        Assert.Equal(["a-post.md", "b-post.md", "post-index.md"], forward);
        Assert.Equal(forward, Ids("b/post/index.md", "b/post.md", "a/post.md"));
    }

    [Fact]
    public void Toml_and_yaml_front_matter_give_title_date_and_language()
    {
        var toml = ArticleFrontMatter.Read(File.ReadAllText(TestPaths.Fixture("hugo-site/content/posts/heat-pumps/index.md")));
        Assert.Equal(("What heat pumps cost", "2024-05-01", "en"), (toml.Title, toml.Date, toml.Lang));
        Assert.Null(toml.Problem);
        var yaml = ArticleFrontMatter.Read("---\ntitle: Solar\ndate: 2024-06-10\nlanguage: de\n---\nText.\n");
        Assert.Equal(("Solar", "2024-06-10", "de"), (yaml.Title, yaml.Date, yaml.Lang));
        var bad = ArticleFrontMatter.Read("+++\ntitle = \"unclosed\n+++\nText.\n");
        Assert.NotNull(bad.Problem);
        Assert.StartsWith("TOML front matter:", bad.Problem, StringComparison.Ordinal);
        Assert.Equal(2, bad.ProblemAt!.Value.Line);
    }

    [Fact]
    public void Check_reports_toml_front_matter_that_does_not_parse()
    {
        using var repo = new TempRepo();
        repo.Write("articles/broken.md", "+++\ntitle = = \"x\"\n+++\n\nText.\n");
        var report = EvidenceQueries.Check(repo.Root);
        var finding = Assert.Single(report.Findings, f => f.File == "articles/broken.md" && f.Rule == "yaml-syntax");
        Assert.StartsWith("TOML front matter:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_front_matter_nested_past_the_parsers_limit_is_said_plainly()
    {
        var deep = ArticleFrontMatter.Read("+++\ntitle = " + new string('[', 100) + new string(']', 100) + "\n+++\nText.\n");
        Assert.Equal("TOML front matter: values nested more than 64 levels deep", deep.Problem);
    }

    [Fact]
    public void The_site_takes_an_article_title_from_toml_front_matter_and_shows_none_of_it()
    {
        using var repo = RepoWith("hugo-site", "content");
        Assert.Equal(0, CliRunner.Run(repo.Root, "import", "incoming/content/posts/heat-pumps/index.md").ExitCode);
        var site = EvidenceTracker.Site.SiteBuilder.Build(EvidenceQueries.Check(repo.Root));
        var page = Encoding.UTF8.GetString(site["articles/heat-pumps.html"]);
        Assert.Contains("What heat pumps cost", page, StringComparison.Ordinal);
        Assert.DoesNotContain("+++", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not this title", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
        Assert.Contains("Prices vary by region.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_footnote_makes_no_source_and_no_draft_and_a_two_link_footnote_makes_two_sources()
    {
        using var repo = RepoWith("hugo-site", "content");
        var result = CliRunner.Run(repo.Root, "import", "incoming/content/posts", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        var sources = files.Where(f => f.GetProperty("kind").GetString() == "source").Select(f => f.GetProperty("from").GetString()).ToList();
        Assert.Equal(["[^costs]", "[^survey]", "[^1]", "[^1]"], sources);
        var drafts = files.Where(f => f.GetProperty("kind").GetString() == "claim").Select(f => f.GetProperty("from").GetString()).ToList();
        Assert.Equal(["[^costs]", "[^survey]", "[^1]"], drafts);
        var solar = Directory.GetFiles(repo.Full("claims")).Select(File.ReadAllText).Single(t => t.Contains("solar-roofs", StringComparison.Ordinal));
        Assert.Contains("source: solar-example-net\n", solar.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains("source: solar-example-net-2\n", solar.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(repo.Full("sources")), f => File.ReadAllText(f).Contains("rocked", StringComparison.Ordinal));
    }

    [Fact]
    public void An_mkdocs_docs_folder_imports_readme_and_index_pages_and_keeps_qmd_and_rmd_extensions()
    {
        using var repo = RepoWith("mkdocs-site", "docs");
        var result = CliRunner.Run(repo.Root, "import", "incoming/docs");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["analysis.Rmd", "docs.md", "guide.md", "install.md", "notebook.qmd", "reference.md"], Articles(repo));
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Equal(6, report.Set.Articles.Count);
        Assert.Contains(report.Findings, f => f.File == "articles/analysis.Rmd" && f.Rule == "uncited-sentence");
        Assert.Contains(report.Claims, c => c.Claim.Article == "notebook");
        // the multi-link footnote of the index page: two sources, both cited by the passage's draft
        var wiki = report.Set.Sources.Where(s => s.Url?.Contains("wikipedia.org", StringComparison.Ordinal) == true).OrderBy(s => s.Url, StringComparer.Ordinal).ToList();
        Assert.Equal(["Mass Surveillance", "Surveillance"], wiki.Select(s => s.Title));
        Assert.All(wiki, s => Assert.Equal("Wikipedia", s.Publisher));
        var draft = Assert.Single(report.Claims, c => c.Claim.Article == "docs" && c.Claim.Excerpt?.Contains("85%", StringComparison.Ordinal) == true).Claim;
        Assert.Equal(wiki.Select(s => s.Id).Order(StringComparer.Ordinal), draft.Citations.Select(c => c.Source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_articles_with_one_name_and_different_extensions_are_one_duplicate_id_finding()
    {
        using var repo = new TempRepo();
        repo.Write("articles/post.md", "One.\n");
        repo.Write("articles/post.qmd", "Two.\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Single(report.Set.Articles);
        var finding = Assert.Single(report.Findings, f => f.Rule == "duplicate-id");
        Assert.Equal("articles/post.qmd", finding.File);
    }

    [Fact]
    public void An_odd_file_is_reported_and_skipped_and_the_others_are_imported()
    {
        using var repo = RepoWith("hugo-site", "content");
        repo.WriteBytes("incoming/content/posts/binary.md", [.. "PK"u8, 0x03, 0x04, 0x00, 0x00, .. "data"u8]);
        repo.WriteBytes("incoming/content/posts/latin1.md", [.. "Caf"u8, 0xE9, .. " 5%.\n"u8]);
        repo.Write("incoming/content/posts/broken.md", "+++\ntitle = \"never closed\n+++\n\nText.\n");
        repo.Write("incoming/content/posts/unclosed.md", "---\ntitle: x\n\nText.\n");
        var result = CliRunner.Run(repo.Root, "import", "incoming/content");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("skipped: incoming/content/posts/binary.md: a binary file", result.Error, StringComparison.Ordinal);
        Assert.Contains("skipped: incoming/content/posts/latin1.md:1:4: the file is not valid UTF-8", result.Error, StringComparison.Ordinal);
        Assert.Contains("skipped: incoming/content/posts/broken.md:2:", result.Error, StringComparison.Ordinal);
        Assert.Contains("skipped: incoming/content/posts/unclosed.md:1:1: the front matter opened on line 1 is never closed", result.Error, StringComparison.Ordinal);
        Assert.Equal(8, Articles(repo).Count);
        Assert.Contains("; 4 files skipped", result.Out, StringComparison.Ordinal);
    }
}
