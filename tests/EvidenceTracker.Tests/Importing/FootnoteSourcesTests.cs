using EvidenceTracker.Importing;

namespace EvidenceTracker.Tests.Importing;

/// <summary>Footnotes as people write them: notes are no sources, several links are several sources, titles hold no Markdown.</summary>
public class FootnoteSourcesTests
{
    [Fact]
    public void Several_links_in_one_definition_are_several_sources_titled_from_their_link_texts()
    {
        var drafts = FootnoteSources.Parse("Wikipedia: [*Mass Surveillance*](https://en.wikipedia.org/wiki/Mass_surveillance) and [*Surveillance*](https://en.wikipedia.org/wiki/Surveillance).");
        Assert.Equal(2, drafts.Count);
        Assert.Equal(["Mass Surveillance", "Surveillance"], drafts.Select(d => d.Title));
        Assert.Equal(["https://en.wikipedia.org/wiki/Mass_surveillance", "https://en.wikipedia.org/wiki/Surveillance"], drafts.Select(d => d.Url));
        Assert.All(drafts, d => Assert.Equal("Wikipedia", d.Publisher));
    }

    [Theory]
    [InlineData("I think we rocked this one.")]
    [InlineData("Sales figures compiled by the author from dealer surveys")]
    [InlineData("We measured this twice in our lab, with the same result.")]
    [InlineData("Ibid.")]
    public void A_definition_without_url_identifier_or_bibliographic_shape_is_a_note(string definition)
    {
        Assert.Empty(FootnoteSources.Parse(definition));
        Assert.True(FootnoteSources.IsNote(definition));
    }

    [Theory]
    [InlineData("“Heat pumps in cold climates”, a report of the agency")]
    [InlineData("《自然·医学》2023年11月")]
    [InlineData("doi:10.1038/s41591-023-02640-w")]
    [InlineData("PMID: 37985692")]
    [InlineData("Market report. Nordic Heating Council, 2023-03-08.")]
    public void A_definition_with_a_quoted_title_an_identifier_or_a_publisher_and_date_is_a_source(string definition)
    {
        Assert.Single(FootnoteSources.Parse(definition));
    }

    [Fact]
    public void The_title_publisher_date_url_shape_is_parsed_into_its_fields()
    {
        var d = Assert.Single(FootnoteSources.Parse("Market report. Nordic Heating Council, 2023-03-08. https://nordic-heating.example.com/market-2023/"));
        Assert.Equal("Market report", d.Title);
        Assert.Equal("Nordic Heating Council", d.Publisher);
        Assert.Equal("2023-03-08", d.Date);
        Assert.Equal("https://nordic-heating.example.com/market-2023/", d.Url);
    }

    [Fact]
    public void The_author_year_shape_is_parsed_into_authors_date_title_and_journal()
    {
        var d = Assert.Single(FootnoteSources.Parse("Smith, J., & Doe, A. (2020). Cameras in public spaces. Journal of Privacy, 12(3), 45-67."));
        Assert.Equal(["Smith, J.", "Doe, A."], d.Authors);
        Assert.Equal("2020", d.Date);
        Assert.Equal("Cameras in public spaces", d.Title);
        Assert.Equal("Journal of Privacy", d.Publisher);
        Assert.Equal("12", d.Volume);
    }

    [Theory]
    [InlineData("[**Bold** and *italic* `code`](https://example.org/a) · *The Times* · (2024/1/2)", "Bold and italic code", "The Times")]
    [InlineData("[A <span>tagged</span> title](https://example.org/b) · [Site](https://example.org) · 2024-01-02", "A tagged title", null)]
    public void Titles_and_publishers_never_hold_markdown(string definition, string title, string? publisher)
    {
        var d = FootnoteSources.Parse(definition)[0];
        Assert.Equal(title, d.Title);
        if (publisher is not null)
        {
            Assert.Equal(publisher, d.Publisher);
        }
        Assert.DoesNotContain("](", d.Title + d.Publisher, StringComparison.Ordinal);
        Assert.DoesNotContain("*", d.Title + d.Publisher, StringComparison.Ordinal);
    }

    [Fact]
    public void One_link_written_twice_is_one_source()
    {
        Assert.Single(FootnoteSources.Parse("[Report](https://example.org/r) (https://example.org/r)"));
    }

    /// <summary>
    /// IsNote decides without reading the sources; it must agree with Parse finding none, on definitions made of
    /// notes, links, bare URLs, identifiers, quoted titles, author-year shapes and dates (seeded; EVIDENCE_FUZZ_SEED
    /// picks another seed).
    /// </summary>
    [Fact]
    public void Is_note_agrees_with_parse_finding_no_source_on_seeded_definitions()
    {
        string[] parts =
        [
            "I think we rocked this one.", "Ibid.", "See also the appendix", "[Report](https://example.org/r)", "[x](javascript:alert(1))",
            "https://example.org/a", "(https://example.org/b)", "doi:10.1038/s41591-023-02640-w", "PMID: 37985692", "“Heat pumps in cold climates”",
            "《自然·医学》", "Smith, J. (2020). Cameras in public spaces.", "*The Book*", "2023", "2023-03-08", "Nordic Heating Council,", "and", "·",
            "检索日期2025/6/25", "Wikipedia:", "[Site](https://example.org)", "ISBN 978-3-16-148410-0", "arXiv: 2101.00001", "\"quoted\"", "a note",
            "[broken](", "mailto:x@example.org", "[A](http://example.org/a) and [B](http://example.org/b)",
        ];
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EVIDENCE_FUZZ_SEED"), out var seed) ? seed : 3);
        for (var n = 0; n < 2000; n++)
        {
            var count = random.Next(1, 5);
            var definition = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, count).Select(_ => parts[random.Next(parts.Length)]));
            Assert.True(FootnoteSources.IsNote(definition) == (FootnoteSources.Parse(definition).Count == 0), definition);
        }
    }

    /// <summary>Collapsing white space: the text itself when it has none to collapse, else every run made one space, trimmed.</summary>
    [Fact]
    public void White_space_is_collapsed_as_splitting_and_joining_would_collapse_it()
    {
        char[] alphabet = ['a', 'h', ' ', ' ', ' ', '\n', '\t', '\r', '\u00a0', '\u3000', '[', ']', '('];
        var random = new Random(20261202);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), FootnoteSources.Collapse(text));
        }
        const string plain = "Smith J. A study. 2020.";
        Assert.Same(plain, FootnoteSources.Collapse(plain));
    }

    [Theory]
    [InlineData("[A study](https://example.org/a).", false)]
    [InlineData("See https://example.org/a, then.", false)]
    [InlineData("[A study](https://example.org/a)[b]", false)]
    [InlineData("[A study](ftp://example.org/a)", true)]
    [InlineData("An aside that links nowhere.", true)]
    public void A_definition_with_an_http_link_in_either_form_names_a_source(string definition, bool note) =>
        Assert.Equal(note, FootnoteSources.IsNote(definition));
}
