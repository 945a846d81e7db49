using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The site leads with the verdict (issue 15): the claim page's verdict box, coloured verdict badges with a symbol, the
/// index weakest first with a verdict filter, drafts shown as drafts, and the sources page. Built from
/// tests/fixtures/site/verdicts: every verdict, a draft, and sources cited by 4, 2, 1 and 0 claims.
/// </summary>
public class VerdictFirstTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> VerdictSite =
        new(() => SiteBuilder.Build(EvidenceQueries.Check(Path.Combine(TestPaths.Fixtures, "site", "verdicts"))));

    private static string Text(string path) => Encoding.UTF8.GetString(VerdictSite.Value[path]);

    private static IHtmlDocument Page(string path) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Text(path));

    private static string[] RowIds(IDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(r => r.GetAttribute("data-id")!).ToArray();

    [Fact]
    public void The_index_lists_claims_weakest_first_by_support_level_then_verdict()
    {
        using var index = Page("index.html");
        Assert.Equal(
            [
                "sugar-hyperactivity",           // contradicted
                "vitamin-c-colds",               // unsupported
                "draft-coffee-shops",            // draft
                "fish-oil-memory",               // cited, unverifiable
                "fibre-gut",                     // cited, no verdict
                "walking-lowers-blood-pressure", // quoted, partly-supported
                "adults-need-seven-hours",       // quoted, supported
            ],
            RowIds(index, "claims"));
        var readme = Text("README.md");
        Assert.True(readme.IndexOf("claims/sugar-hyperactivity.md", StringComparison.Ordinal) < readme.IndexOf("claims/adults-need-seven-hours.md", StringComparison.Ordinal),
            "the Markdown index is weakest first too");
    }

    [Fact]
    public void Among_claims_of_one_support_level_the_weaker_verdict_comes_first_and_no_verdict_sits_between_unverifiable_and_partly_supported()
    {
        int[] ranks = [.. new Model.Verdict?[] { Model.Verdict.Contradicted, Model.Verdict.Unsupported, Model.Verdict.Unverifiable, null, Model.Verdict.PartlySupported, Model.Verdict.Supported }
            .Select(ClaimOrder.VerdictRank)];
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(ranks.Length, ranks.Distinct().Count());
    }

    [Fact]
    public void Each_index_row_links_its_statement_shows_its_excerpt_beneath_and_carries_its_verdict_for_the_filter()
    {
        using var index = Page("index.html");
        var row = index.QuerySelector("#claims tr[data-id='walking-lowers-blood-pressure']")!;
        var link = row.QuerySelector("td.claim .statement a")!;
        Assert.Equal("A brisk daily walk lowers blood pressure by 10 points.", link.TextContent);
        Assert.Equal("claims/walking-lowers-blood-pressure.html", link.GetAttribute("href"));
        Assert.Equal("A brisk daily walk lowers blood pressure by 10 points", row.QuerySelector("td.claim .excerpt")!.TextContent);
        Assert.Equal("partly-supported", row.GetAttribute("data-verdict"));
        Assert.Equal("none", index.QuerySelector("#claims tr[data-id='fibre-gut']")!.GetAttribute("data-verdict"));
        // No id is link text any more.
        Assert.DoesNotContain(index.QuerySelectorAll("#claims a"), a => a.TextContent == "walking-lowers-blood-pressure");
    }

    [Fact]
    public void The_verdict_filter_offers_every_verdict_and_no_verdict_and_the_no_match_message_is_there_hidden()
    {
        using var index = Page("index.html");
        var options = index.QuerySelectorAll("#filter-verdict option").Select(o => o.GetAttribute("value") ?? "").ToArray();
        Assert.Equal(["", "contradicted", "unsupported", "unverifiable", "none", "partly-supported", "supported"], options);
        Assert.Contains("draft", index.QuerySelectorAll("#filter-level option").Select(o => o.GetAttribute("value")));
        var none = index.QuerySelector("#no-match")!;
        Assert.True(none.HasAttribute("hidden"));
        Assert.Equal("No claims match these filters.", none.TextContent);
    }

    [Fact]
    public void The_claim_page_opens_with_the_claim_its_verdict_its_support_level_and_the_note_as_the_reason()
    {
        using var page = Page("claims/walking-lowers-blood-pressure.html");
        var article = page.QuerySelector("main > article")!;
        var box = article.FirstElementChild!;
        Assert.Equal("SECTION", box.TagName);
        Assert.Contains("verdict-box", box.ClassList);
        Assert.Contains("verdict-partly-supported", box.ClassList);
        Assert.Equal("A brisk daily walk lowers blood pressure by 10 points.", box.QuerySelector("h1")!.TextContent);
        var facts = box.QuerySelectorAll("dt").Select(dt => (dt.TextContent, dt.NextElementSibling!.TextContent.Trim())).ToList();
        Assert.Equal(("Verdict", "\u25D1partly-supported"), facts[0]);
        Assert.StartsWith("quoted", facts[1].Item2, StringComparison.Ordinal);
        Assert.Equal(("Reason", "The trial found a fall of 6 points, not 10."), facts[2]);
        // Then the excerpt and the evidence; the note is no longer a section of its own.
        var headings = article.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["In the article", "Evidence", "Chain to primary sources", "Findings"], headings);
        Assert.True(box.CompareDocumentPosition(article.QuerySelector("blockquote")!).HasFlag(DocumentPositions.Following));
    }

    [Fact]
    public void A_claim_without_a_verdict_or_a_note_says_so_in_its_box()
    {
        using var page = Page("claims/fibre-gut.html");
        var box = page.QuerySelector(".verdict-box")!;
        Assert.Contains("verdict-none", box.ClassList);
        Assert.Contains("No verdict recorded.", box.TextContent);
        Assert.Contains("The reviewer recorded no reason.", box.TextContent);
        var md = Text("claims/fibre-gut.md");
        Assert.Contains("> **Verdict:** No verdict recorded.", md);
    }

    [Theory]
    [InlineData("adults-need-seven-hours", "supported", "\u2713")]
    [InlineData("walking-lowers-blood-pressure", "partly-supported", "\u25D1")]
    [InlineData("fish-oil-memory", "unverifiable", "?")]
    [InlineData("vitamin-c-colds", "unsupported", "\u2717")]
    [InlineData("sugar-hyperactivity", "contradicted", "\u2298")]
    public void Every_verdict_badge_has_its_name_a_symbol_and_its_colour_class(string claim, string verdict, string symbol)
    {
        using var page = Page($"claims/{claim}.html");
        var badge = page.QuerySelector(".verdict-box .badge.verdict")!;
        Assert.Contains($"verdict-{verdict}", badge.ClassList);
        Assert.Equal(symbol, badge.QuerySelector(".symbol")!.TextContent);
        Assert.Equal("true", badge.QuerySelector(".symbol")!.GetAttribute("aria-hidden"));
        Assert.Equal(symbol + verdict, badge.TextContent);
        Assert.Contains($"> **Verdict:** {symbol} {verdict}", Text($"claims/{claim}.md"));
        var css = Encoding.UTF8.GetString(VerdictSite.Value["assets/style.css"]);
        Assert.Contains($".verdict-{verdict}", css);
    }

    [Fact]
    public void A_draft_is_shown_as_a_draft_and_never_as_cited()
    {
        using var index = Page("index.html");
        var row = index.QuerySelector("#claims tr[data-id='draft-coffee-shops']")!;
        Assert.Equal("draft", row.GetAttribute("data-level"));
        Assert.Equal("draft", row.QuerySelector(".badge.level-draft")!.TextContent);
        Assert.Null(row.QuerySelector(".level-cited"));
        using var page = Page("claims/draft-coffee-shops.html");
        Assert.NotNull(page.QuerySelector(".verdict-box .level-draft"));
        Assert.Contains("| `draft` |", Text("README.md"));
    }

    [Fact]
    public void The_sources_page_lists_every_source_most_cited_first_with_the_claims_citing_it()
    {
        using var page = Page("sources.html");
        Assert.Equal(["daily-news-2024", "walk-trial-2021", "sugar-trial-1995", "unused-blog"], RowIds(page, "sources"));
        var news = page.QuerySelector("#sources tr[data-id='daily-news-2024']")!;
        Assert.Equal("4", news.QuerySelector("td[data-count]")!.GetAttribute("data-count"));
        Assert.Equal("4 claims", news.QuerySelector("details summary")!.TextContent);
        Assert.Equal(
            ["claims/sugar-hyperactivity.html", "claims/draft-coffee-shops.html", "claims/fish-oil-memory.html", "claims/fibre-gut.html"],
            news.QuerySelectorAll("details li a").Select(a => a.GetAttribute("href") ?? "").ToArray());
        Assert.Equal("Daily News", news.QuerySelector("td[data-label='Publisher']")!.TextContent);
        Assert.Equal("2024-05-01", news.QuerySelector("td[data-label='Date']")!.TextContent);
        Assert.Equal("secondary", news.QuerySelector("td[data-label='Level']")!.TextContent);
        Assert.Equal("no claim", page.QuerySelector("#sources tr[data-id='unused-blog'] td[data-label='Cited by']")!.TextContent);
        Assert.Contains("4 of 7 claims cite \u201CHealth news roundup\u201D.", page.QuerySelector("main > p")!.TextContent);

        var md = Text("sources.md");
        Assert.True(md.IndexOf("sources/daily-news-2024.md", StringComparison.Ordinal) < md.IndexOf("sources/walk-trial-2021.md", StringComparison.Ordinal));
        Assert.Contains("| Daily News | 2024-05-01 | secondary | [4 claims](sources/daily-news-2024.md) |", md);
    }

    [Fact]
    public void The_sources_page_links_pubmed_ids_dois_and_urls()
    {
        using var page = Page("sources.html");
        var walk = page.QuerySelector("#sources tr[data-id='walk-trial-2021'] .identifiers")!;
        Assert.Equal(["https://pubmed.ncbi.nlm.nih.gov/31234567/", "https://doi.org/10.5555/walk.2021.3"], walk.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray());
        var sugar = page.QuerySelector("#sources tr[data-id='sugar-trial-1995'] .identifiers")!;
        Assert.Equal(["https://pubmed.ncbi.nlm.nih.gov/7990000/", "https://example.org/sugar-trial"], sugar.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray());
        Assert.Contains("PubMed [31234567](https://pubmed.ncbi.nlm.nih.gov/31234567/) · DOI", Text("sources.md"));
        // The source's own page links its PubMed id too.
        Assert.Contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/31234567/\">31234567</a>", Text("sources/walk-trial-2021.html"));
    }

    [Fact]
    public void A_url_that_is_not_http_and_a_pubmed_id_that_is_not_a_number_never_become_links_on_the_sources_page()
    {
        using var repo = new TempRepo("clean");
        repo.Write("sources/odd.yaml", "id: odd\ntype: web-page\ntitle: Odd\nurl: javascript:alert(1)\npmid: \"12ab<b>\"\n");
        var site = SiteBuilder.Build(EvidenceQueries.Check(repo.Root));
        var html = Encoding.UTF8.GetString(site["sources.html"]);
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var odd = page.QuerySelector("#sources tr[data-id='odd'] .identifiers")!;
        Assert.Empty(odd.QuerySelectorAll("a"));
        Assert.Contains("javascript:alert(1)", odd.TextContent);
        Assert.Contains("12ab&lt;b&gt;", html);
        var md = Encoding.UTF8.GetString(site["sources.md"]);
        Assert.DoesNotContain("](javascript", md, StringComparison.Ordinal);
        Assert.DoesNotContain("pubmed.ncbi.nlm.nih.gov/12ab", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_html_page_has_the_sources_page_in_its_navigation()
    {
        foreach (var (path, _) in VerdictSite.Value.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            using var page = Page(path);
            var depth = path.Count(c => c == '/');
            var link = page.QuerySelectorAll("header.site nav a").FirstOrDefault(a => a.TextContent == "Sources");
            Assert.True(link is not null, $"{path} has no Sources link");
            Assert.Equal(string.Concat(Enumerable.Repeat("../", depth)) + "sources.html", link!.GetAttribute("href"));
        }
        Assert.Contains("[Sources](sources.md)", Text("README.md"));
    }
}
