using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.App;
using EvidenceTracker.Model;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The article page for readers: every excerpt reachable and anchored, footnotes numbered alike, unused footnotes listed,
/// highlights coloured by the worse of level and verdict; the labels' language; ClaimReview's url, date and author.
/// </summary>
public class SiteArticleTests
{
    private static IReadOnlyDictionary<string, byte[]> Build(string root) => SiteBuilder.Build(EvidenceQueries.Check(root));

    private static string Text(IReadOnlyDictionary<string, byte[]> site, string path) => Encoding.UTF8.GetString(site[path]);

    private static string Bilingual => TestPaths.Fixture(Path.Combine("site", "bilingual"));

    private static string ArticleElement(string html) =>
        Regex.Match(html, "<article lang=\"[a-z]+\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Every_claim_of_this_repository_with_an_excerpt_is_highlighted_once_anchored_and_linked_on_its_article_page()
    {
        var report = EvidenceQueries.Check(TestPaths.RepoRoot);
        var site = SiteBuilder.Build(report);
        var tracked = report.Claims.Select(c => c.Claim).Where(c => c.Article is not null && !string.IsNullOrEmpty(c.Excerpt)).ToList();
        Assert.Equal(35, tracked.Count);
        var missing = new List<string>();
        foreach (var claim in tracked)
        {
            var article = ArticleElement(Text(site, $"articles/{claim.Article}.html"));
            var anchors = Regex.Matches(article, $"<mark [^>]*id=\"claim-{claim.Id}\"").Count;
            var linked = article.Contains($"href=\"../claims/{claim.Id}.html\"", StringComparison.Ordinal);
            if (anchors != 1 || !linked)
            {
                missing.Add($"{claim.Id} (anchors: {anchors}, linked: {linked})");
            }
        }
        Assert.True(missing.Count == 0, "claims without exactly one anchored, linked highlight: " + string.Join(", ", missing));
    }

    [Fact]
    public void Each_claim_page_links_to_its_highlight_on_the_article_page()
    {
        var site = Build(TestPaths.RepoRoot);
        var claim = Text(site, "claims/panda-missed-lesions-31.html");
        Assert.Contains("<a href=\"../articles/damo-grape-ct-screening.html#claim-panda-missed-lesions-31\">", claim);
        Assert.Contains("id=\"claim-panda-missed-lesions-31\"", Text(site, "articles/damo-grape-ct-screening.html"));
    }

    [Fact]
    public void Nested_excerpts_each_keep_a_link_to_their_own_claim()
    {
        var html = ArticleElement(Text(Build(Bilingual), "articles/tea-longevity.html"));
        // tea-cohort-50000's excerpt lies inside tea-cuts-mortality-15's: the marks nest, the inner text links to the inner
        // claim, and the outer claim's own words to the outer one, described by its label (level and verdict).
        Assert.Matches("<mark class=\"claim [^\"]+\" id=\"claim-tea-cuts-mortality-15\">", html);
        Assert.Matches("<mark class=\"claim [^\"]+\" id=\"claim-tea-cohort-50000\"><a href=\"../claims/tea-cohort-50000.html\"", html);
        Assert.Contains("<mark class=\"claim verdict-partly-supported\"><mark class=\"claim verdict-unverifiable\" id=\"claim-tea-cohort-50000\">", html);
        Assert.Contains("<a href=\"../claims/tea-cuts-mortality-15.html\" aria-describedby=\"claim-tea-cuts-mortality-15-label\">发现，", html);
        Assert.Contains("<span class=\"label\" id=\"claim-tea-cuts-mortality-15-label\">有引文 · 部分有依据</span>", html);
    }

    [Fact]
    public void Footnote_markers_and_the_footnote_list_are_numbered_alike()
    {
        // [^3] is cited before [^1]: marker 1 is [^3], and the first item of the list is [^3]'s.
        var html = Text(Build(Bilingual), "articles/tea-longevity.html");
        var markers = Regex.Matches(html, "href=\"#fn:(\\d+)\" class=\"footnote-ref\"><sup>(\\d+)</sup>");
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.Equal(m.Groups[1].Value, m.Groups[2].Value));
        var items = Regex.Matches(html, "<li id=\"fn:(\\d+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2"], items);
        var first = html[html.IndexOf("<li id=\"fn:1\">", StringComparison.Ordinal)..html.IndexOf("<li id=\"fn:2\">", StringComparison.Ordinal)];
        Assert.Contains("news.example.org/tea-2023-long-life", first);
    }

    [Fact]
    public void Footnote_list_follows_the_markers_in_this_repository_article()
    {
        // The article cites [^1], then [^5], then [^3]: Markdig left [^5] third in the list while its marker said 2.
        var html = Text(Build(TestPaths.RepoRoot), "articles/damo-grape-ct-screening.html");
        var items = Regex.Matches(html, "<li id=\"fn:(\\d+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2", "3"], items);
        var second = html[html.IndexOf("<li id=\"fn:2\">", StringComparison.Ordinal)..html.IndexOf("<li id=\"fn:3\">", StringComparison.Ordinal)];
        Assert.Contains("doc-infchkcn5729729", second); // [^5], cited second
    }

    [Fact]
    public void Unused_footnotes_are_listed_after_the_footnotes_and_marked()
    {
        var html = Text(Build(Bilingual), "articles/tea-longevity.html");
        var section = Regex.Match(html, "<section class=\"footnotes-unused\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<h2 id=\"unused-footnotes-heading\">正文中未引用的脚注</h2>", section);
        Assert.Contains("[^2] · 正文中未引用", section);
        Assert.Contains("这一条脚注正文没有引用。", section);
        Assert.DoesNotContain("news.example.org", section);
        // This repository's article defines [^2] and [^4] and never cites them.
        var repo = Text(Build(TestPaths.RepoRoot), "articles/damo-grape-ct-screening.html");
        Assert.Contains("id=\"fn-unused-2\"", repo);
        Assert.Contains("id=\"fn-unused-4\"", repo);
    }

    [Theory]
    [InlineData(SupportLevel.Cited, Verdict.Unverifiable, "verdict-unverifiable")]
    [InlineData(SupportLevel.Cited, Verdict.PartlySupported, "verdict-partly-supported")]
    [InlineData(SupportLevel.Unsupported, Verdict.Supported, "level-unsupported")]
    [InlineData(SupportLevel.Quoted, Verdict.Supported, "level-quoted")]
    [InlineData(SupportLevel.Verified, Verdict.Supported, "verdict-supported")]
    [InlineData(SupportLevel.Unsupported, Verdict.Contradicted, "verdict-contradicted")]
    public void A_highlight_is_coloured_by_the_worse_of_its_level_and_verdict(SupportLevel level, Verdict verdict, string tone) =>
        Assert.Equal(tone, HtmlPages.Tone(level, verdict));

    [Fact]
    public void A_highlight_without_a_verdict_is_coloured_by_its_level_and_no_highlight_has_a_tooltip()
    {
        Assert.Equal("level-cited", HtmlPages.Tone(SupportLevel.Cited, null));
        var html = Text(Build(TestPaths.RepoRoot), "articles/damo-grape-ct-screening.html");
        Assert.DoesNotMatch("<mark[^>]* title=", html);
        // panda-missed-lesions-31 is cited and unverifiable: grey, with both words in its label, which describes its link.
        Assert.Contains("<mark class=\"claim verdict-unverifiable\" id=\"claim-panda-missed-lesions-31\">", html);
        Assert.Contains("<span class=\"label\" id=\"claim-panda-missed-lesions-31-label\">cited · unverifiable</span>", html);
        Assert.Contains("aria-describedby=\"claim-panda-missed-lesions-31-label\"", html);
    }

    [Fact]
    public void Uncited_sentences_are_listed_with_their_reason_and_linked_both_ways()
    {
        var html = Text(Build(TestPaths.RepoRoot), "articles/damo-grape-ct-screening.html");
        Assert.Contains("<mark class=\"uncited\" id=\"uncited-1\">", html);
        Assert.Matches("<a href=\"#uncited-1-why\" class=\"label\" aria-label=\"uncited — No citation in scope; states [^\"]+\" id=\"uncited-1-label\">uncited</a>", html);
        Assert.Matches("<li id=\"uncited-1-why\"><a href=\"#uncited-1\">", html);
    }

    [Fact]
    public void The_labels_follow_the_language_of_most_articles_and_other_languages_are_marked()
    {
        var site = Build(Bilingual);
        var index = Text(site, "index.html");
        Assert.Contains("<html lang=\"zh\">", index);
        Assert.Contains("<nav aria-label=\"站点\">", index);
        Assert.Contains(">矩阵</a>", index);
        Assert.Contains("<th scope=\"col\">结论</th>", index);
        Assert.Contains("<span lang=\"en\">The cohort study covered 50,000 people.</span>", index);
        Assert.Contains("<span>每天饮茶的人全因死亡风险降低了百分之十五。</span>", index);
        var english = Text(site, "articles/tea-english.html");
        Assert.Contains("<article lang=\"en\">", english);
        Assert.Contains("<h1><span lang=\"en\">Tea and the heart</span></h1>", english);
        Assert.Contains("<article lang=\"zh\">", Text(site, "articles/tea-longevity.html"));
        Assert.Contains("## 已跟踪的论断", Text(site, "articles/tea-longevity.md"));
    }

    [Fact]
    public void Site_lang_sets_the_labels_whatever_the_articles_language()
    {
        using var repo = new TempRepo(Path.Combine("site", "bilingual"));
        repo.Write("evidence.yaml", "title: Tea\nsite-lang: en\n");
        var site = Build(repo.Root);
        var article = Text(site, "articles/tea-longevity.html");
        Assert.Contains("<html lang=\"en\">", article);
        Assert.Contains("<article lang=\"zh\">", article);
        Assert.Contains("<h1><span lang=\"zh\">饮茶与长寿</span></h1>", article);
        Assert.Contains("Footnotes not cited in the text", article);
        Assert.Contains("<a href=\"../matrix.html\">Matrix</a>", article);
    }

    [Fact]
    public void Site_lang_and_site_url_are_checked_like_every_setting()
    {
        using var repo = new TempRepo(Path.Combine("site", "bilingual"));
        repo.Write("evidence.yaml", "site-lang: fr\nsite-url: ftp://example.org/\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == "schema").Select(f => f.Message).ToList();
        Assert.Contains(findings, m => m.Contains("site-lang", StringComparison.Ordinal) && m.Contains("fr", StringComparison.Ordinal));
        Assert.Contains(findings, m => m.Contains("site-url", StringComparison.Ordinal));
    }

    [Fact]
    public void Reviewed_must_be_a_date()
    {
        using var repo = new TempRepo(Path.Combine("site", "bilingual"));
        var path = "claims/tea-polyphenols.yaml";
        repo.Write(path, repo.Read(path) + "reviewed: last week\nreviewer: Desk\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == "schema" && f.File == path).ToList();
        Assert.Single(findings);
        Assert.Contains("reviewed", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_review_carries_an_absolute_url_under_site_url_the_review_date_and_the_reviewer()
    {
        var site = Build(Bilingual);
        using var reviewed = ClaimReviewOf(Text(site, "claims/tea-cuts-mortality-15.html"));
        var root = reviewed.RootElement;
        Assert.Equal("https://evidence.example.org/tea/claims/tea-cuts-mortality-15.html", root.GetProperty("url").GetString());
        Assert.Equal("2025-07-01", root.GetProperty("datePublished").GetString());
        Assert.Equal("核查编辑部", root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://evidence.example.org/tea/articles/tea-longevity.html",
            root.GetProperty("itemReviewed").GetProperty("appearance").GetProperty("url").GetString());
        using var unreviewed = ClaimReviewOf(Text(site, "claims/tea-cohort-50000.html"));
        Assert.False(unreviewed.RootElement.TryGetProperty("datePublished", out _));
        Assert.Equal("饮茶证据地图", unreviewed.RootElement.GetProperty("author").GetProperty("name").GetString());
        var claimPage = Text(site, "claims/tea-cuts-mortality-15.html");
        Assert.Contains("<dt>审核</dt><dd><time datetime=\"2025-07-01\">2025-07-01</time> · <span>核查编辑部</span></dd>", claimPage);
    }

    [Fact]
    public void Claim_review_url_is_relative_without_site_url()
    {
        using var ld = ClaimReviewOf(Text(Build(TestPaths.RepoRoot), "claims/panda-missed-lesions-31.html"));
        Assert.Equal("../claims/panda-missed-lesions-31.html", ld.RootElement.GetProperty("url").GetString());
    }

    private static System.Text.Json.JsonDocument ClaimReviewOf(string html) =>
        System.Text.Json.JsonDocument.Parse(Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value);
}
