using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

public class SiteTests
{
    private static IReadOnlyDictionary<string, byte[]> Build(string root) => SiteBuilder.Build(EvidenceQueries.Check(root));

    private static string Text(IReadOnlyDictionary<string, byte[]> site, string path) => Encoding.UTF8.GetString(site[path]);

    [Fact]
    public void The_site_has_every_page_of_the_contract_in_html_and_markdown()
    {
        var site = Build(TestPaths.Fixture("clean"));
        foreach (var path in new[]
        {
            "index.html", "README.md", "matrix.html", "sources.html", "sources.md", "evidence.json", "assets/style.css", "assets/filter.js",
            "articles/coffee-study.html", "articles/coffee-study.md",
            "claims/coffee-cuts-sleep-41-minutes.html", "claims/coffee-cuts-sleep-41-minutes.md",
            "claims/trial-size-120.html", "claims/trial-size-120.md",
            "sources/smith-2023-caffeine.html", "sources/smith-2023-caffeine.md",
            "sources/example-times-2024-03-02.html", "sources/example-times-2024-03-02.md",
        })
        {
            Assert.True(site.ContainsKey(path), $"missing {path}");
        }
    }

    [Fact]
    public void Each_articles_claims_are_those_naming_it_in_the_order_of_the_claims_and_the_index_counts_them()
    {
        using var repo = new TempRepo("clean");
        repo.Write("claims/zz-late.yaml", "id: zz-late\nstatement: A late claim.\narticle: coffee-study\n");
        repo.Write("claims/aa-early.yaml", "id: aa-early\nstatement: An early claim.\narticle: coffee-study\n");
        repo.Write("claims/no-article.yaml", "id: no-article\nstatement: A claim of no article.\n");
        var data = new SiteData(EvidenceQueries.Check(repo.Root));

        var expected = data.Claims.Where(c => c.Claim.Article == "coffee-study").Select(c => c.Claim.Id).ToList();
        Assert.Contains("aa-early", expected);
        Assert.Contains("zz-late", expected);
        Assert.Equal(expected, data.ClaimsOfArticle("coffee-study").Select(c => c.Claim.Id));
        Assert.Empty(data.ClaimsOfArticle("no-such-article"));
        Assert.DoesNotContain(data.ClaimsByArticle.Values.SelectMany(c => c), c => c.Claim.Id == "no-article");
        var index = Text(SiteBuilder.Build(EvidenceQueries.Check(repo.Root)), "README.md");
        Assert.Contains($"coffee-study.md) — {expected.Count} claims", index, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_site_of_the_clean_fixture_matches_its_golden_copy()
    {
        var site = Build(TestPaths.Fixture("clean"));
        foreach (var (path, bytes) in site)
        {
            if (path.StartsWith("assets/", StringComparison.Ordinal))
            {
                // the style sheet and the script are copied as they are: compared with their source, not kept a third time
                var source = Path.Combine(TestPaths.RepoRoot, "src", "EvidenceTracker.Core", "Site", "Assets", path["assets/".Length..]);
                Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(bytes), $"{path} is not {source} as it is");
                continue;
            }
            Golden.Verify($"site-clean/{path}", Encoding.UTF8.GetString(bytes));
        }
        var golden = Path.Combine(TestPaths.Golden, "site-clean");
        var extra = Directory.EnumerateFiles(golden, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(golden, f).Replace('\\', '/'))
            .Where(f => !site.ContainsKey(f)).ToList();
        Assert.True(Golden.Blessing || extra.Count == 0, "golden pages no longer built: " + string.Join(", ", extra));
    }

    [Fact]
    public void Building_twice_gives_identical_bytes()
    {
        var first = Build(TestPaths.RepoRoot);
        var second = Build(TestPaths.RepoRoot);
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), $"{pair.Key} differs between builds"));
    }

    [Fact]
    public void Hostile_data_in_every_field_is_rendered_as_text_and_never_as_markup()
    {
        var site = Build(TestPaths.Fixture("hostile"));
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var (path, bytes) in site.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            using var page = parser.ParseDocument(Encoding.UTF8.GetString(bytes));
            // The only scripts are the site's own filter and JSON-LD data.
            foreach (var script in page.Scripts)
            {
                Assert.True(script.Source is "assets/filter.js" or "../assets/filter.js" || script.Type == "application/ld+json",
                    $"{path}: unexpected script {script.OuterHtml}");
            }
            foreach (var element in page.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.NotEqual("IMG", element.TagName);
                Assert.NotEqual("IFRAME", element.TagName);
                if (element.GetAttribute("href") is { } href)
                {
                    Assert.True(href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith('#') || !href.Contains(':', StringComparison.Ordinal),
                        $"{path}: link to {href}");
                }
                if (element.GetAttribute("src") is { } src)
                {
                    Assert.EndsWith("assets/filter.js", src);
                }
            }
            Assert.DoesNotContain(page.QuerySelectorAll("b, em, i"), e => e.Closest("svg.chart") is null);
        }
        var claim = Text(site, "claims/xss-claim.html");
        Assert.Contains("&lt;script&gt;window.__pwned = 9&lt;/script&gt;Statement with &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot;", claim);
        Assert.Contains("&lt;/blockquote&gt;&lt;script&gt;window.__pwned = 12&lt;/script&gt;", claim);
        var article = Text(site, "articles/xss-article.html");
        // raw HTML in an article shows as its text: a script leaves nothing, neither an element nor escaped markup
        Assert.DoesNotContain("window.__pwned = 2", article);
        Assert.DoesNotContain("&lt;em&gt;", article);
        Assert.DoesNotContain("&lt;b onclick", article);
        Assert.Contains("<a href=\"https://example.org/ok\">fine link</a>", article);
        Assert.DoesNotContain("https://tracker.example/img.png\"", article);
        // JSON-LD cannot close its script element.
        var ld = Regex.Match(claim, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value;
        Assert.DoesNotContain("<", ld, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(ld);
        Assert.Equal("ClaimReview", doc.RootElement.GetProperty("@type").GetString());
    }

    [Fact]
    public void Hostile_data_in_markdown_pages_is_escaped()
    {
        var site = Build(TestPaths.Fixture("hostile"));
        var md = Text(site, "claims/xss-claim.md");
        Assert.Contains("&lt;script&gt;window.\\_\\_pwned = 9&lt;/script&gt;", md);
        Assert.DoesNotContain("](javascript", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", md, StringComparison.Ordinal);
        Assert.Contains("\\| pipe \\|", md);
    }

    [Fact]
    public void Only_http_urls_become_links()
    {
        Assert.True(SafeUrl.IsExternalHttp("https://example.org/x"));
        foreach (var url in new[] { "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "//evil.example/x", "ftp://x/y" })
        {
            Assert.False(SafeUrl.IsExternalHttp(url), url);
        }
        var a = H.Link("javascript:alert(1)", "text").ToString();
        Assert.Equal("text", a);
    }

    [Fact]
    public void Event_handler_and_url_attributes_cannot_be_set_from_the_builder()
    {
        Assert.Throws<ArgumentException>(() => H.E("a").Attr("onclick", "x"));
        Assert.Throws<ArgumentException>(() => H.E("a").Attr("href", "javascript:x"));
        Assert.Equal("<a>x</a>", H.E("a", "x").Href("javascript:alert(1)").ToString());
        Assert.Equal("<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;</p>", H.E("p", "<b>").Attr("title", "\"><script>").ToString());
    }

    [Fact]
    public void A_claim_with_a_verdict_carries_claim_review_json_ld_with_its_rating_and_appearance()
    {
        var site = Build(TestPaths.RepoRoot);
        var html = Text(site, "claims/panda-missed-lesions-31.html");
        var ld = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>").Groups[1].Value;
        using var doc = System.Text.Json.JsonDocument.Parse(ld);
        var root = doc.RootElement;
        Assert.Equal("ClaimReview", root.GetProperty("@type").GetString());
        Assert.StartsWith("DAMO PANDA found 31", root.GetProperty("claimReviewed").GetString());
        Assert.Equal("Unverifiable", root.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        var appearance = root.GetProperty("itemReviewed").GetProperty("appearance");
        Assert.Equal("其在2万多例CT检查数据中找出了31例此前被漏诊的胰腺癌病灶", appearance.GetProperty("text").GetString());
        Assert.DoesNotContain("application/ld+json", Text(site, "claims/damo-one-scan-multi-cancer-plan.html"));
    }

    [Fact]
    public void The_article_page_marks_each_tracked_excerpt_with_its_level_and_links_it_to_its_claim()
    {
        var site = Build(TestPaths.RepoRoot);
        var html = Text(site, "articles/damo-grape-ct-screening.html");
        // Its excerpt begins inside another's (panda-real-world-20000-scans): the marks nest, and its own part links to it.
        Assert.Contains("<mark class=\"claim verdict-unverifiable\" id=\"claim-panda-missed-lesions-31\">", html);
        Assert.Contains("<mark class=\"claim verdict-unverifiable\"><a href=\"../claims/panda-missed-lesions-31.html\" aria-describedby=\"claim-panda-missed-lesions-31-label\">找出了31例此前被漏诊的胰腺癌病灶</a>"
            + "<span class=\"label\" id=\"claim-panda-missed-lesions-31-label\">cited · unverifiable</span></mark>", html);
        Assert.Contains("class=\"legend\"", html);
    }

    [Fact]
    public void The_article_page_marks_uncited_strong_sentences_around_the_tracked_excerpts_inside_them()
    {
        var site = Build(TestPaths.RepoRoot);
        var html = Text(site, "articles/damo-grape-ct-screening.html");
        // The sentence with 颠覆 has no tracked excerpt: one mark, labelled.
        Assert.Matches("<mark class=\"uncited\" id=\"uncited-\\d+\">这一突破的关键在于", html);
        Assert.Matches("更是AI在数据层面深度挖掘能力的体现。<a href=\"#uncited-\\d+-why\" class=\"label\" aria-label=\"uncited — No citation in scope; states the strong word &#39;颠覆&#39;\" id=\"uncited-\\d+-label\">uncited</a></mark>", html);
        // The "1%左右 … 20%-30%" sentence holds two tracked excerpts: the uncited marks fill the gaps, and never hold an excerpt's mark.
        Assert.Matches("<mark class=\"uncited\" id=\"uncited-\\d+\">令人惋惜的是", html);
        Assert.Matches("aria-label=\"uncited — No citation in scope; states the figures 1%左右 and 20%-30%\" id=\"uncited-\\d+-label\">uncited</a>", html);
        Assert.DoesNotMatch(new Regex("<mark class=\"uncited\"[^>]*>[^<]*<mark"), html);
    }

    [Fact]
    public void Build_writes_only_changed_files_removes_stale_pages_and_check_reports_staleness()
    {
        using var repo = new TempRepo("clean");
        var first = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("site/: 19 written, 0 unchanged, 0 removed (19 files)\nopen the map: site/index.html (xdg-open site/index.html on Linux, open site/index.html on macOS)\n", first.Out);
        Assert.Equal("site/ is up to date (19 files)\n", CliRunner.Run(repo.Root, "build", "--check").Out);
        var stamp = File.GetLastWriteTimeUtc(repo.Full("site/index.html"));
        Assert.Contains("0 written, 19 unchanged", CliRunner.Run(repo.Root, "build").Out);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(repo.Full("site/index.html")));

        File.Delete(repo.Full("claims/trial-size-120.yaml"));
        var stale = CliRunner.Run(repo.Root, "build", "--check");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("claims/trial-size-120.html", stale.Out);
        Assert.True(File.Exists(repo.Full("site/claims/trial-size-120.html")), "--check must write nothing");
        var rebuilt = CliRunner.Run(repo.Root, "build");
        Assert.Contains("2 removed", rebuilt.Out);
        Assert.False(File.Exists(repo.Full("site/claims/trial-size-120.html")));
    }

    [Fact]
    public void Build_refuses_an_output_folder_that_holds_the_evidence()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "build", "--out", repo.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("would hold the evidence itself", result.Error);
    }

    [Fact]
    public void This_repository_site_is_up_to_date()
    {
        var result = CliRunner.Run(TestPaths.RepoRoot, "build", "--check");
        Assert.True(result.ExitCode == 0, result.Out);
    }
}
