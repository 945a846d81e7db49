using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The pages render every input safely: Markdown twins carry no markup or unsafe link, nesting too deep for Markdig is one
/// finding and text on the page, and highlights sit where the article parser found the excerpts.
/// </summary>
public sealed class SiteRenderingSafetyTests
{
    // ---------------------------------------------------------------- Markdown twins

    private static IReadOnlyDictionary<string, byte[]> Site(TempRepo repo) => SiteBuilder.Build(EvidenceQueries.Check(repo.Root));

    private static string Page(IReadOnlyDictionary<string, byte[]> site, string path) => Encoding.UTF8.GetString(site[path]);

    [Fact]
    public void Markdown_twins_turn_unsafe_links_images_and_raw_html_into_text()
    {
        using var repo = new TempRepo("clean");
        repo.Write("articles/hostile.md", """
            # Hostile

            A [click](javascript:alert(1)) and a [page](data:text/html,<script>alert(2)</script>) and [vb](VBScript:msgbox) here.
            An autolink <javascript:alert(4)> and ![pixel](data:image/png;base64,AAAA) and [ref][bad] and [fine](https://example.org/ok).
            Raw <script>alert(5)</script> and <img src=x onerror=alert(6)> and `code <b>kept</b>`.

            [bad]: javascript:alert(7)
            """);
        repo.Write("sources/hostile-title.yaml", """
            id: hostile-title
            type: web-page
            title: "<script>alert(8)</script> [x](javascript:alert(9))"
            url: "https://example.org/a<script>b"
            """);
        var site = Site(repo);
        foreach (var path in new[] { "articles/hostile.md", "sources/hostile-title.md" })
        {
            var md = Page(site, path);
            Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](javascript", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](data:", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("](vbscript", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<javascript", md, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("]: javascript", md, StringComparison.OrdinalIgnoreCase);
        }
        var article = Page(site, "articles/hostile.md");
        Assert.Contains("A click and a page and vb here.", article, StringComparison.Ordinal);
        Assert.Contains("[fine](https://example.org/ok)", article, StringComparison.Ordinal);
        Assert.Contains("`code <b>kept</b>`", article, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_twin_urls_are_never_backslash_escaped()
    {
        using var repo = new TempRepo("clean");
        repo.Write("sources/nature-2025.yaml", """
            id: nature-2025
            type: journal-article
            title: A trial
            publisher: Nature Medicine
            date: "2025"
            doi: 10.1038/s41591-025-01234-5
            url: https://www.nature.com/articles/s41591-025-01234-5
            """);
        var md = Page(Site(repo), "sources/nature-2025.md");
        Assert.DoesNotContain("s41591\\-025", md, StringComparison.Ordinal);
        Assert.Contains("<https://www.nature.com/articles/s41591-025-01234-5>", md, StringComparison.Ordinal);
        Assert.Contains("(https://doi.org/10.1038/s41591-025-01234-5)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_twin_links_an_excerpt_inside_emphasis_without_breaking_the_emphasis()
    {
        using var repo = new TempRepo("clean");
        repo.Write("articles/coffee-study.md", """
            ---
            title: Coffee and sleep
            ---

            A trial of *120 adults found that coffee* after 4 pm cut sleep by 41 minutes.[^1]

            [^1]: [Evening caffeine and sleep](https://example.org/sleep-trial)
            """);
        repo.Write("claims/trial-size-120.yaml", """
            id: trial-size-120
            statement: The trial enrolled 120 adults.
            article: coffee-study
            excerpt: trial of 120 adults
            citations:
              - source: smith-2023-caffeine
            """);
        var md = Page(Site(repo), "articles/coffee-study.md");
        // The excerpt crosses the emphasis: wrapping it in a link would break it, so the text stays as written.
        Assert.Contains("A trial of *120 adults found that coffee* after", md, StringComparison.Ordinal);
        repo.Write("claims/trial-size-120.yaml", repo.Read("claims/trial-size-120.yaml").Replace("trial of 120 adults", "adults found", StringComparison.Ordinal));
        md = Page(Site(repo), "articles/coffee-study.md");
        Assert.Contains("*120 [adults found](../claims/trial-size-120.md) `cited` that coffee*", md, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- nesting

    public static TheoryData<string, string> DeepArticles => new()
    {
        { "emphasis", new string('*', 100_000) + "a" + new string('*', 100_000) },
        { "quotes", new string('>', 10_000) + " a" },
        { "bullets", string.Concat(Enumerable.Repeat("- ", 10_000)) + "a" },
        { "brackets", new string('[', 100_000) },
        { "list 250 deep", string.Concat(Enumerable.Range(0, 250).Select(i => new string(' ', i * 2) + "- a\n")) },
    };

    [Theory]
    [MemberData(nameof(DeepArticles))]
    public void Deeply_nested_markdown_is_one_finding_in_check_and_build_renders_the_rest_as_text(string name, string body)
    {
        using var repo = new TempRepo("clean");
        repo.Write("articles/deep.md", "# Deep\n\nAn opening paragraph that renders.\n\n" + body + "\n");
        var check = CliRunner.Run(repo.Root, "check", "--format", "json");
        Assert.Equal(1, check.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(check.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("file").GetString() == "articles/deep.md").ToList();
        Assert.True(findings.Count == 1, $"{name}: {check.Out}");
        Assert.Equal("schema", findings[0].GetProperty("rule").GetString());

        var build = CliRunner.Run(repo.Root, "build");
        Assert.True(build.ExitCode == 0, $"{name}: {build.Error}");
        var page = repo.Read("site/articles/deep.html");
        Assert.Contains("An opening paragraph that renders.", page, StringComparison.Ordinal);
        Assert.True(File.Exists(repo.Full("site/articles/deep.md")));
    }

    // ---------------------------------------------------------------- highlights at the parser's positions

    [Fact]
    public void Overlapping_excerpts_nest_and_each_highlight_carries_its_claim_id()
    {
        using var repo = new TempRepo("clean");
        repo.Write("articles/coffee-study.md", "# Coffee\n\nA trial of 120 adults found that coffee after 4 pm cut sleep by 41 minutes.[^1]\n\n[^1]: Source.\n");
        foreach (var (id, excerpt) in new[] { ("outer", "A trial of 120 adults found"), ("inner", "120 adults"), ("across", "adults found that coffee"), ("same", "120 adults") })
        {
            repo.Write($"claims/{id}.yaml", $"id: {id}\nstatement: Claim {id}.\narticle: coffee-study\nexcerpt: {excerpt}\ncitations:\n  - source: smith-2023-caffeine\n");
        }
        var html = Page(Site(repo), "articles/coffee-study.html");
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var page = parser.ParseDocument(html);
        foreach (var id in new[] { "outer", "inner", "across", "same" })
        {
            var marks = page.QuerySelectorAll($"#claim-{id}");
            Assert.True(marks.Length == 1, $"claim-{id}: {marks.Length} marks");
            Assert.Equal("MARK", marks[0].TagName);
            // Reachable from the text: its excerpt or, where another's link covers the same words, its label links to it.
            Assert.Contains(page.QuerySelectorAll("article mark a"), a => a.GetAttribute("href") == $"../claims/{id}.html");
        }
        // "120 adults" sits inside "A trial of 120 adults found": nested marks, not one instead of the other.
        var enclosing = page.QuerySelector("#claim-inner")!.ParentElement!.Closest("mark")!;
        Assert.NotNull(enclosing.QuerySelector("#claim-inner"));
        Assert.StartsWith("A trial of", page.QuerySelector("#claim-outer")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a a"));
    }

    [Theory]
    [InlineData("([a]")]
    [InlineData("[a](")]
    public void A_long_run_of_unclosed_link_openings_is_shown_as_written_with_its_excerpt_marked_and_real_links_kept(string unit)
    {
        // 20,000 openings (80 KB): enough that the parentheses are held back from Markdig, as the article parser does.
        var run = string.Concat(Enumerable.Repeat(unit, 20_000));
        using var repo = new TempRepo("clean");
        repo.Write("articles/coffee-study.md",
            $"# Coffee\n\nA trial of 120 adults found that coffee cut sleep. {run} Then `{unit}{unit}` and [the trial](https://example.org/trial).[^1]\n\n[^1]: Smith (2023). Caffeine and sleep. https://example.org/smith\n");
        repo.Write("claims/sleep.yaml", "id: sleep\nstatement: Coffee cuts sleep.\narticle: coffee-study\nexcerpt: coffee cut sleep\ncitations:\n  - source: smith-2023-caffeine\n");
        var site = Site(repo);
        var html = Page(site, "articles/coffee-study.html");
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var paragraph = page.QuerySelector("article p")!;
        Assert.Contains($". {run} Then {unit}{unit} and the trial.", paragraph.TextContent, StringComparison.Ordinal);
        Assert.Equal(unit + unit, paragraph.QuerySelector("code")!.TextContent);
        Assert.Equal("coffee cut sleep", page.QuerySelector("#claim-sleep > a")!.TextContent);
        Assert.Equal("https://example.org/trial", paragraph.QuerySelector("a[href^='https:']")!.GetAttribute("href"));
        Assert.DoesNotContain(ArticleParserHeld, html, StringComparison.Ordinal);
        var twin = Page(site, "articles/coffee-study.md");
        Assert.DoesNotContain(ArticleParserHeld, twin, StringComparison.Ordinal);
        Assert.Contains(run, twin, StringComparison.Ordinal); // the twin keeps the article's text as written
    }

    private const string ArticleParserHeld = "\uE000";

    [Fact]
    public void A_paragraph_read_as_plain_text_shows_its_links_as_text_on_the_page_and_in_the_twin()
    {
        // over InlineBudgetExtension's budget: Markdig does not parse the paragraph, so no link in it may become one
        var run = string.Concat(Enumerable.Repeat("**a ", 600));
        using var repo = new TempRepo("clean");
        repo.Write("articles/coffee-study.md",
            $"# Coffee\n\nA trial found that [coffee](javascript:alert(1)) cut sleep. {run}\n\nThen [the trial](https://example.org/trial) and [x](javascript:alert(2)).\n");
        var site = Site(repo);
        var html = Page(site, "articles/coffee-study.html");
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var paragraphs = page.QuerySelectorAll("article p");
        Assert.StartsWith("A trial found that [coffee](javascript:alert(1)) cut sleep.", paragraphs[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(run.TrimEnd(), paragraphs[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(paragraphs[0].QuerySelectorAll("a:not([href^='#']), strong, em"));
        Assert.Equal("https://example.org/trial", paragraphs[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("javascript:", string.Concat(page.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))), StringComparison.Ordinal);
        var twin = Page(site, "articles/coffee-study.md");
        Assert.Contains(@"A trial found that \[coffee\]\(javascript:alert\(1\)\) cut sleep.", twin, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", twin, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excerpt_that_quotes_raw_html_as_written_is_highlighted_over_the_text_the_page_shows()
    {
        var site = SiteBuilder.Build(EvidenceQueries.Check(Path.Combine(TestPaths.Fixtures, "site", "hostile")));
        var html = Page(site, "articles/hostile-article.html");
        // the page shows the raw HTML as its text (run this now): the highlight covers it, in one mark per piece of text
        Assert.Contains("id=\"claim-hostile-claim\"><a href=\"../claims/hostile-claim.html\" aria-describedby=\"claim-hostile-claim-label\">run </a></mark>", html, StringComparison.Ordinal);
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var paragraph = page.GetElementById("claim-hostile-claim")!.ParentElement!;
        Assert.StartsWith("A tracked passage: run this now", paragraph.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, paragraph.QuerySelectorAll("mark a[href='../claims/hostile-claim.html']").Length);
        Assert.DoesNotContain("&lt;i&gt;", html[html.IndexOf("<article", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_tracked_excerpt_of_this_repository_is_highlighted_on_its_article_page()
    {
        var report = EvidenceQueries.Check(TestPaths.RepoRoot);
        var site = SiteBuilder.Build(report);
        var claims = report.Set.Claims.Where(c => c.Article is not null && !string.IsNullOrEmpty(c.Excerpt)).ToList();
        Assert.NotEmpty(claims);
        var missing = claims.Where(c => !Page(site, $"articles/{c.Article}.html").Contains($"id=\"claim-{c.Id}\"", StringComparison.Ordinal))
            .Select(c => c.Id).ToList();
        Assert.True(missing.Count == 0, "no highlight: " + string.Join(", ", missing));
    }
}
