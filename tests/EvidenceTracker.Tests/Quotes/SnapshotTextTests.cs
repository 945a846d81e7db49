using System.Text;
using EvidenceTracker.Quotes;

namespace EvidenceTracker.Tests.Quotes;

public class SnapshotTextTests
{
    private static readonly string Page = SnapshotText.Extract(Fixtures.Read("cluttered-page.html"), ".html");

    [Theory]
    [InlineData("reservoir levels rose to 85.1% of capacity")]
    [InlineData("Reservoirs reach a nine")]                     // the article's own header is kept
    [InlineData("Levels since the spring of the survey year")]  // figure caption
    [InlineData("14.2\u00A0million credits & the board")]       // entities decoded (NBSP collapsed below)
    public void Main_text_of_a_cluttered_page_keeps_the_article(string expected) =>
        Assert.Contains(TextNormalizer.Normalize(expected).Text, TextNormalizer.Normalize(Page).Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("Subscribe to the morning letter")] // nav
    [InlineData("Weather desk")]                    // nav
    [InlineData("trackingPixel")]                   // script in head
    [InlineData("injected advertisement")]          // script in the article
    [InlineData("font-family")]                     // style
    [InlineData("All rights reserved")]             // footer
    [InlineData("Local news since")]                // page header
    [InlineData("how to read a water bill")]        // aside in the article
    [InlineData("Bridge repairs")]                  // sidebar aside
    [InlineData("enable scripts")]                  // noscript
    [InlineData("Sign me up")]                      // form
    [InlineData("Template-only")]                   // template
    [InlineData("Vector label")]                    // svg
    [InlineData("three months for the price")]      // outside the article
    public void Clutter_is_not_in_the_extracted_text(string clutter) =>
        Assert.DoesNotContain(clutter, Page, StringComparison.Ordinal);

    [Fact]
    public void Quote_from_the_main_text_of_a_cluttered_page_is_found()
    {
        QuoteMatcher matcher = QuoteMatcher.Build(Page);
        QuoteMatch match = matcher.Find("Its chair said: ‘We did not expect the spring to be this generous.’ Spending on pipe replacement reached 14.2 million credits & the board");
        Assert.True(match.Found);
        Assert.False(matcher.Find("Subscribe to the morning letter").Found);
    }

    [Fact]
    public void Block_elements_and_line_breaks_become_new_lines()
    {
        string text = SnapshotText.Extract("<body><h1>Title</h1><p>First <b>bold</b> para</p><div>Second<br>line</div><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table></body>", "html");
        Assert.Equal("Title\nFirst bold para\nSecond\nline\none\ntwo\na b", text);
    }

    [Fact]
    public void Entities_are_decoded_and_white_space_collapsed() =>
        Assert.Equal("Fish & chips “now” 5 < 6 é", SnapshotText.Extract("<p>Fish &amp; chips\n   &ldquo;now&rdquo; 5 &lt; 6 &eacute;</p>", ".HTM"));

    [Fact]
    public void Pre_keeps_its_line_breaks() =>
        Assert.Equal("before\nline one\nline two\nafter", SnapshotText.Extract("<p>before</p><pre>line one\nline two</pre><p>after</p>", "html"));

    [Fact]
    public void Largest_article_is_preferred_over_the_rest_of_the_body()
    {
        string html = "<body><div>Teaser text that is outside</div><article><p>Short card</p></article>"
            + "<article><p>The long main story with many words in it, long enough to be the main one.</p></article></body>";
        string text = SnapshotText.Extract(html, "html");
        Assert.Equal("The long main story with many words in it, long enough to be the main one.", text);
    }

    [Fact]
    public void Main_is_used_when_there_is_no_article() =>
        Assert.Equal("Main words here", SnapshotText.Extract("<body><div>Side</div><main><p>Main words here</p></main></body>", "html"));

    [Fact]
    public void A_tiny_article_does_not_hide_the_body_text()
    {
        string html = "<body><article>Card</article><div>" + string.Concat(Enumerable.Repeat("Body sentence with real content. ", 20)) + "</div></body>";
        Assert.Contains("Body sentence", SnapshotText.Extract(html, "html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".md")]
    [InlineData("txt")]
    [InlineData(".TXT")]
    public void Markdown_and_plain_text_are_returned_as_they_are(string extension)
    {
        const string content = "# Title\n\n<b>not html</b> &amp; *kept*\n";
        Assert.Same(content, SnapshotText.Extract(content, extension));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<<<>>>")]
    [InlineData("<p>unclosed <b>bold <i>italic")]
    [InlineData("</div></p></body></html>")]
    [InlineData("<table><td>cell<tr>row</table></td>")]
    [InlineData("<script>never closed")]
    [InlineData("<!-- comment never closed")]
    [InlineData("<frameset><frame src=x></frameset>")]
    [InlineData("&#xD800; &#0; &bogus; &#99999999;")]
    [InlineData("\0\u0001\uFFFF\uD800")]
    public void Malformed_html_does_not_throw(string html) =>
        Assert.NotNull(SnapshotText.Extract(html, ".html"));

    [Fact]
    public void Deeply_nested_html_is_extracted_without_clutter()
    {
        string html = "<html><head><title>T</title></head><body>" + string.Concat(Enumerable.Repeat("<div><span>", 50_000))
            + "<nav>menu <nav>inner</nav> more menu</nav><script>var x = '</div>';</script><p>deep &amp; text</p><!-- note -->"
            + string.Concat(Enumerable.Repeat("</span></div>", 50_000)) + "<footer>foot</footer></body></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));

        // its time (budget 10 s) is measured by bench/QuoteBench
        string text = SnapshotText.Extract(html, "html");
        Assert.Equal("deep & text", text);
    }

    [Fact]
    public void A_tag_name_runs_to_white_space_slash_or_angle_bracket_as_the_html_tokenizer_reads_it()
    {
        // "<title<b>" is one element named "title<b", not a title whose raw text hides the tags after it: the 9,400
        // nested <b> of a fuzzed page count, and the page is read by the linear fallback (it took 0.7 s, and 4.5 s at
        // four times the size, through the tree builder)
        string html = "<html><head><title<b>" + string.Concat(Enumerable.Repeat("<b>", 9_400)) + "x</title></head><body><p>Rates rose 5%.</p></body></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
        Assert.Contains("Rates rose 5%.", SnapshotText.Extract(html, "html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_of_a_million_angle_brackets_is_text_read_in_one_pass()
    {
        // each '<' of a run was read as the start of a tag name running to the end of the run: a fuzzed 131 KB page of
        // 130,000 took 10 s; a million would take hours. Capped like the fuzz harness: a hang fails, time is not measured.
        string html = "<html><body><p>Hello " + new string('<', 1_000_000) + " world</p></body></html>";
        var (cost, text) = await Task.Run(() => (HtmlFallback.EstimateTreeBuildingCost(html), SnapshotText.Extract(html, "html")),
            TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(0, cost);
        Assert.Contains("Hello " + new string('<', 1_000_000) + " world", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_tag_that_closes_no_open_element_does_not_lower_the_estimate()
    {
        // a fuzzed 294 KB page: 7,819 times "<body><article><p>正文。</p></art" — the tokenizer reads "</art<body>" as an
        // end tag named "art<body", which closes nothing, so the articles nest 7,819 deep; the estimate took one level
        // off at each end tag, stayed near zero, and the tree builder took 0.55 s (16,000 groups: 1.9 s)
        string html = "<!DOCTYPE html><html><head><title>T</title></head>"
            + string.Concat(Enumerable.Repeat("<body><article><p>正文。</p></art", 7_819)) + "<p>Rates rose 5%.</p></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
        var text = SnapshotText.Extract(html, "html");
        Assert.Contains("正文。", text, StringComparison.Ordinal);
        Assert.Contains("Rates rose 5%.", text, StringComparison.Ordinal);
        // an end tag of an element that is open still closes it: a page of closed articles is read by the tree builder
        string closed = "<html><body>" + string.Concat(Enumerable.Repeat("<article><p>正文。</p></article>", 7_819)) + "</body></html>";
        Assert.False(HtmlFallback.TooDeepForTreeBuilding(closed));
    }

    [Theory]
    [InlineData("<span>", "<div>x</span>", 20_000)] // </span> under a div is ignored: the divs nest 20,000 deep (1.2 s)
    [InlineData("", "<a><b>x</a>", 16_000)] // the b left open by </a> is opened again: 16,000 deep (1.3 s)
    [InlineData("", "<div><p>Some text <b>bold and <a href=\"https://e.org/x\">link</div>\n", 4_000)] // 1.1 s; 8,000: 5.3 s
    public void End_tags_the_tree_builder_ignores_or_works_around_do_not_lower_the_estimate(string start, string group, int count)
    {
        string html = "<html><body>" + start + string.Concat(Enumerable.Repeat(group, count)) + "<p>Rates rose 5%.</p></body></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
        Assert.Contains("Rates rose 5%.", SnapshotText.Extract(html, "html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_elements_left_open_by_a_block_weigh_on_every_later_start_tag()
    {
        // "<div>", 900 "<b class=cN>", "</div>", 900 "<p>x</p>": each paragraph's text opens the 900 b elements again
        // (1.4 s for 20 KB through the tree builder)
        string html = "<html><body><div>" + string.Concat(Enumerable.Range(0, 900).Select(i => $"<b class=c{i}>")) + "</div>"
            + string.Concat(Enumerable.Repeat("<p>x</p>", 900)) + "</body></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
    }

    [Fact]
    public void A_large_well_formed_page_is_still_read_by_the_tree_builder()
    {
        string para = "<div class=\"row\"><section><h2>Results</h2><p>The rate rose to <b>5%</b> in <a href=\"https://e.org/x\">the <i>trial</i></a>.</p>"
            + "<ul><li>one</li><li>two</li></ul><table><tr><td><span>3</span></td></tr></table></section></div>\n";
        string html = "<html><head><title>T</title></head><body><main><article>" + string.Concat(Enumerable.Repeat(para, 4_000))
            + "</article></main></body></html>";
        Assert.True(html.Length > 800_000);
        Assert.False(HtmlFallback.TooDeepForTreeBuilding(html));
    }

    [Fact]
    public async Task The_estimate_stops_at_the_budget_whatever_the_page()
    {
        // an end tag looked for below a long run of elements it cannot close through: each such walk is counted, so the
        // estimate passes the budget and stops instead of walking 100,000 elements 100,000 times
        string html = "<html><body><div><table>" + string.Concat(Enumerable.Repeat("<span>", 100_000)) + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var tooDeep = await Task.Run(() => HtmlFallback.TooDeepForTreeBuilding(html), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(tooDeep);
    }

    [Fact]
    public void A_small_page_of_thousands_of_unclosed_groups_is_read_by_the_linear_fallback()
    {
        // a fuzzed 74 KB page: 1,885 times "<nav><ul><li><a ver</span></header>", each group left open; under a fixed
        // budget the tree builder took it (0.55 s); the budget now grows with the page's length from a million
        string html = "<html><body><p>Rates rose 5%.</p>" + string.Concat(Enumerable.Repeat("<nav><ul><li><a ver</span></header>\n", 1_885)) + "</body></html>";
        Assert.True(HtmlFallback.EstimateTreeBuildingCost(html) > HtmlFallback.TreeBuildingBudget(html.Length));
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
        Assert.Contains("Rates rose 5%.", SnapshotText.Extract(html, "html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_opens_an_attribute_value_only_after_an_equals_sign_as_the_tokenizer_reads_it()
    {
        // a fuzzed page: content=\v"Household leak repairs and<b><b>… — the vertical tab is no HTML white space, so the
        // '"' is part of an unquoted value and the meta tag ends at the first '>': 18,000 nested <b> follow, which the
        // estimate had read as one quoted value (the tree builder then took 0.35 s for 56 KB)
        string html = "<html><head><meta name=\"citation_title\" content=\v\"Household leak repairs and<b>"
            + string.Concat(Enumerable.Repeat("<b>", 18_000)) + "</head><body><p>Rates rose 5%.</p></body></html>";
        Assert.True(HtmlFallback.TooDeepForTreeBuilding(html));
        Assert.Contains("Rates rose 5%.", SnapshotText.Extract(html, "html"), StringComparison.Ordinal);
        Assert.Equal("Quoted > here", SnapshotText.Extract("<p title = \"a>b\">Quoted &gt; here</p>", "html").Trim());
    }

    [Fact]
    public void A_large_ordinary_page_is_within_the_tree_building_budget()
    {
        string page = Fixtures.Read("cluttered-page.html");
        string large = string.Concat(Enumerable.Repeat(page, 200));
        Assert.False(HtmlFallback.TooDeepForTreeBuilding(large));
    }

    [Fact]
    public void Page_metadata_behind_tags_nested_too_deep_is_read_from_the_head_alone_or_refused()
    {
        string deepBody = "<body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "x</body></html>";
        var fromHead = EvidenceTracker.Lookup.MetadataReaders.FromHtml(
            System.Text.Encoding.UTF8.GetBytes("<html><head><meta name=\"citation_title\" content=\"Heat pumps\"></head>" + deepBody), "https://example.org/a", out var none);
        Assert.Null(none);
        Assert.Equal("Heat pumps", fromHead!.Title);
        var refused = EvidenceTracker.Lookup.MetadataReaders.FromHtml(
            System.Text.Encoding.UTF8.GetBytes("<html><head><title>T</title>" + deepBody), "https://example.org/b", out var problem);
        Assert.Null(refused);
        Assert.Equal("https://example.org/b nests its tags too deep to be read (its head could not be read alone)", problem);
    }

    [Fact]
    public void Ordinary_pages_stay_far_below_the_tree_building_budget() =>
        Assert.True(HtmlFallback.EstimateTreeBuildingCost(Fixtures.Read("cluttered-page.html")) < 1_000);

    [Fact]
    public void Unclosed_inline_tags_by_the_thousand_are_extracted_to_the_end()
    {
        string html = "<body><article>" + string.Concat(Enumerable.Repeat("<span>word <font>more ", 40_000)) + "end</article></body>";
        // its time (budget 10 s) is measured by bench/QuoteBench
        string text = SnapshotText.Extract(html, "html");
        Assert.EndsWith("word more end", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_megabyte_page_is_extracted_whole_without_its_scripts()
    {
        var builder = new StringBuilder("<html><body><nav>menu</nav><article>");
        int paragraph = 0;
        while (builder.Length < 5_000_000)
        {
            builder.Append("<p>Paragraph ").Append(paragraph++).Append(" has <a href=\"#\">a link</a>, <em>emphasis</em> &amp; text.</p>\n");
            if (paragraph % 50 == 0)
            {
                builder.Append("<script>var x = ").Append(paragraph).Append(";</script><div class=\"ad\"><span>ad</span></div>\n");
            }
        }

        builder.Append("</article></body></html>");
        // its time (budget 30 s) is measured by bench/QuoteBench
        string text = SnapshotText.Extract(builder.ToString(), "html");
        Assert.Contains($"Paragraph {paragraph - 1} has a link, emphasis & text.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", text, StringComparison.Ordinal);
    }
}
