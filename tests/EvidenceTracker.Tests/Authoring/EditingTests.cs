using System.CommandLine;
using System.Text.Json;
using EvidenceTracker.App;
using EvidenceTracker.Cli;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

public class EditingTests
{
    private static TempRepo Repo()
    {
        var repo = new TempRepo();
        repo.Write("articles/panda.md", "# PANDA\n\nDAMO PANDA found 31 missed pancreatic cancers in 20,000 scans.[^1]\n\n[^1]: [Report](https://example.org/panda) · Example News (2025/6/25)\n");
        repo.Write("sources/cao.yaml", "id: cao\ntype: journal-article\ntitle: Cao 2023\ndoi: 10.1038/s41591-023-02640-w\nurl: https://Example.org/paper/?utm_source=x\n");
        repo.Write("sources/news.yaml", "id: news\ntype: news\ntitle: News\npmcid: PMC123\n");
        return repo;
    }

    [Fact]
    public void Add_claim_refuses_an_excerpt_that_is_not_in_its_article_and_writes_nothing()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "add", "claim", "--statement", "PANDA found 31", "--article", "panda", "--excerpt", "found 32 missed cancers");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--excerpt is not in article 'panda' (articles/panda.md)", result.Error);
        Assert.Empty(Directory.GetFiles(repo.Full("claims")));
        Assert.Equal(0, CliRunner.Run(repo.Root, "add", "claim", "--statement", "PANDA found 31", "--article", "panda", "--excerpt", "found 31 missed pancreatic cancers").ExitCode);
    }

    [Theory]
    [InlineData("--doi", "https://doi.org/10.1038/S41591-023-02640-W", "source 'cao' (sources/cao.yaml) already has this DOI (10.1038/s41591-023-02640-w)")]
    [InlineData("--url", "https://example.org/paper#top", "source 'cao' (sources/cao.yaml) already has this URL (https://example.org/paper)")]
    public void Add_source_refuses_an_identifier_another_source_has_unless_allowed(string option, string value, string message)
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "add", "source", "--title", "Again", "--id", "again", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(repo.Full("sources/again.yaml")));
        Assert.Equal(0, CliRunner.Run(repo.Root, "add", "source", "--title", "Again", "--id", "again", option, value, "--allow-duplicate").ExitCode);
        var finding = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == "duplicate-source");
        Assert.Equal(EvidenceTracker.Diagnostics.Severity.Warning, finding.Severity);
        Assert.Equal("sources/cao.yaml", finding.File); // 'again' sorts first: the later id is the duplicate
        Assert.StartsWith("source 'cao' has the ", finding.Message);
    }

    [Fact]
    public void Duplicate_source_finds_sources_written_by_hand_with_one_pmcid_at_its_line()
    {
        using var repo = Repo();
        repo.Write("sources/zz.yaml", "id: zz\ntype: report\ntitle: Z\npmcid: pmc123\n");
        var finding = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == "duplicate-source");
        Assert.Equal(("sources/zz.yaml", 4), (finding.File, finding.Line));
        Assert.Contains("source 'zz' has the PMCID of source 'news' (PMC123)", finding.Message);
    }

    [Fact]
    public void Check_suggests_the_nearest_id_for_an_unknown_source_article_and_reports_on_target()
    {
        using var repo = Repo();
        repo.Write("sources/blog.yaml", "id: blog\ntype: news\ntitle: B\nreports-on: [cau]\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: x\narticle: pandas\ncitations:\n  - source: newz\n");
        var messages = EvidenceQueries.Check(repo.Root).Findings.Select(f => f.Message).ToList();
        Assert.Contains("reports-on names source 'cau' which does not exist; did you mean 'cao'?", messages);
        Assert.Contains("claim names article 'pandas' which does not exist (no articles/pandas.md); did you mean 'panda'?", messages);
        Assert.Contains("citation names source 'newz' which does not exist; did you mean 'news'?", messages);
    }

    [Fact]
    public void A_draft_is_counted_and_listed_as_a_draft_never_as_cited()
    {
        using var repo = Repo();
        repo.Write("claims/draft.yaml", "id: draft\nstatement: 'TODO: state the claim in your own words'\ncitations:\n  - source: cao\n");
        repo.Write("claims/done.yaml", "id: done\nstatement: Stated\ncitations:\n  - source: cao\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Equal(SupportLevel.Draft, report.Claims.Single(c => c.Claim.Id == "draft").Support);
        Assert.Equal(1, report.Summary.Support[SupportLevel.Draft]);
        Assert.Equal(1, report.Summary.Support[SupportLevel.Cited]);

        var json = JsonDocument.Parse(CliRunner.Run(repo.Root, "check", "--format", "json").Out).RootElement;
        Assert.Equal(1, json.GetProperty("summary").GetProperty("support").GetProperty("draft").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("support").GetProperty("cited").GetInt32());
        Assert.Contains("1 cited, 1 draft", CliRunner.Run(repo.Root, "check").Out);
        var listed = CliRunner.Run(repo.Root, "list", "claims", "--support", "draft").Out.Split('\n');
        Assert.StartsWith("draft  draft ", listed[1]);
        Assert.Equal("1 claim", listed[2]);

        // The site counts it: one draft on the index.
        Assert.Equal(0, CliRunner.Run(repo.Root, "build").ExitCode);
        Assert.Contains("| `draft` | 1 |", repo.Read("site/README.md"));
    }

    [Fact]
    public void No_usage_line_lists_ids_with_300_claims_and_sources_and_completion_still_offers_them()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 300; i++)
        {
            repo.Write($"sources/source-{i:000}.yaml", $"id: source-{i:000}\ntype: report\ntitle: S{i}\n");
            repo.Write($"claims/claim-{i:000}.yaml", $"id: claim-{i:000}\nstatement: x\n");
        }
        var root = EvidenceCli.BuildRoot(new CommandContext(TextWriter.Null, TextWriter.Null, CliEnvironment.Plain(repo.Root)));
        var paths = new List<string[]>();
        void Walk(Command command, string[] path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }
        Walk(root, []);
        Assert.True(paths.Count > 15);
        foreach (var path in paths)
        {
            var help = CliRunner.Run(repo.Root, [.. path, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.DoesNotContain("claim-1", help.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("source-1", help.Out, StringComparison.Ordinal);
            var longest = help.Out.Split('\n').MaxBy(line => line.Length)!;
            Assert.True(longest.Length < 400, $"evidence {string.Join(' ', path)} --help: {longest}");
        }
        Assert.Contains("claim-150", root.Parse("mv ").GetCompletions().Select(c => c.Label));
        Assert.Contains("source-150", root.Parse("rm ").GetCompletions().Select(c => c.Label));
        Assert.Contains("claim-150", root.Parse("cite ").GetCompletions().Select(c => c.Label));
        Assert.Contains("source-150", root.Parse("set ").GetCompletions().Select(c => c.Label));
    }
}
