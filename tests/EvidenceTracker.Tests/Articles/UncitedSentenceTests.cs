using EvidenceTracker.App;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace EvidenceTracker.Tests.Articles;

/// <summary>
/// <c>uncited-sentence</c> on an engineering-blog post with planted uncited figures and strong claims
/// (tests/fixtures/blog-uncited/expectations.yaml), and on this repository's own seed article.
/// </summary>
public class UncitedSentenceTests
{
    private static List<(int Line, int Column, string Says)> Planted()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(TestPaths.Fixture("blog-uncited"), "expectations.yaml")))
        {
            yaml.Load(reader);
        }
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root.Children[new YamlScalarNode("planted")]).Children.Cast<YamlMappingNode>()
            .Select(m => (int.Parse(Scalar(m, "line")), int.Parse(Scalar(m, "column")), Scalar(m, "says")))
            .ToList();
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void Every_planted_uncited_figure_and_strong_claim_of_the_blog_post_is_reported()
    {
        var planted = Planted();
        var findings = EvidenceQueries.Check(TestPaths.Fixture("blog-uncited")).Findings.Where(f => f.Rule == Rules.UncitedSentence).ToList();
        Assert.Equal(8, planted.Count);
        foreach (var (line, column, says) in planted)
        {
            var f = Assert.Single(findings, f => f.Line == line && f.Column == column);
            Assert.Contains(says, f.Message);
        }
    }

    [Fact]
    public void Nothing_but_the_planted_sentences_of_the_blog_post_is_reported()
    {
        var planted = Planted().Select(p => (p.Line, p.Column)).ToHashSet();
        var reported = EvidenceQueries.Check(TestPaths.Fixture("blog-uncited")).Findings
            .Where(f => f.Rule == Rules.UncitedSentence)
            .Select(f => (f.Line!.Value, f.Column!.Value))
            .ToList();
        Assert.Equal(planted.Order(), reported.Order());
    }

    [Fact]
    public void On_this_repositorys_own_seed_article_the_uncited_sentences_of_lines_24_and_30_are_still_reported_and_the_cited_figures_of_line_36_are_not()
    {
        var findings = EvidenceQueries.Check(TestPaths.RepoRoot).Findings
            .Where(f => f.Rule == Rules.UncitedSentence && f.File == "articles/damo-grape-ct-screening.md")
            .ToList();
        // Line 36: the cited sentence of figures (85.1%, 96.8%…) is not reported; the next one, after the marker, states
        // the strong word 颠覆 with no citation.
        Assert.Equal([(24, 3), (30, 92), (36, 108)], findings.Select(f => (f.Line!.Value, f.Column!.Value)));
        Assert.Contains("1%左右 and 20%-30%", findings[1].Message);
        Assert.StartsWith("sentence states the strong word '颠覆'", findings[2].Message);
    }

    [Fact]
    public void A_figure_inside_a_code_span_of_an_article_is_not_reported()
    {
        using var repo = new TempRepo("blog-uncited");
        repo.Write("articles/code.md", "---\ntitle: Code\n---\n\nRun `retry --max 30%` to retry.\n\nRun retry with 30% of the budget.\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.UncitedSentence && f.File == "articles/code.md").ToList();
        var f = Assert.Single(findings);
        Assert.Equal(7, f.Line);
    }

    [Fact]
    public void A_rank_ordinal_is_a_figure_and_an_ordinal_of_the_text_is_not()
    {
        using var repo = new TempRepo("blog-uncited");
        repo.Write("articles/ranks.md", "---\ntitle: Ranks\n---\n\nIn our 2nd post we look back.\n\nThe library ranked 3rd in the survey.\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.UncitedSentence && f.File == "articles/ranks.md").ToList();
        Assert.Equal([7], findings.Select(f => f.Line!.Value));
    }
}
