using System.Text.Json;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary>Importing articles that cite with Pandoc and Manubot keys, through the CLI: sources with keys, drafts, a clean check.</summary>
public class CitekeyImportTests
{
    private static TempRepo RepoWith(string fixture)
    {
        var repo = new TempRepo();
        foreach (var file in Directory.GetFiles(TestPaths.Fixture(fixture)))
        {
            repo.WriteBytes("incoming/" + Path.GetFileName(file), File.ReadAllBytes(file));
        }
        return repo;
    }

    private static JsonElement Check(TempRepo repo)
    {
        var result = CliRunner.Run(repo.Root, "check", "--format", "json");
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private static List<string> Rules(JsonElement report, string rule) =>
        [.. report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule).Select(f => f.GetProperty("message").GetString()!)];

    [Fact]
    public void A_joss_paper_imports_its_bibliography_with_keys_and_drafts_a_claim_per_cited_sentence()
    {
        using var repo = RepoWith("joss-paper");
        var result = CliRunner.Run(repo.Root, "import", "incoming/paper.md");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(7, Directory.GetFiles(repo.Full("sources"), "*.yaml").Length);
        Assert.Contains("keys:\n  - \"holgate2013\"\n", repo.Read("sources/holgate2013.yaml").Replace("\r\n", "\n"));
        Assert.Equal(7, Directory.GetFiles(repo.Full("claims")).Length);
        var claim = repo.Read("claims/automated-methods-exist-for-single-stations-but-none.yaml");
        Assert.Contains("excerpt: \"Automated methods exist for single stations, but none handles a whole network at once.\"", claim);
        Assert.Contains("  - source: hunter2003\n  - source: woodworth2016\n", claim.Replace("\r\n", "\n"));

        var report = Check(repo);
        Assert.Empty(Rules(report, "orphan-source"));
        Assert.Empty(Rules(report, "uncited-sentence"));
        Assert.Empty(Rules(report, "unknown-citekey"));
        Assert.Empty(Rules(report, "unclaimed-citation"));
    }

    [Fact]
    public void A_manubot_manuscript_gets_a_source_per_prefixed_key_with_its_identifier_and_aliases_resolved()
    {
        using var repo = RepoWith("manubot-manuscript");
        var result = CliRunner.Run(repo.Root, "import", "incoming/manuscript.md");
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal("id: pmid-30388107\ntype: journal-article\ntitle: \"pmid:30388107\"\npmid: \"30388107\"\n", repo.Read("sources/pmid-30388107.yaml"));
        Assert.Contains("doi: 10.1038/s41591-023-02640-w", repo.Read("sources/doi-10-1038-s41591-023-02640-w.yaml")); // [@tag:panda]: doi:…
        Assert.Contains("doi: 10.1038/s41591-025-03000-0", repo.Read("sources/doi-10-1038-s41591-025-03000-0.yaml")); // citekey-aliases: grape
        Assert.Contains("url: https://www.wikidata.org/wiki/Q212961", repo.Read("sources/wikidata-q212961.yaml"));
        Assert.Equal(9, Directory.GetFiles(repo.Full("sources"), "*.yaml").Length);
        Assert.Equal(9, Directory.GetFiles(repo.Full("claims")).Length);
        Assert.Contains("  - source: doi-10-1038-s41591-023-02640-w\n  - source: doi-10-3322-caac-21820\n",
            repo.Read("claims/the-model-was-trained-on-3-208-patients.yaml").Replace("\r\n", "\n"));

        var report = Check(repo);
        Assert.Empty(Rules(report, "orphan-source"));
        Assert.Empty(Rules(report, "uncited-sentence"));
        Assert.Empty(Rules(report, "unknown-citekey"));
    }

    [Fact]
    public void Importing_again_changes_nothing()
    {
        using var repo = RepoWith("joss-paper");
        CliRunner.Run(repo.Root, "import", "incoming/paper.md");
        var before = Directory.GetFiles(repo.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var again = CliRunner.Run(repo.Root, "import", "incoming/paper.md");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(before, Directory.GetFiles(repo.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void A_dry_run_resolves_keys_through_the_bibliography_it_has_not_written()
    {
        using var repo = RepoWith("joss-paper");
        var result = CliRunner.Run(repo.Root, "import", "incoming/paper.md", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("claims/tide-gauges-have-recorded-sea-level-at-more.yaml", result.Out);
        Assert.Empty(Directory.GetFiles(repo.Full("sources"), "*.yaml"));
    }

    [Fact]
    public void A_key_that_names_no_source_is_an_unknown_citekey_error_at_its_position_and_keys_of_a_source_count_as_citing_it()
    {
        using var repo = new TempRepo();
        repo.Write("sources/cao-2023.yaml", "id: cao-2023\ntype: journal-article\ntitle: T\nkeys: [cao2023panda]\n");
        repo.Write("sources/unused.yaml", "id: unused\ntype: journal-article\ntitle: U\n");
        repo.Write("articles/a.md", "# A\n\nPANDA found 31 lesions [@cao2023panda]. Others disagree [@jones2021; @doi:10.1234/x].\n");
        var result = CliRunner.Run(repo.Root, "check", "--no-color");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles/a.md:3:58: error unknown-citekey: citation key '@jones2021' names no source: no source has it as its id or in its keys", result.Out);
        Assert.Contains("articles/a.md:3:70: error unknown-citekey: citation key '@doi:10.1234/x' names no source: no source has the doi '10.1234/x'", result.Out);
        Assert.Contains("no claim cites source 'unused'", result.Out);
        Assert.DoesNotContain("no claim cites source 'cao-2023'", result.Out);
        Assert.Contains("note unclaimed-citation: cited passage ([@cao2023panda]) is tracked by no claim", result.Out);
        Assert.DoesNotContain("uncited-sentence", result.Out);
    }

    [Fact]
    public void A_csl_yaml_bibliography_named_in_the_front_matter_is_imported_with_the_article()
    {
        using var repo = new TempRepo();
        repo.Write("incoming/refs.yaml", "references:\n- id: smith2020\n  type: article-journal\n  title: A study\n  issued:\n    date-parts:\n    - [2020]\n");
        repo.Write("incoming/post.md", "---\nbibliography: [refs.yaml, missing.bib]\n---\n\nIt rained 30 days [@smith2020].\n");
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bibliography 'missing.bib' does not exist", result.Out + result.Error);
        Assert.Contains("keys:\n  - \"smith2020\"\n", repo.Read("sources/smith2020.yaml").Replace("\r\n", "\n"));
        Assert.Contains("  - source: smith2020", repo.Read("claims/it-rained-30-days.yaml"));
    }

    [Theory]
    [InlineData("incoming/deep/post.md", "/etc/passwd.bib", false)] // an absolute path
    [InlineData("incoming/post.md", "../secret.bib", false)] // inside the working directory (the repository), not the article's folder
    [InlineData("incoming/post.md", "refs.bib", true)] // a link in the article's folder leading out of it
    public void A_bibliography_outside_the_articles_folder_is_not_read(string article, string bibliography, bool linkOut)
    {
        using var repo = new TempRepo();
        repo.Write("secret.bib", "@article{s, title = {Secret}, year = 2020}\n");
        repo.Write(article, $"---\nbibliography: {bibliography}\n---\n\nText [@s].\n");
        if (linkOut)
        {
            File.CreateSymbolicLink(repo.Full($"{Path.GetDirectoryName(article)}/{bibliography}"), repo.Full("secret.bib"));
        }
        var result = CliRunner.Run(repo.Root, "import", article);
        Assert.Contains($"bibliography '{bibliography}' is outside the article's folder; not read", result.Out + result.Error);
        Assert.False(File.Exists(repo.Full("sources/s.yaml")));
    }

    [Fact]
    public void A_bibliography_in_the_articles_folder_is_read_whatever_the_working_directory()
    {
        using var repo = new TempRepo();
        using var elsewhere = new TempRepo();
        repo.Write("incoming/refs.bib", "@article{s, title = {Kept}, year = 2020}\n");
        repo.Write("incoming/post.md", "---\nbibliography: refs.bib\n---\n\nText [@s].\n");
        var result = CliRunner.Run(EvidenceTracker.Cli.CliEnvironment.Plain(elsewhere.Root), ["--root", repo.Root, "import", repo.Full("incoming/post.md")]);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(repo.Full("sources/s.yaml")));
    }

    [Theory]
    [InlineData("\"refs\\u0000.bib\"", "refs\\u0000.bib")]
    [InlineData("\"refs\\t.bib\"", "refs\\u0009.bib")]
    [InlineData("[ok.bib, \"a\\u0001\"]", "a\\u0001")]
    public void A_bibliography_name_with_a_control_character_is_a_warning_not_a_crash(string value, string shown)
    {
        using var repo = new TempRepo();
        repo.Write("incoming/post.md", $"---\nbibliography: {value}\n---\n\nText.\n");
        var result = CliRunner.Run(repo.Root, "import", "incoming/post.md");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"bibliography '{shown}' is not a file name (empty, or it holds a control character); not read", result.Out + result.Error);
        Assert.True(File.Exists(repo.Full("articles/post.md")));
    }
}
