using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>
/// The hostile fixture puts script tags, event handlers, javascript: URLs and raw HTML in every field. In a
/// real browser, nothing from the data runs (no dialog, window.__pwned stays undefined, no handler attribute
/// or script element from data exists) and the payloads show as text.
/// </summary>
public sealed class HostileDataTests(BrowserFixture browser, Sites sites)
{
    public static TheoryData<string> Pages() => new()
    {
        "index.html",
        "matrix.html",
        "articles/hostile-article.html",
        "claims/hostile-claim.html",
        "claims/second-claim.html",
        "sources/hostile-source.html",
        "sources/hostile-news.html",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task No_script_from_the_data_runs_on_the_page(string relative) =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Hostile.Url(relative));
            // Hover, focus and click everything a payload might have hooked.
            foreach (var element in (await page.Locator("main *:visible").AllAsync()).Take(200))
            {
                await element.HoverAsync(new() { Timeout = 2000, Force = true });
            }
            foreach (var link in await page.Locator("main a[href]:not([href^='http'])").AllAsync())
            {
                var href = await link.GetAttributeAsync("href");
                Assert.DoesNotMatch("^\\s*(javascript|data|vbscript):", href ?? "");
            }
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
            var foreign = await page.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll('*')).flatMap(e => {
                  const out = [];
                  for (const a of e.attributes) {
                    if (/^on/i.test(a.name)) out.push(e.tagName + ' @' + a.name);
                    if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) out.push(e.tagName + ' @' + a.name + '=' + a.value);
                  }
                  const t = e.tagName.toLowerCase();
                  if (['iframe', 'img', 'object', 'embed', 'style', 'form', 'base'].includes(t) && !e.closest('svg.chart')) out.push(t + (t === 'form' && e.id === 'filters' ? '' : '!'));
                  if (t === 'script' && !(e.type === 'application/ld+json' || /assets\/filter\.js$/.test(e.getAttribute('src') || ''))) out.push('script ' + e.outerHTML.slice(0, 80));
                  return out;
                }).filter(x => !x.endsWith('form'))
                """);
            Assert.Empty(foreign);
        });

    [Fact]
    public Task The_payloads_show_as_text_on_the_claim_and_source_pages() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Hostile.Url("claims/hostile-claim.html"));
            await Expect(page.Locator("h1")).ToContainTextAsync("<script>window.__pwned='statement'</script><img src=x onerror=alert('statement')> Statement");
            await Expect(page.GetByText("<script>window.__pwned='quote'</script><svg onload=alert('quote')> Quote")).ToBeVisibleAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("\"><script>window.__pwned='locator'</script> p. 1");
            await Expect(page.Locator("main")).ToContainTextAsync("<a href=\"javascript:alert('note')\">note link</a>");
            await Expect(page.Locator("main")).ToContainTextAsync("<script>window.__pwned='tag'</script>");
            await Expect(page.Locator("main")).ToContainTextAsync("<iframe src=\"javascript:alert('publisher')\"></iframe> Publisher");
            await Expect(page.Locator("main")).ToContainTextAsync("run <i>this</i> now");

            await g.GotoAsync(sites.Hostile.Url("sources/hostile-source.html"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("<script>window.__pwned='source-title'</script><img src=x onerror=alert('source-title')> Source title");
            // An http(s) URL with markup in it is a link whose target is the URL, encoded, and whose text is the URL.
            var url = "https://example.org/a\"><script>window.__pwned='url'</script>";
            var link = page.Locator("main dd a").Filter(new() { HasText = "example.org/a" });
            await Expect(link).ToHaveTextAsync(url);
            Assert.Equal(url, await link.GetAttributeAsync("href"));

            await g.GotoAsync(sites.Hostile.Url("sources/hostile-news.html"));
            // A javascript: URL is never a link.
            Assert.Equal(0, await page.Locator("a[href*='news-url']").CountAsync());
        });

    [Fact]
    public Task The_article_shows_its_raw_html_as_text_and_keeps_only_safe_links() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Hostile.Url("articles/hostile-article.html"));
            var title = "<script>window.__pwned='front-matter'</script><img src=x onerror=alert('front-matter')> Hostile article";
            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(title)));
            await Expect(page.Locator("main > h1")).ToHaveTextAsync(title);
            var article = page.Locator("main article");
            // The article's raw HTML shows as its text: tags neither run nor show as markup; scripts and styles leave nothing.
            await Expect(article).ToContainTextAsync("Raw HTML in the body:  and  and bold.");
            await Expect(article).Not.ToContainTextAsync("<script");
            await Expect(article).Not.ToContainTextAsync("__pwned");
            await Expect(article).Not.ToContainTextAsync("display: none");
            Assert.Equal(0, await article.Locator("script, style, img, b, i, [onerror], [onmouseover]").CountAsync());
            await Expect(article.Locator("p", new() { Has = page.Locator("#claim-hostile-claim") })).ToContainTextAsync("A tracked passage: run this now");
            Assert.Equal(3, await article.Locator("mark.claim a[href='../claims/hostile-claim.html']").CountAsync());
            var links = await article.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.All(links, href => Assert.True(href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("../claims/", StringComparison.Ordinal) || href.StartsWith('#'), href));
            Assert.Contains("https://example.org/safe", links);
            await Expect(page.Locator("body")).ToBeVisibleAsync();
        });
}
