using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>
/// The article page as a reader uses it: every highlight reached by keyboard, the claim pages' links to their highlight,
/// footnote markers that point to the item of their number, and the labels in the site's language.
/// </summary>
public sealed class ArticlePageTests(BrowserFixture browser, Sites sites)
{
    /// <summary>Screenshots of the article page to look at, here (or in EVIDENCE_SCREENSHOTS).</summary>
    private static string Shots => LayoutTests.ScreenshotFolder;

    [Theory]
    [InlineData("repository", "articles/damo-grape-ct-screening.html")]
    [InlineData("bilingual", "articles/tea-longevity.html")]
    public Task Every_highlighted_claim_is_reached_by_the_tab_key(string site, string relative) =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites[site].Url(relative));
            var ids = await page.Locator("article mark[id^='claim-']").EvaluateAllAsync<string[]>("marks => marks.map(m => m.id.slice(6))");
            Assert.NotEmpty(ids);
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var links = await page.Locator("a[href], input, select").CountAsync();
            for (var i = 0; i < links + 5; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var href = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.closest('article') ? document.activeElement.getAttribute('href') : null");
                if (href is not null && href.StartsWith("../claims/", StringComparison.Ordinal))
                {
                    reached.Add(href["../claims/".Length..^".html".Length]);
                }
            }
            var missed = ids.Where(id => !reached.Contains(id)).ToList();
            Assert.True(missed.Count == 0, "not reached by Tab: " + string.Join(", ", missed));
        });

    [Fact]
    public Task A_claim_page_leads_to_its_highlight_in_the_article() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("claims/panda-missed-lesions-31.html"));
            await page.GetByRole(AriaRole.Link, new() { Name = "See it in the article" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/damo-grape-ct-screening\\.html#claim-panda-missed-lesions-31$"));
            var mark = page.Locator("#claim-panda-missed-lesions-31");
            await Expect(mark).ToBeInViewportAsync();
            await Expect(mark).ToContainTextAsync("其在2万多例CT检查数据中");
            // Its label names the level and the verdict, and describes the link of its words.
            await Expect(page.Locator("#claim-panda-missed-lesions-31-label")).ToHaveTextAsync("cited · unverifiable");
            await Expect(page.Locator("a[aria-describedby='claim-panda-missed-lesions-31-label']").First).ToHaveAccessibleDescriptionAsync("cited · unverifiable");
        });

    [Theory]
    [InlineData("repository", "articles/damo-grape-ct-screening.html")]
    [InlineData("bilingual", "articles/tea-longevity.html")]
    public Task Each_footnote_marker_points_to_the_list_item_of_its_number(string site, string relative) =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites[site].Url(relative));
            var pairs = await page.Locator("a.footnote-ref").EvaluateAllAsync<string[]>(
                "refs => refs.map(a => { const li = document.getElementById(a.getAttribute('href').slice(1)); "
                + "const items = [...li.parentElement.children]; return a.textContent.trim() + '=' + (items.indexOf(li) + 1); })");
            Assert.NotEmpty(pairs);
            Assert.All(pairs, p => Assert.Equal(p.Split('=')[0], p.Split('=')[1]));
            // Marker 2 is followed by a click to the second item, where the reader lands.
            await page.Locator("a.footnote-ref").Filter(new() { HasText = "2" }).First.ClickAsync();
            await Expect(page.Locator(".footnotes ol > li").Nth(1)).ToBeInViewportAsync();
        });

    [Fact]
    public Task Unused_footnotes_are_shown_after_the_footnotes_and_marked() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("articles/damo-grape-ct-screening.html"));
            var section = page.GetByRole(AriaRole.Region, new() { Name = "Footnotes not cited in the text" });
            await Expect(section).ToBeVisibleAsync();
            await Expect(section.Locator("li")).ToHaveCountAsync(2);
            await Expect(section.Locator("li").First).ToContainTextAsync("[^2] · not cited in the text");
        });

    [Fact]
    public Task A_chinese_site_has_chinese_labels_and_marks_english_text_with_its_language() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Bilingual.Url("index.html"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "站点" });
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "矩阵" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "结论" })).ToBeVisibleAsync();
            await Expect(page.Locator("#claims [lang='en']").Filter(new() { HasText = "The cohort study covered 50,000 people." })).ToHaveCountAsync(1);
            // Every element marked English holds Latin text, and no Chinese text is marked English.
            var english = await page.Locator("[lang='en']").AllInnerTextsAsync();
            Assert.NotEmpty(english);
            Assert.All(english, t => Assert.DoesNotMatch("\\p{IsCJKUnifiedIdeographs}{4}", t));

            await nav.GetByRole(AriaRole.Link, new() { Name = "饮茶证据地图" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Tea and the heart" }).ClickAsync();
            await Expect(page.Locator("main article")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("main > h1 > span")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已跟踪的论断" })).ToBeVisibleAsync();
        });

    [Theory]
    [InlineData("repository", "articles/damo-grape-ct-screening.html", "light", 1280)]
    [InlineData("repository", "articles/damo-grape-ct-screening.html", "dark", 360)]
    [InlineData("repository", "articles/damo-grape-ct-screening.html", "light", 360)]
    [InlineData("bilingual", "articles/tea-longevity.html", "light", 1280)]
    [InlineData("bilingual", "articles/tea-longevity.html", "dark", 360)]
    public Task The_article_page_fits_its_width_and_a_screenshot_is_kept(string site, string relative, string scheme, int width) =>
        GuardedPage.RunAsync(browser, new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new() { Width = width, Height = width < 500 ? 780 : 900 },
        }, async g =>
        {
            await g.GotoAsync(sites[site].Url(relative));
            var overflow = await g.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{relative} scrolls sideways by {overflow}px at {width}px");
            Directory.CreateDirectory(Shots);
            var name = $"{site}-{Path.GetFileNameWithoutExtension(relative)}-{scheme}-{width}";
            await g.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
            await g.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + "-top.png") });
        });
}
