using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Checking;

/// <summary>A report lists at most 1,000 findings of one rule for one file, then says how many more there are.</summary>
public class FindingCapTests
{
    private static string Sentences(int count, int from = 0) =>
        string.Join(" ", Enumerable.Range(from, count).Select(i => $"The cohort had {i + 1} cases."));

    [Fact]
    public void An_article_of_more_uncited_figures_than_the_cap_lists_the_first_thousand_and_counts_the_rest()
    {
        using var repo = new TempRepo();
        repo.Write("articles/flood.md", "# Flood\n\n" + Sentences(1_250) + "\n");

        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.UncitedSentence).ToList();

        Assert.Equal(Checker.MaxFindingsPerRuleAndFile + 1, findings.Count);
        var listed = findings.Where(f => !f.Message.StartsWith("and ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Checker.MaxFindingsPerRuleAndFile, listed.Count);
        Assert.Contains(listed, f => f.Message.EndsWith("\"The cohort had 1 cases.\"", StringComparison.Ordinal));
        Assert.Contains(listed, f => f.Message.EndsWith("\"The cohort had 1000 cases.\"", StringComparison.Ordinal));
        Assert.DoesNotContain(listed, f => f.Message.EndsWith("\"The cohort had 1001 cases.\"", StringComparison.Ordinal));
        var rest = Assert.Single(findings, f => f.Message.StartsWith("and ", StringComparison.Ordinal));
        Assert.Equal("and 250 more uncited-sentence findings in this file from here on, not listed (a report lists at most 1,000 per rule and file)", rest.Message);
        Assert.Equal("articles/flood.md", rest.File);
        Assert.Equal(Severity.Warning, rest.Severity);
        // at the first sentence left out: after every listed one
        Assert.True(listed.All(f => (f.Line, f.Column).CompareTo((rest.Line, rest.Column)) < 0));
    }

    [Fact]
    public void A_file_at_the_cap_is_listed_whole()
    {
        using var repo = new TempRepo();
        repo.Write("articles/full.md", "# Full\n\n" + Sentences(Checker.MaxFindingsPerRuleAndFile) + "\n");

        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.UncitedSentence).ToList();

        Assert.Equal(Checker.MaxFindingsPerRuleAndFile, findings.Count);
        Assert.DoesNotContain(findings, f => f.Message.StartsWith("and ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cap_counts_each_file_and_rule_on_its_own()
    {
        using var repo = new TempRepo();
        repo.Write("articles/a.md", "# A\n\n" + Sentences(700) + "\n");
        repo.Write("articles/b.md", "# B\n\n" + Sentences(700) + "\n");

        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.UncitedSentence).ToList();

        Assert.Equal(1_400, findings.Count);
        Assert.DoesNotContain(findings, f => f.Message.StartsWith("and ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_more_findings_than_the_cap_but_no_rule_over_it_is_listed_whole()
    {
        using var repo = new TempRepo();
        var unused = string.Join("\n", Enumerable.Range(1, 700).Select(i => $"[^n{i}]: A note nobody cites."));
        repo.Write("articles/a.md", "# A\n\n" + Sentences(700) + "\n\n" + unused + "\n");

        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.File == "articles/a.md").ToList();

        Assert.Equal(700, findings.Count(f => f.Rule == Rules.UncitedSentence));
        Assert.Equal(700, findings.Count(f => f.Rule == Rules.UnusedFootnote));
        Assert.DoesNotContain(findings, f => f.Message.StartsWith("and ", StringComparison.Ordinal));
    }
}
