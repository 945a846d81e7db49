using EvidenceTracker.Articles;
using EvidenceTracker.Model;

namespace EvidenceTracker.Tests.Articles;

/// <summary>Pandoc and Manubot citation keys in articles: found as Pandoc finds them, with positions; what they cite; how they resolve.</summary>
public class PandocCitationTests
{
    private static List<string> Keys(string markdown) => ArticleParser.Parse(markdown).Citations.Select(c => c.Key).ToList();

    [Fact]
    public void Every_form_of_pandoc_citation_gives_its_keys()
    {
        Assert.Equal(["smith2020", "doe:2019", "a.b-c", "neg", "intext", "braced", "_under", "9num"],
            Keys("See [@smith2020; @doe:2019, p. 33] and [see @a.b-c, chap. 2] and [-@neg].\n@intext [p. 33] says so. @{braced} @_under @9num.\n"));
    }

    [Fact]
    public void Trailing_punctuation_ends_a_key_and_internal_punctuation_stays_in_it()
    {
        Assert.Equal(["key", "key", "k3", "url:https://ex.com/a?b", "x:y/z#w~v"],
            Keys("Trailing @key. and @key: then @k3- and @url:https://ex.com/a?b=1 and @x:y/z#w~v.\n"));
    }

    [Fact]
    public void Manubot_prefixed_keys_are_keys()
    {
        Assert.Equal(["doi:10.1038/s41591-023-02640-w", "pmid:123", "pmcid:PMC1", "arxiv:2401.00001", "isbn:9780128012383", "url:https://a.org/x", "wikidata:Q42"],
            Keys("A [@doi:10.1038/s41591-023-02640-w; @pmid:123] b [@pmcid:PMC1] c @arxiv:2401.00001 d [@isbn:9780128012383; @url:https://a.org/x; @wikidata:Q42].\n"));
    }

    [Fact]
    public void Cross_references_email_addresses_escapes_and_code_are_not_citations()
    {
        Assert.Empty(Keys("See @fig:roc, [@tbl:one; @sec:intro] and @eq:auc. Mail a.b@example.org or x@y. \\@escaped `@code` and `[@code]`.\n\n```\n@block [@block]\n```\n\n    @indented\n"));
    }

    [Fact]
    public void A_bracketed_citation_is_removed_from_the_text_with_the_space_before_it_and_an_in_text_key_stays()
    {
        var doc = ArticleParser.Parse("Sea level rose 1.7 mm a year [@church2011, p. 590]. @pugh2014 [p. 12] agrees.\n");
        var block = Assert.Single(doc.Blocks);
        Assert.Equal("Sea level rose 1.7 mm a year. @pugh2014 agrees.", block.Text);
        Assert.Equal([(1, 31), (1, 53)], doc.Citations.Select(c => (c.Position.Line, c.Position.Column)));
        Assert.Equal(["[@church2011, p. 590]", "@pugh2014"], doc.Citations.Select(c => c.Citation));
    }

    [Fact]
    public void A_citation_supports_the_sentence_that_holds_it_whatever_the_citation_scope()
    {
        var doc = ArticleParser.Parse("First sentence states 30 cases. Second cites [@a]. Third after it.\n");
        foreach (var scope in new[] { CitationScope.Run, CitationScope.Sentence })
        {
            var passage = Assert.Single(doc.Passages(scope));
            Assert.Equal((1, 1), (passage.FirstSentence, passage.LastSentence));
            Assert.Equal("Second cites.", passage.Text.Trim());
            Assert.Equal("[@a]", passage.Citing);
        }
    }

    [Fact]
    public void A_citation_after_the_end_of_a_sentence_goes_with_the_next_sentence()
    {
        var doc = ArticleParser.Parse("Done here. [@a] The next one.\n");
        var passage = Assert.Single(doc.Passages(CitationScope.Run));
        Assert.Equal(1, passage.FirstSentence);
        Assert.Equal("Done here. The next one.", doc.Blocks[0].Text);
    }

    [Fact]
    public void Footnote_markers_and_citations_in_one_block_each_cite_their_passage()
    {
        var doc = ArticleParser.Parse("One [@a]. Two.[^1] Three.\n\n[^1]: Note https://example.org\n");
        var passages = doc.Passages(CitationScope.Run);
        Assert.Equal([("[@a]", 0, 0), ("[^1]", 0, 1)], passages.Select(p => (p.Citing, p.FirstSentence, p.LastSentence)));
    }

    [Fact]
    public void Aliases_come_from_link_reference_definitions_and_front_matter_and_a_defined_alias_is_still_a_bracketed_citation()
    {
        var doc = ArticleParser.Parse("---\ncitekey-aliases:\n  grape: doi:10.1/grape\n---\n\nIt works [@tag:panda]. Also [@grape].\n\n[@tag:panda]: doi:10.1/panda\n");
        Assert.Equal("doi:10.1/panda", doc.CitekeyAliases["tag:panda"]);
        Assert.Equal("doi:10.1/grape", doc.CitekeyAliases["grape"]);
        Assert.Equal(["tag:panda", "grape"], doc.Citations.Select(c => c.Key));
        Assert.Equal("It works. Also.", doc.Blocks[^1].Text);
    }

    [Fact]
    public void Bibliography_front_matter_is_a_string_or_a_list()
    {
        Assert.Equal(["paper.bib"], PandocCitations.FrontMatterStrings("bibliography: paper.bib\n", "bibliography"));
        Assert.Equal(["a.bib", "b.json"], PandocCitations.FrontMatterStrings("bibliography:\n  - a.bib\n  - b.json\n", "bibliography"));
        Assert.Empty(PandocCitations.FrontMatterStrings("title: x\n", "bibliography"));
        Assert.Empty(PandocCitations.FrontMatterStrings("bibliography: [unclosed\n", "bibliography"));
    }

    [Fact]
    public void Keys_resolve_by_keys_then_identifier_then_id_slug()
    {
        var resolver = new CitekeyResolver(
        [
            new Source { Id = "cao-2023", File = "sources/cao-2023.yaml", Type = SourceType.JournalArticle, Title = "T", Keys = ["Cao2023Panda"], Doi = "10.1038/s41591-023-02640-w" },
            new Source { Id = "smith2020", File = "sources/smith2020.yaml", Type = SourceType.Book, Title = "U", Pmid = "123", Url = "https://Example.org/a/" },
        ]);
        Assert.Equal("cao-2023", resolver.Resolve("Cao2023Panda"));
        Assert.Equal("cao-2023", resolver.Resolve("cao2023panda"));
        Assert.Equal("cao-2023", resolver.Resolve("doi:10.1038/S41591-023-02640-W"));
        Assert.Equal("smith2020", resolver.Resolve("pmid:123"));
        Assert.Equal("smith2020", resolver.Resolve("url:https://example.org/a"));
        Assert.Equal("smith2020", resolver.Resolve("https://example.org/a"));
        Assert.Equal("smith2020", resolver.Resolve("Smith2020"));
        Assert.Equal("cao-2023", resolver.Resolve("tag:panda", new Dictionary<string, string> { ["tag:panda"] = "doi:10.1038/s41591-023-02640-w" }));
        Assert.Null(resolver.Resolve("doi:10.1/other"));
        Assert.Null(resolver.Resolve("jones2021"));
    }

    [Theory]
    [InlineData("pmcid:123", "pmcid", "PMC123")]
    [InlineData("isbn:978-0-12-801238-3", "isbn", "9780128012383")]
    [InlineData("arxiv:2401.00001", "arxiv", "2401.00001")]
    [InlineData("wikidata:Q42", "url", "https://www.wikidata.org/wiki/Q42")]
    [InlineData("DOI:10.1234/X", "doi", "10.1234/x")]
    public void A_prefixed_key_names_its_identifier_as_the_source_stores_it(string key, string field, string value)
    {
        Assert.Equal(new CitekeyResolver.Identifier(field, value), CitekeyResolver.IdentifierOf(key));
    }

    [Theory]
    [InlineData("smith2020")]
    [InlineData("pmid:12x")]
    [InlineData("isbn:9780128012384")]
    [InlineData("fig:roc")]
    public void A_key_without_a_valid_identifier_prefix_names_no_identifier(string key)
    {
        Assert.Null(CitekeyResolver.IdentifierOf(key));
    }

    [Fact]
    public void Hostile_brackets_and_at_signs_give_the_keys_pandoc_would_and_never_throw()
    {
        // "[@a; @{ x]" is no citation (a braced key holds no space): its @a is in-text, as is @b; a lone @ is nothing
        var text = string.Concat(Enumerable.Repeat("[@a; @{ x] @b ; @ ", 3000)) + "\n\n" + new string('@', 50_000) + "\n\n"
            + string.Concat(Enumerable.Repeat("[see @", 3000));
        var doc = ArticleParser.Parse(text);
        Assert.Equal(6000, doc.Citations.Count());
        Assert.Equal(["a", "b"], doc.Citations.Select(c => c.Key).Distinct());
    }
}
