using EvidenceTracker.Lookup;

namespace EvidenceTracker.Tests.Lookup;

/// <summary>
/// The services' JSON answers that are not UTF-8, or hold a lone surrogate escape: JSON readers find either only when
/// the string is read, as an <see cref="InvalidOperationException"/>. Each reader says the answer is unreadable.
/// </summary>
public class MalformedAnswerTests
{
    private static byte[] WithByte(string before, byte bad, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), bad, .. System.Text.Encoding.UTF8.GetBytes(after)];

    [Fact]
    public void A_pubmed_summary_with_a_title_that_is_not_utf8_is_a_problem_not_a_crash()
    {
        var body = WithByte("{\"result\":{\"uids\":[\"1\"],\"1\":{\"uid\":\"1\",\"title\":\"Heat", 0xFF, " pumps\"}}}");
        Assert.Null(MetadataReaders.FromPubMedSummary(body, "1", out var problem));
        Assert.StartsWith("the answer is not PubMed's JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crossref_work_with_a_notice_that_is_not_utf8_is_a_problem_not_a_crash()
    {
        var body = WithByte("{\"message\":{\"DOI\":\"10.1/x\",\"updated-by\":[{\"type\":\"retraction\",\"DOI\":\"10.1/", 0xFF, "\"}]}}");
        Assert.Null(MetadataReaders.FromCrossrefWork(body, out var problem));
        Assert.StartsWith("the answer is not Crossref's JSON", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022.5")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    [InlineData("-2147483649")]
    [InlineData("1e400")]
    public void A_crossref_notice_whose_date_part_is_not_a_whole_number_in_range_is_a_problem_not_a_crash(string part)
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"message\":{\"DOI\":\"10.1/x\",\"updated-by\":[{\"type\":\"retraction\",\"DOI\":\"10.1/n\",\"updated\":{\"date-parts\":[[" + part + "]]}}]}}");
        Assert.Null(MetadataReaders.FromCrossrefWork(body, out var problem));
        Assert.Contains("retraction notice is not a date", problem, StringComparison.Ordinal);
        Assert.Contains(part, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crossref_notice_whose_date_part_is_a_string_or_not_a_calendar_date_keeps_the_notice_without_a_date()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"message\":{\"updated-by\":[{\"type\":\"retraction\",\"updated\":{\"date-parts\":[[\"2022\"]]}},"
            + "{\"type\":\"correction\",\"updated\":{\"date-parts\":[[2022,13,40]]}},{\"type\":\"erratum\",\"updated\":{\"date-parts\":[[2022,5,2.0]]}}]}}");
        var notices = MetadataReaders.FromCrossrefWork(body, out var problem);
        Assert.Null(problem);
        Assert.Equal([null, null, "2022-05-02"], notices!.Select(n => n.Date));
    }

    [Fact]
    public void A_crossref_record_of_thousands_of_notices_keeps_twenty_the_retraction_first_and_no_repeats()
    {
        var corrections = Enumerable.Range(0, 10_000).Select(i => $"{{\"type\":\"correction\",\"DOI\":\"10.5555/c.{i}\",\"source\":\"publisher\"}}");
        var repeated = Enumerable.Repeat("{\"type\":\"correction\",\"DOI\":\"10.5555/c.0\",\"source\":\"publisher\"}", 3);
        var body = System.Text.Encoding.UTF8.GetBytes("{\"message\":{\"updated-by\":[" + string.Join(",", repeated.Concat(corrections))
            + ",{\"type\":\"retraction\",\"DOI\":\"10.5555/r\",\"source\":\"retraction-watch\"}]}}");
        var notices = MetadataReaders.FromCrossrefWork(body, out var problem);
        Assert.Null(problem);
        Assert.Equal(MetadataReaders.MaxNotices, notices!.Count);
        Assert.Equal("retraction", notices[0].Kind);
        Assert.Equal(notices.Count, notices.Distinct().Count());
        Assert.Equal(["10.5555/c.0", "10.5555/c.1"], notices.Skip(1).Take(2).Select(n => n.Doi));
    }

    [Fact]
    public void A_csl_json_date_part_that_is_not_a_whole_number_in_range_leaves_the_date_out()
    {
        foreach (var part in (string[])["2022.5", "2147483648", "99999999999999999999", "1e400"])
        {
            var body = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"article-journal\",\"title\":\"Heat pumps\",\"issued\":{\"date-parts\":[[" + part + ",1,2]]}}");
            var read = MetadataReaders.FromCslJson(body, out var problem);
            Assert.Null(problem);
            Assert.Equal("Heat pumps", read!.Title);
            Assert.Null(read.Date);
        }
    }

    [Fact]
    public void A_pages_json_ld_with_a_lone_surrogate_is_skipped_and_its_meta_tags_still_read()
    {
        var html = "<html><head><meta name=\"citation_title\" content=\"Heat pumps\">"
            + "<script type=\"application/ld+json\">{\"@type\":\"ScholarlyArticle\",\"headline\":\"\\ud800\",\"author\":{\"name\":\"\\udfff\"}}</script>"
            + "</head><body></body></html>";
        var read = MetadataReaders.FromHtml(System.Text.Encoding.UTF8.GetBytes(html), "https://example.org/a", out var problem);
        Assert.Null(problem);
        Assert.Equal("Heat pumps", read!.Title);
    }
}
