using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>A reader follows real links: index → claim → source → article → claim, and back.</summary>
public sealed class NavigationTests(BrowserFixture browser, Sites sites)
{
    private const string Map = "Coffee evidence map";

    [Fact]
    public Task A_reader_goes_from_the_index_to_a_claim_its_source_and_its_article_and_back() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.English.Url("index.html"));
            await Expect(page).ToHaveTitleAsync(Map);
            await Expect(page.Locator("h1")).ToHaveTextAsync(Map);

            await page.Locator("#claims").GetByRole(AriaRole.Link, new() { Name = "Coffee after 4 pm cut adults' sleep by 41 minutes in a trial of 120.", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/coffee-cuts-sleep-41-minutes\\.html$"));
            await Expect(page).ToHaveTitleAsync($"coffee-cuts-sleep-41-minutes · {Map}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Coffee after 4 pm cut adults' sleep by 41 minutes in a trial of 120.");
            await Expect(page.GetByText("Sleep was 41 minutes shorter after caffeine taken after 4 pm.", new() { Exact = true })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "smith-2023-caffeine", Exact = true }).ClickAsync();
            await Expect(page).ToHaveTitleAsync($"smith-2023-caffeine · {Map}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Evening caffeine intake and sleep duration in adults");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Claims citing it (2)" })).ToBeVisibleAsync();

            await page.Locator("#claims").GetByRole(AriaRole.Link, new() { Name = "The effect of evening coffee on sleep was largest in people who rarely drink coffee.", Exact = true }).ClickAsync();
            await Expect(page).ToHaveTitleAsync($"light-drinkers-most-affected · {Map}");

            await page.GetByRole(AriaRole.Link, new() { Name = "What evening coffee does to sleep" }).First.ClickAsync();
            await Expect(page).ToHaveTitleAsync($"What evening coffee does to sleep · {Map}");
            await Expect(page.Locator("main > h1")).ToHaveTextAsync("What evening coffee does to sleep");

            // The highlighted passage links to its claim.
            await page.Locator("article mark.claim a").Filter(new() { HasText = "coffee after 4 pm cut sleep by 41 minutes" }).ClickAsync();
            await Expect(page).ToHaveTitleAsync($"coffee-cuts-sleep-41-minutes · {Map}");

            // And back, step by step, to where the reader started.
            string[] back =
            [
                $"What evening coffee does to sleep · {Map}",
                $"light-drinkers-most-affected · {Map}",
                $"smith-2023-caffeine · {Map}",
                $"coffee-cuts-sleep-41-minutes · {Map}",
                Map,
            ];
            foreach (var title in back)
            {
                await page.GoBackAsync();
                await Expect(page).ToHaveTitleAsync(title);
            }

            // The header leads home and to the matrix from any page.
            await page.GoForwardAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Matrix" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Claims × sources");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = Map }).ClickAsync();
            await Expect(page).ToHaveTitleAsync(Map);
        });

    [Fact]
    public Task The_chinese_article_links_each_highlighted_excerpt_to_its_claim() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("index.html"));
            await page.Locator("main ul").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.Locator("main > h1")).Not.ToBeEmptyAsync();
            var marks = page.Locator("article mark.claim a");
            Assert.True(await marks.CountAsync() > 5, "the article highlights its tracked excerpts");
            var first = marks.First;
            var href = await first.GetAttributeAsync("href");
            Assert.StartsWith("../claims/", href);
            await first.ClickAsync();
            var id = href!["../claims/".Length..^".html".Length];
            await Expect(page.Locator("dd code")).ToHaveTextAsync(id);
        });
}
