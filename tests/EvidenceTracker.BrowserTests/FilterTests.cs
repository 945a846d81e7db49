using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>The index's filters: text (CJK substrings too), level and tag; and the full list without JavaScript.</summary>
public sealed class FilterTests(BrowserFixture browser, Sites sites)
{
    private static async Task<(int Visible, int Total)> RowsAsync(IPage page)
    {
        var rows = page.Locator("#claims tbody tr");
        var total = await rows.CountAsync();
        var visible = 0;
        for (var i = 0; i < total; i++)
        {
            visible += await rows.Nth(i).IsVisibleAsync() ? 1 : 0;
        }
        return (visible, total);
    }

    private static async Task ExpectCountAsync(IPage page)
    {
        var (visible, total) = await RowsAsync(page);
        await Expect(page.Locator("#filter-count")).ToHaveTextAsync($"{visible} / {total}");
    }

    [Fact]
    public Task A_chinese_substring_filters_the_claims_and_the_count_follows() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("index.html"));
            await Expect(page.Locator("#filters")).ToBeVisibleAsync();
            var (_, total) = await RowsAsync(page);
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync($"{total} / {total}");

            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Text" }).FillAsync("胰腺");
            var (visible, _) = await RowsAsync(page);
            Assert.InRange(visible, 1, total - 1);
            await ExpectCountAsync(page);
            foreach (var row in await page.Locator("#claims tbody tr:visible").AllAsync())
            {
                Assert.Contains("胰腺", await row.GetAttributeAsync("data-text"));
            }
            foreach (var row in await page.Locator("#claims tbody tr[hidden]").AllAsync())
            {
                Assert.DoesNotContain("胰腺", await row.GetAttributeAsync("data-text"));
            }

            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Text" }).FillAsync("");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync($"{total} / {total}");
        });

    [Fact]
    public Task The_level_and_tag_selects_filter_the_claims_alone_and_together() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.English.Url("index.html"));
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("4 / 4");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Support level" }).SelectOptionAsync("contradicted");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 / 4");
            await Expect(page.Locator("#claims tbody tr:visible")).ToHaveAttributeAsync("data-level", "contradicted");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Support level" }).SelectOptionAsync("");
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Tag" }).SelectOptionAsync("sleep");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("3 / 4");
            await ExpectCountAsync(page);

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Support level" }).SelectOptionAsync("cited");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 / 4");
            await Expect(page.Locator("#claims tbody tr:visible")).ToHaveAttributeAsync("data-id", "light-drinkers-most-affected");

            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Text" }).FillAsync("DECAF");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("0 / 4");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Support level" }).SelectOptionAsync("");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 / 4");
            await Expect(page.Locator("#claims tbody tr:visible")).ToHaveAttributeAsync("data-id", "decaf-no-effect");
        });

    [Fact]
    public Task Without_javascript_every_claim_shows_and_the_filter_form_stays_hidden() =>
        GuardedPage.RunAsync(browser, new() { JavaScriptEnabled = false }, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("index.html"));
            var (visible, total) = await RowsAsync(page);
            Assert.True(total > 20, $"the repository has many claims ({total})");
            Assert.Equal(total, visible);
            await Expect(page.Locator("#filters")).ToBeHiddenAsync();
            // The stylesheet still applies without scripts.
            await Expect(page.Locator("header.site")).ToHaveCSSAsync("border-bottom-style", "solid");
        });

    [Fact]
    public Task The_stylesheet_and_the_filter_script_load_under_the_content_security_policy() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.English.Url("index.html"));
            var csp = await page.Locator("meta[http-equiv='Content-Security-Policy']").GetAttributeAsync("content");
            Assert.Contains("script-src", csp);
            // The script ran: it shows the form that the HTML hides.
            await Expect(page.Locator("#filters")).ToBeVisibleAsync();
            // The stylesheet applied: the site header has its rule, the level badges their colours.
            await Expect(page.Locator("header.site")).ToHaveCSSAsync("border-bottom-style", "solid");
            await Expect(page.Locator("#claims .badge.level-contradicted")).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
            foreach (var relative in new[] { "claims/decaf-no-effect.html", "articles/coffee-and-sleep.html", "sources/lee-2022-decaf.html", "matrix.html" })
            {
                await g.GotoAsync(sites.English.Url(relative));
                await Expect(page.Locator("header.site")).ToHaveCSSAsync("border-bottom-style", "solid");
            }
        });
}
