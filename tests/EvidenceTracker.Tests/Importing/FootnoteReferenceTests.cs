using EvidenceTracker.Importing;
using EvidenceTracker.Model;

namespace EvidenceTracker.Tests.Importing;

/// <summary>Footnote definitions in the shapes real blogs write become source fields; nothing is lost.</summary>
public class FootnoteReferenceTests
{
    [Fact]
    public void The_seed_shape_gives_title_url_publisher_date_and_retrieval_date_and_drops_the_tagline()
    {
        var d = FootnoteReference.Parse("[这个AI能救命！提前6个月发现胃癌病灶，突破医学影像认知，达摩院做成了](https://www.qbitai.com/2025/06/300840.html)·量子位·关注前沿科技（2025/6/25）·检索日期2025/6/25");
        Assert.Equal("这个AI能救命！提前6个月发现胃癌病灶，突破医学影像认知，达摩院做成了", d.Title);
        Assert.Equal("https://www.qbitai.com/2025/06/300840.html", d.Url);
        Assert.Equal("量子位", d.Publisher);
        Assert.Equal("2025-06-25", d.Date);
        Assert.Equal("2025-06-25", d.Accessed);
        Assert.Equal(SourceType.News, d.Type);
    }

    [Fact]
    public void A_link_address_keeps_its_balanced_parentheses()
    {
        var d = FootnoteReference.Parse("[Heat pump](https://en.example.org/wiki/Heat_pump_(building)) · Example Wiki · (2024/1/15)");
        Assert.Equal("Heat pump", d.Title);
        Assert.Equal("https://en.example.org/wiki/Heat_pump_(building)", d.Url);
        Assert.Equal("Example Wiki", d.Publisher);
    }

    [Fact]
    public void A_link_that_never_closes_among_thousands_of_link_openings_is_no_link()
    {
        // the input of a fuzz hang (tests/fixtures/fuzz-regressions/article/a21e2f3d82ff.md), made small: the link
        // pattern backtracked cubically on it (here, to a wrong match); the pattern now reads it in one pass
        var definition = "[T](https://x.org/?u" + string.Concat(Enumerable.Repeat("[a](", 200)) + "{a: {" + string.Concat(Enumerable.Repeat("[a](", 10)) + "x) end";
        Assert.Equal("[a](x)", FootnoteReference.LinkRegex().Match(definition).Value);
    }

    [Fact]
    public void The_seed_shape_without_a_tagline_and_with_an_empty_segment_before_the_date()
    {
        var d = FootnoteReference.Parse("[胃癌筛查困局有望破解：AI影像分析推动胃癌早筛智能发展](http://www.news.cn/tech/20250625/c.html)·新华网·（2025/6/25）·检索日期2025/6/25");
        Assert.Equal("胃癌筛查困局有望破解：AI影像分析推动胃癌早筛智能发展", d.Title);
        Assert.Equal("新华网", d.Publisher);
        Assert.Equal("2025-06-25", d.Date);
        Assert.Equal("2025-06-25", d.Accessed);
    }

    [Fact]
    public void Spaces_around_the_separators_do_not_matter()
    {
        var d = FootnoteReference.Parse("[Heat pump statistics 2023](https://example.org/stats) · Example Energy Agency · (2024/1/15) · retrieved 2024/10/1");
        Assert.Equal("Heat pump statistics 2023", d.Title);
        Assert.Equal("Example Energy Agency", d.Publisher);
        Assert.Equal("2024-01-15", d.Date);
        Assert.Equal("2024-10-01", d.Accessed);
    }

    [Theory]
    [InlineData("量子位：这个AI能救命（https://www.qbitai.com/2025/06/300840.html）（2025/6/25）")]
    [InlineData("量子位：这个AI能救命 (https://www.qbitai.com/2025/06/300840.html) 2025/6/25")]
    [InlineData("量子位：这个AI能救命 https://www.qbitai.com/2025/06/300840.html 2025年6月25日")]
    [InlineData("量子位：这个AI能救命 <https://www.qbitai.com/2025/06/300840.html> 2025-06-25")]
    public void A_bare_url_in_brackets_or_not_is_the_url_and_the_rest_is_the_title(string definition)
    {
        var d = FootnoteReference.Parse(definition);
        Assert.Equal("https://www.qbitai.com/2025/06/300840.html", d.Url);
        Assert.Equal("量子位：这个AI能救命", d.Title);
        Assert.Equal("2025-06-25", d.Date);
        Assert.Null(d.Publisher);
        Assert.Equal(SourceType.WebPage, d.Type);
    }

    [Fact]
    public void The_bibliographic_prose_shape_gives_title_publisher_date_url_and_access_date()
    {
        var d = FootnoteReference.Parse("Market report. Nordic Heating Council, 2023-03-08. https://nordic-heating.example.com/market-2023/ (accessed 2024-10-02)");
        Assert.Equal("Market report", d.Title);
        Assert.Equal("Nordic Heating Council", d.Publisher);
        Assert.Equal("2023-03-08", d.Date);
        Assert.Equal("https://nordic-heating.example.com/market-2023/", d.Url);
        Assert.Equal("2024-10-02", d.Accessed);
    }

    [Theory]
    [InlineData("Retrieved June 3, 2024", "2024-06-03")]
    [InlineData("accessed on 3 June 2024", "2024-06-03")]
    [InlineData("Accessed: 2024-06-03", "2024-06-03")]
    [InlineData("访问日期：2024年6月3日", "2024-06-03")]
    [InlineData("检索于2024.6.3", "2024-06-03")]
    public void Retrieval_dates_are_read_in_several_languages_and_formats(string tail, string expected)
    {
        var d = FootnoteReference.Parse($"[A page](https://example.org/a) · Example Site · {tail}");
        Assert.Equal(expected, d.Accessed);
        Assert.Null(d.Date);
        Assert.Equal("Example Site", d.Publisher);
    }

    [Fact]
    public void Free_text_with_no_url_is_a_source_with_a_title_only()
    {
        var d = FootnoteReference.Parse("Sales figures compiled by the author from dealer surveys");
        Assert.Equal("Sales figures compiled by the author from dealer surveys", d.Title);
        Assert.Null(d.Url);
        Assert.Null(d.Publisher);
        Assert.Equal(SourceType.Other, d.Type);
    }

    [Fact]
    public void What_cannot_be_parsed_stays_in_the_title()
    {
        var d = FootnoteReference.Parse("[Report](https://example.org/r)·Publisher·tagline·extra part·and another");
        Assert.Equal("Publisher", d.Publisher);
        Assert.Contains("extra part", d.Title);
        Assert.Contains("and another", d.Title);
        Assert.StartsWith("Report", d.Title);
    }

    [Fact]
    public void A_middle_dot_inside_book_title_marks_is_not_a_separator()
    {
        var d = FootnoteReference.Parse("[论文摘要](https://example.org/p)·《自然·医学》·2025/6/24");
        Assert.Equal("《自然·医学》", d.Publisher);
        Assert.Equal("2025-06-24", d.Date);
    }

    [Fact]
    public void A_bare_year_in_brackets_is_the_publication_date_but_a_year_in_a_title_is_not()
    {
        Assert.Equal("2021", FootnoteReference.Parse("Annual survey 2020 results (2021)").Date);
        Assert.Equal("Annual survey 2020 results", FootnoteReference.Parse("Annual survey 2020 results (2021)").Title);
        Assert.Null(FootnoteReference.Parse("Annual survey 2020 results").Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[](https://example.org/x)")]
    [InlineData("[x](not a url)")]
    [InlineData("(((")]
    [InlineData("https://")]
    [InlineData("2025/13/45")]
    [InlineData("·····")]
    public void Odd_definitions_never_throw_and_always_give_a_title(string definition)
    {
        var d = FootnoteReference.Parse(definition);
        Assert.False(string.IsNullOrWhiteSpace(d.Title));
    }

    [Fact]
    public void A_link_whose_text_is_its_url_takes_the_title_from_the_rest()
    {
        var d = FootnoteReference.Parse("[https://example.org/a](https://example.org/a) Example Site, 2024-02-01");
        Assert.Equal("https://example.org/a", d.Url);
        Assert.Equal("2024-02-01", d.Date);
        Assert.Equal("Example Site", d.Title);
    }

    [Fact]
    public void An_apa_reference_gives_authors_year_title_journal_volume_issue_pages_and_doi()
    {
        var d = FootnoteReference.Parse("Smith, J., & Doe, A. (2020). Title of paper. Journal of Things, 12(3), 45-67. https://doi.org/10.1000/XYZ.1");
        Assert.Equal(["Smith, J.", "Doe, A."], d.Authors);
        Assert.Equal("2020", d.Date);
        Assert.Equal("Title of paper", d.Title);
        Assert.Equal("Journal of Things", d.Publisher);
        Assert.Equal(("12", "3", "45-67"), (d.Volume, d.Issue, d.Pages));
        Assert.Equal("10.1000/xyz.1", d.Doi);
        Assert.Equal(SourceType.JournalArticle, d.Type);
    }

    [Fact]
    public void A_doi_in_the_text_becomes_the_doi_and_a_doi_org_url()
    {
        var d = FootnoteReference.Parse("Large trial results. doi:10.1038/s41591-023-02640-w");
        Assert.Equal("10.1038/s41591-023-02640-w", d.Doi);
        Assert.Equal("https://doi.org/10.1038/s41591-023-02640-w", d.Url);
        Assert.Equal("Large trial results", d.Title);
    }

    [Theory]
    [InlineData("来源：[标题](https://a.com/b)，2024-01-02")]
    [InlineData("Source: [标题](https://a.com/b) 2024-01-02")]
    [InlineData("See [标题](https://a.com/b) (2024-01-02)")]
    public void A_leading_label_such_as_source_or_see_is_not_part_of_the_reference(string definition)
    {
        var d = FootnoteReference.Parse(definition);
        Assert.Equal("标题", d.Title);
        Assert.Null(d.Publisher);
        Assert.Equal("2024-01-02", d.Date);
    }

    [Fact]
    public void A_locator_after_a_link_stays_in_the_title_and_is_not_the_publisher()
    {
        var d = FootnoteReference.Parse("See [the report](https://x.org/r.pdf), p. 12.");
        Assert.Null(d.Publisher);
        Assert.Equal("the report · p. 12", d.Title);
    }

    [Fact]
    public void Text_before_a_link_is_its_publisher()
    {
        var d = FootnoteReference.Parse("量子位：[这个AI能救命](https://www.qbitai.com/2025/06/300840.html)");
        Assert.Equal("量子位", d.Publisher);
        Assert.Equal("这个AI能救命", d.Title);
    }
}
