using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary><c>evidence import --links</c> through the CLI on tests/fixtures/inline-links.</summary>
public class LinkImportTests
{
    private static TempRepo RepoWithPost()
    {
        var repo = new TempRepo();
        repo.WriteBytes("incoming/post.md", File.ReadAllBytes(Path.Combine(TestPaths.Fixture("inline-links"), "post.md")));
        return repo;
    }

    private static string[] Files(TempRepo repo, string folder) =>
        Directory.Exists(repo.Full(folder)) ? [.. Directory.GetFiles(repo.Full(folder), "*.yaml").Select(Path.GetFileName).Order().OfType<string>()] : [];

    [Fact]
    public void Without_links_an_article_with_only_inline_links_creates_no_source_and_no_claim()
    {
        using var repo = RepoWithPost();
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Empty(Files(repo, "sources"));
        Assert.Empty(Files(repo, "claims"));
    }

    [Fact]
    public void With_links_each_distinct_linked_page_is_a_source_titled_from_its_link_text_with_its_host_as_publisher()
    {
        using var repo = RepoWithPost();
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        // bazel.build/remote/caching twice (tracking parameter, case, trailing slash aside), the survey, the dashboard;
        // not the fragment link, the relative link or the image
        var sources = Files(repo, "sources");
        Assert.Equal(3, sources.Length);
        var bazel = Assert.Single(sources, s => repo.Read("sources/" + s).Contains("bazel.build", StringComparison.OrdinalIgnoreCase));
        var text = repo.Read("sources/" + bazel);
        Assert.Contains("title: \"Bazel remote caching guide\"", text);
        Assert.Contains("publisher: \"bazel.build\"", text);
        Assert.Contains("url: https://bazel.build/remote/caching\n", text.Replace("\r\n", "\n"));
        Assert.DoesNotContain("**", text);
        Assert.Contains(sources, s => repo.Read("sources/" + s).Contains("url: https://gradle.com/survey-2023", StringComparison.Ordinal));
    }

    [Fact]
    public void With_links_each_sentence_holding_a_link_gets_a_draft_claim_citing_its_pages()
    {
        using var repo = RepoWithPost();
        CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links");
        var claims = Files(repo, "claims").Select(c => repo.Read("claims/" + c)).ToList();
        Assert.Equal(4, claims.Count);
        Assert.Contains(claims, c => c.Contains("excerpt: \"Remote caching cut our median build time by 38%, as the Bazel remote caching guide predicts.\"", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Contains("Nobody here expected", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Contains("earlier section", StringComparison.Ordinal));
        var check = CliRunner.Run(repo.Root, "check", "--format", "json");
        Assert.DoesNotContain("orphan-source", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_with_links_twice_creates_nothing_new()
    {
        using var repo = RepoWithPost();
        CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links");
        var before = Directory.GetFiles(repo.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var again = CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(before, Directory.GetFiles(repo.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void A_source_already_in_the_repository_with_the_linked_url_is_reused()
    {
        using var repo = RepoWithPost();
        repo.Write("sources/gradle-survey.yaml", "id: gradle-survey\ntype: report\ntitle: Gradle build survey 2023\nurl: https://gradle.com/survey-2023/\n");
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, Files(repo, "sources").Length);
        Assert.Contains(Files(repo, "claims"), c => repo.Read("claims/" + c).Contains("source: gradle-survey", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dry_run_with_links_lists_the_sources_and_claims_and_writes_nothing()
    {
        using var repo = RepoWithPost();
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md", "--links", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dry run: would create 1 article, 3 sources and 4 draft claims", result.Out, StringComparison.Ordinal);
        Assert.Empty(Files(repo, "sources"));
        Assert.Empty(Files(repo, "claims"));
    }
}
