using EvidenceTracker.App;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Articles;

/// <summary>
/// Footnotes that are explanatory notes cite nothing (<c>uncited-sentence</c>, <c>unclaimed-citation</c>), and a sentence
/// holding a link to an http(s) URL is cited by it.
/// </summary>
public class NotesAndLinksTests
{
    private static List<Diagnostics.Finding> Check(string article, string rule)
    {
        using var repo = new TempRepo("blog-uncited");
        repo.Write("articles/post.md", "---\ntitle: Post\n---\n\n" + article);
        return EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == rule && f.File == "articles/post.md").ToList();
    }

    [Fact]
    public void A_sentence_marked_only_by_a_note_footnote_is_reported_as_uncited()
    {
        var findings = Check("Builds got 40% faster.[^aside]\n\n[^aside]: I think we rocked this one.\n", Rules.UncitedSentence);
        var f = Assert.Single(findings);
        Assert.Equal(5, f.Line);
        Assert.Contains("40%", f.Message);
    }

    [Fact]
    public void A_sentence_marked_by_a_footnote_naming_a_source_is_not_reported_as_uncited()
    {
        var findings = Check("Builds got 40% faster.[^src]\n\n[^src]: Build report. https://example.org/report\n", Rules.UncitedSentence);
        Assert.Empty(findings);
    }

    [Fact]
    public void The_passage_of_a_note_footnote_is_not_reported_as_unclaimed_and_that_of_a_source_footnote_is()
    {
        var findings = Check("We moved to a new cache.[^aside] It was painful.[^src]\n\n[^aside]: I think we rocked this one.\n[^src]: Build report. https://example.org/report\n",
            Rules.UnclaimedCitation);
        var f = Assert.Single(findings);
        Assert.Contains("[^src]", f.Message);
    }

    [Fact]
    public void A_sentence_marked_by_a_note_and_a_source_footnote_is_cited()
    {
        var findings = Check("Builds got 40% faster.[^aside][^src]\n\n[^aside]: I think we rocked this one.\n[^src]: Build report. https://example.org/report\n",
            Rules.UncitedSentence);
        Assert.Empty(findings);
    }

    [Fact]
    public void A_sentence_with_a_figure_and_an_inline_link_is_cited_and_one_without_a_link_is_reported()
    {
        var findings = Check("Builds got [40% faster](https://example.org/report) last year. Tests got 25% slower.\n", Rules.UncitedSentence);
        var f = Assert.Single(findings);
        Assert.Contains("25%", f.Message);
    }

    [Fact]
    public void A_reference_style_link_and_an_autolink_cite_their_sentences()
    {
        var findings = Check("Builds got 40% faster, says [the report][r].\n\nTests got 25% slower <https://example.org/tests>.\n\n[r]: https://example.org/report\n",
            Rules.UncitedSentence);
        Assert.Empty(findings);
    }

    [Fact]
    public void An_image_a_fragment_link_and_a_relative_link_do_not_cite_their_sentences()
    {
        var findings = Check("Builds got 40% faster ![chart](https://example.org/chart.png).\n\nTests got 25% slower, see [below](#results).\n\nDeploys took 30% longer, see [notes](notes.md).\n",
            Rules.UncitedSentence);
        Assert.Equal([5, 7, 9], findings.Select(f => f.Line!.Value));
    }
}
