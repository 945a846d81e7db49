using EvidenceTracker.App;
using EvidenceTracker.Network;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The retraction, expression-of-concern and correction notices of <c>sources/.cache/</c> on the site: on the source's
/// page and on each citing claim's page under the verdict box, escaped, named in words and by a symbol besides the colour.
/// </summary>
public sealed class SiteNoticeTests : IDisposable
{
    private const string Doi = "10.5555/retracted.2020.1";
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private void Cache(string doi, string body) =>
        new LookupCache(_repo.Root).Write("crossref", doi, new CachedAnswer
        {
            Request = $"http://127.0.0.1/works/{doi}",
            Status = 200,
            Fetched = "2026-12-02",
            ContentType = "application/json",
            Body = System.Text.Encoding.UTF8.GetBytes(body),
        });

    private static string Crossref(string doi, string type, string notice, string source) =>
        "{\"status\":\"ok\",\"message\":{\"DOI\":\"" + doi + "\",\"updated-by\":[{\"DOI\":\"" + notice + "\",\"type\":\"" + type +
        "\",\"source\":\"" + source + "\",\"updated\":{\"date-parts\":[[2022,5,2]]}}]}}";

    private void Repo(string settings = "title: Notices\n")
    {
        _repo.Write("evidence.yaml", settings);
        _repo.Write("sources/bad.yaml", $"id: bad\ntype: journal-article\ntitle: A retracted study\ndoi: {Doi}\nlevel: primary\n");
        _repo.Write("sources/fine.yaml", "id: fine\ntype: journal-article\ntitle: A sound study\ndoi: 10.5555/fine\nlevel: primary\n");
        _repo.Write("claims/first.yaml", "id: first\nstatement: Something holds.\ncitations:\n  - source: bad\n  - source: fine\n");
        _repo.Write("claims/other.yaml", "id: other\nstatement: Something else holds.\ncitations:\n  - source: fine\n");
    }

    private string Page(string path)
    {
        var outDir = _repo.Full("site");
        SiteService.Build(new BuildSettings { Root = _repo.Root, Out = outDir });
        return File.ReadAllText(Path.Combine(outDir, path));
    }

    /// <summary>The notices' section of a page, from its opening tag to its end.</summary>
    private static string Notices(string html)
    {
        var at = html.IndexOf("<section class=\"notices\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "no notices section");
        return html[at..(html.IndexOf("</section>", at, StringComparison.Ordinal) + "</section>".Length)];
    }

    [Fact]
    public void A_cached_retraction_shows_on_the_claim_page_right_under_the_verdict_box_with_the_notice_doi_linked()
    {
        Repo();
        Cache(Doi, File.ReadAllText(Path.Combine(TestPaths.Fixture("lookup-answers"), "crossref-retracted.json")));
        var html = Page("claims/first.html");
        var notices = Notices(html);
        var box = html.IndexOf("class=\"verdict-box", StringComparison.Ordinal);
        var boxEnd = html.IndexOf("</section>", box, StringComparison.Ordinal);
        Assert.Equal(boxEnd + "</section>".Length, html.IndexOf("<section class=\"notices\"", StringComparison.Ordinal));
        Assert.Contains("aria-label=\"Notices on the source\"", notices);
        Assert.Contains("<li class=\"notice notice-error\"><strong><span class=\"symbol\" aria-hidden=\"true\">\u2298</span> Retracted</strong>", notices);
        Assert.Contains("<a href=\"https://doi.org/10.5555/retraction.2022.9\">10.5555/retraction.2022.9</a>", notices);
        Assert.Contains("2022-05-02", notices);
        Assert.Contains("recorded by retraction-watch", notices);
        Assert.Contains("<a href=\"../sources/bad.html\"", notices);
        // the same record names a correction too: a note, in its own colour and symbol
        Assert.Contains("<li class=\"notice notice-note\"><strong><span class=\"symbol\" aria-hidden=\"true\">\u270E</span> Correction</strong>", notices);
        Assert.DoesNotContain("fine.html", notices);
    }

    [Fact]
    public void The_source_page_shows_its_notice_and_a_claim_citing_only_other_sources_shows_none()
    {
        Repo();
        Cache(Doi, Crossref(Doi, "expression_of_concern", "10.5555/eoc.1", "publisher"));
        var source = Notices(Page("sources/bad.html"));
        Assert.Contains("notice-warning", source);
        Assert.Contains("Expression of concern", source);
        Assert.DoesNotContain("Cited source", source);
        Assert.DoesNotContain("class=\"notices\"", Page("claims/other.html"));
        Assert.DoesNotContain("class=\"notices\"", Page("sources/fine.html"));
    }

    [Fact]
    public void Notice_values_from_the_cache_are_escaped()
    {
        Repo();
        Cache(Doi, Crossref(Doi, "retraction", "10.5555/<script>alert(1)</script>", "<b>watch</b>"));
        var notices = Notices(Page("claims/first.html"));
        Assert.DoesNotContain("<script>", notices);
        Assert.DoesNotContain("<b>", notices);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", notices);
        Assert.Contains("recorded by &lt;b&gt;watch&lt;/b&gt;", notices);
    }

    [Fact]
    public void A_chinese_site_names_the_notice_in_chinese()
    {
        Repo("title: Notices\nsite-lang: zh\n");
        Cache(Doi, Crossref(Doi, "retraction", "10.5555/retraction.1", "publisher"));
        var notices = Notices(Page("claims/first.html"));
        Assert.Contains("已撤稿", notices);
        Assert.Contains("所引来源", notices);
        Assert.Contains("记录者：publisher", notices);
    }

    [Fact]
    public void The_markdown_twins_give_the_notice_one_line()
    {
        Repo();
        Cache(Doi, Crossref(Doi, "retraction", "10.5555/retraction.1", "publisher"));
        var claim = Page("claims/first.md");
        Assert.Contains("**\u2298 Retracted** \u2014 Cited source [A retracted study](../sources/bad.md) \u00B7 notice [10\\.5555/retraction.1](https://doi.org/10.5555/retraction.1) \u00B7 2022-05-02 \u00B7 recorded by publisher\n", claim);
        var source = Page("sources/bad.md");
        Assert.Contains("**\u2298 Retracted** \u00B7 notice [10\\.5555/retraction.1](https://doi.org/10.5555/retraction.1)", source);
    }

    [Fact]
    public void Without_a_cache_no_page_has_a_notices_section()
    {
        Repo();
        Assert.DoesNotContain("class=\"notices\"", Page("claims/first.html"));
        Assert.DoesNotContain("**\u2298", Page("claims/first.md"));
    }
}
