using System.Text.RegularExpressions;
using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>
/// A reader's view of issue 15: the index weakest first with a verdict filter kept in the URL fragment and a message
/// when nothing matches; verdict badges coloured with a symbol; the sources page; and the phone layout (cards, a
/// sticky first column in the matrix, the chain as a list, no sideways scrolling at 360 px) and print.
/// </summary>
public sealed class VerdictFirstTests(BrowserFixture browser, Sites sites)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 360, Height = 740 } };

    private static ILocator VisibleRows(IPage page) => page.Locator("#claims tbody tr:visible");

    private static async Task<string[]> VisibleIdsAsync(IPage page)
    {
        var ids = new List<string>();
        foreach (var row in await VisibleRows(page).AllAsync())
        {
            ids.Add(await row.GetAttributeAsync("data-id") ?? "");
        }
        return [.. ids];
    }

    private static ILocator Select(IPage page, string name) => page.GetByRole(AriaRole.Combobox, new() { Name = name, Exact = true });

    [Fact]
    public Task The_claims_are_listed_weakest_first() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            await g.GotoAsync(sites.Verdicts.Url("index.html"));
            Assert.Equal(
                ["sugar-hyperactivity", "vitamin-c-colds", "draft-coffee-shops", "fish-oil-memory", "fibre-gut", "walking-lowers-blood-pressure", "adults-need-seven-hours"],
                await VisibleIdsAsync(g.Page));
            // The first link of the list is the weakest claim's statement.
            await Expect(g.Page.Locator("#claims tbody a").First).ToHaveTextAsync("Sugar makes children hyperactive.");
        });

    [Fact]
    public Task The_verdict_filter_shows_only_the_claims_with_that_verdict_alone_and_with_the_other_filters() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("index.html"));
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("7 / 7");

            await Select(page, "Verdict").SelectOptionAsync("unverifiable");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 / 7");
            Assert.Equal(["fish-oil-memory"], await VisibleIdsAsync(page));

            await Select(page, "Verdict").SelectOptionAsync("none");
            Assert.Equal(["draft-coffee-shops", "fibre-gut"], await VisibleIdsAsync(page));

            await Select(page, "Tag").SelectOptionAsync("diet");
            Assert.Equal(["fibre-gut"], await VisibleIdsAsync(page));

            await Select(page, "Support level").SelectOptionAsync("draft");
            await Select(page, "Tag").SelectOptionAsync("");
            Assert.Equal(["draft-coffee-shops"], await VisibleIdsAsync(page));
        });

    [Fact]
    public Task The_filters_live_in_the_url_fragment_and_come_back_on_reload_and_on_back() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("index.html"));
            await Select(page, "Verdict").SelectOptionAsync("supported");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Text" }).FillAsync("sleep");
            await Expect(page).ToHaveURLAsync(new Regex(@"index\.html#q=sleep&verdict=supported$"));
            Assert.Equal(["adults-need-seven-hours"], await VisibleIdsAsync(page));

            await page.ReloadAsync();
            await Expect(Select(page, "Verdict")).ToHaveValueAsync("supported");
            await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Text" })).ToHaveValueAsync("sleep");
            Assert.Equal(["adults-need-seven-hours"], await VisibleIdsAsync(page));

            await page.Locator("#claims").GetByRole(AriaRole.Link, new() { Name = "Adults need seven hours of sleep." }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Adults need seven hours of sleep.");
            await page.GoBackAsync();
            await Expect(Select(page, "Verdict")).ToHaveValueAsync("supported");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 / 7");
            Assert.Equal(["adults-need-seven-hours"], await VisibleIdsAsync(page));

            // Clearing the filters clears the fragment.
            await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("7 / 7");
            await Expect(page).ToHaveURLAsync(new Regex(@"index\.html#?$"));
        });

    [Fact]
    public Task A_link_with_filters_in_its_fragment_opens_the_index_filtered_and_ignores_values_that_no_option_has() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("index.html") + "#verdict=contradicted&tag=no-such-tag");
            await Expect(Select(page, "Verdict")).ToHaveValueAsync("contradicted");
            await Expect(Select(page, "Tag")).ToHaveValueAsync("");
            Assert.Equal(["sugar-hyperactivity"], await VisibleIdsAsync(page));
        });

    [Fact]
    public Task When_no_claim_matches_a_message_says_so_until_the_filters_match_again() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("index.html"));
            await Expect(page.GetByText("No claims match these filters.")).ToBeHiddenAsync();
            await Select(page, "Verdict").SelectOptionAsync("supported");
            await Select(page, "Tag").SelectOptionAsync("diet");
            await Expect(page.Locator("#filter-count")).ToHaveTextAsync("0 / 7");
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No claims match these filters." })).ToBeVisibleAsync();
            await Select(page, "Tag").SelectOptionAsync("");
            await Expect(page.GetByText("No claims match these filters.")).ToBeHiddenAsync();
        });

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public Task Verdict_badges_differ_in_colour_carry_a_symbol_and_their_text_contrasts_with_their_background(string scheme) =>
        GuardedPage.RunAsync(browser, new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light }, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("index.html"));
            var colours = new Dictionary<string, string>();
            foreach (var verdict in new[] { "supported", "partly-supported", "unverifiable", "unsupported", "contradicted" })
            {
                var badge = page.Locator($"#claims .badge.verdict-{verdict}").First;
                await Expect(badge).ToContainTextAsync(verdict);
                await Expect(badge.Locator(".symbol")).Not.ToBeEmptyAsync();
                var measured = await badge.EvaluateAsync<string[]>("""
                    e => {
                      const s = getComputedStyle(e);
                      const lum = c => { const [r, g, b] = c.match(/\d+/g).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                      const a = lum(s.color), b = lum(s.backgroundColor);
                      return [s.backgroundColor, String((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05))];
                    }
                    """);
                var (background, contrast) = (measured[0], double.Parse(measured[1], System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(contrast >= 4.5, $"{verdict} ({scheme}): contrast {contrast:0.0} below 4.5");
                colours[verdict] = background;
            }
            Assert.Equal(colours["unsupported"], colours["contradicted"]);
            Assert.Equal(4, colours.Values.Distinct().Count());
        });

    [Fact]
    public Task The_sources_page_is_in_the_navigation_and_links_identifiers_and_the_claims_citing_each_source() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("claims/fibre-gut.html"));
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Sources" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Sources");
            var rows = page.Locator("#sources tbody tr");
            await Expect(rows).ToHaveCountAsync(4);
            await Expect(rows.First).ToHaveAttributeAsync("data-id", "daily-news-2024");

            var walk = page.Locator("#sources tr[data-id='walk-trial-2021']");
            await Expect(walk.GetByRole(AriaRole.Link, new() { Name = "31234567" })).ToHaveAttributeAsync("href", "https://pubmed.ncbi.nlm.nih.gov/31234567/");
            await Expect(walk.GetByRole(AriaRole.Link, new() { Name = "10.5555/walk.2021.3" })).ToHaveAttributeAsync("href", "https://doi.org/10.5555/walk.2021.3");

            // The claims citing a source are behind its count; they open without a script and lead to the claim.
            var news = page.Locator("#sources tr[data-id='daily-news-2024']");
            var list = news.Locator("details li");
            await Expect(list.First).ToBeHiddenAsync();
            await news.GetByText("4 claims").ClickAsync();
            await Expect(list).ToHaveCountAsync(4);
            await list.GetByRole(AriaRole.Link, new() { Name = "Fish oil sharpens memory in older adults." }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Fish oil sharpens memory in older adults.");
        });

    public static TheoryData<string, string> PhonePages() => new()
    {
        { "verdicts", "index.html" },
        { "verdicts", "sources.html" },
        { "verdicts", "claims/walking-lowers-blood-pressure.html" },
        { "verdicts", "matrix.html" },
        { "repository", "index.html" },
        { "repository", "sources.html" },
        { "repository", "claims/panda-missed-lesions-31.html" },
        { "repository", "sources/qbitai-2025-06-25.html" },
        { "repository", "matrix.html" },
        { "english", "articles/coffee-and-sleep.html" },
    };

    [Theory]
    [MemberData(nameof(PhonePages))]
    public Task At_360_pixels_wide_nothing_scrolls_sideways_but_the_matrix(string site, string relative) =>
        GuardedPage.RunAsync(browser, Phone, async g =>
        {
            await g.GotoAsync(sites[site].Url(relative));
            var overflow = await g.Page.EvaluateAsync<string>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const out = [];
                  if (document.documentElement.scrollWidth > width) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
                  // Inside a scrolling wrapper only the matrix may be wider than the screen.
                  for (const wrap of document.querySelectorAll('.table-wrap')) {
                    if (wrap.scrollWidth > wrap.clientWidth + 1 && !wrap.querySelector('table.matrix')) out.push('a table scrolls: ' + wrap.firstElementChild.id);
                  }
                  return out.join('; ');
                }
                """);
            Assert.True(overflow.Length == 0, $"{site}/{relative} at 360 px: {overflow}");
        });

    [Fact]
    public Task On_a_phone_the_claims_and_the_sources_are_cards_with_labelled_values() =>
        GuardedPage.RunAsync(browser, Phone, async g =>
        {
            var page = g.Page;
            foreach (var (relative, table) in new[] { ("index.html", "claims"), ("sources.html", "sources") })
            {
                await g.GotoAsync(sites.Verdicts.Url(relative));
                var row = page.Locator($"#{table} tbody tr").First;
                await Expect(row).ToHaveCSSAsync("display", "block");
                await Expect(page.Locator($"#{table} thead")).ToBeHiddenAsync();
                var label = await row.Locator("td[data-label]").First.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content");
                Assert.Matches("^\"(Support|Publisher)\"$", label);
                var widths = await row.EvaluateAsync<double[]>("e => [e.getBoundingClientRect().width, document.documentElement.clientWidth]");
                Assert.True(widths[0] <= widths[1], $"a {table} card is {widths[0]} px wide on a {widths[1]} px screen");
            }
            // On a desktop the same rows are a table.
            await page.SetViewportSizeAsync(1280, 900);
            await Expect(page.Locator("#sources tbody tr").First).ToHaveCSSAsync("display", "table-row");
        });

    [Fact]
    public Task On_a_phone_the_matrix_keeps_its_first_column_in_view_and_the_chain_is_a_list() =>
        GuardedPage.RunAsync(browser, Phone, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Repository.Url("matrix.html"));
            var shift = await page.EvaluateAsync<double[]>("""
                () => {
                  const wrap = document.querySelector('.table-wrap');
                  const cell = document.querySelector('table.matrix tbody th.claim');
                  wrap.scrollLeft = 300;
                  return [wrap.scrollLeft, cell.getBoundingClientRect().left - wrap.getBoundingClientRect().left];
                }
                """);
            Assert.True(shift[0] > 0, "the matrix scrolls sideways inside its wrapper");
            Assert.InRange(shift[1], -1, 1);

            await g.GotoAsync(sites.Repository.Url("claims/panda-missed-lesions-31.html"));
            await Expect(page.Locator("svg.chain")).ToBeHiddenAsync();
            var chain = page.Locator("h2:has-text('Chain to primary sources') ~ ul").First;
            await Expect(chain).ToBeVisibleAsync();
            await Expect(chain.Locator("li").Filter(new() { HasText = "not cited for this claim" }).First).ToBeVisibleAsync();
            await page.SetViewportSizeAsync(1280, 900);
            await Expect(page.Locator("svg.chain")).ToBeVisibleAsync();
        });

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public Task The_page_title_is_larger_than_the_section_headings(int width) =>
        GuardedPage.RunAsync(browser, new() { ViewportSize = new() { Width = width, Height = 800 } }, async g =>
        {
            foreach (var relative in new[] { "index.html", "claims/walking-lowers-blood-pressure.html" })
            {
                await g.GotoAsync(sites.Verdicts.Url(relative));
                var sizes = await g.Page.EvaluateAsync<double[]>(
                    "() => [parseFloat(getComputedStyle(document.querySelector('h1')).fontSize), ...Array.from(document.querySelectorAll('h2')).map(h => parseFloat(getComputedStyle(h).fontSize))]");
                Assert.True(sizes.Skip(1).All(h2 => sizes[0] > h2 * 1.1), $"{relative} at {width} px: h1 {sizes[0]} px, h2 {string.Join(", ", sizes.Skip(1))} px");
            }
        });

    [Fact]
    public Task Printing_keeps_the_verdict_colours_and_shows_the_urls_of_links() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.Verdicts.Url("sources.html"));
            var screen = await page.Locator("#sources tr[data-id='sugar-trial-1995'] .identifiers a").Last.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
            Assert.Equal("none", screen);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var printed = await page.Locator("#sources tr[data-id='sugar-trial-1995'] .identifiers a").Last.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
            Assert.Contains("https://example.org/sugar-trial", printed);

            await g.GotoAsync(sites.Verdicts.Url("claims/sugar-hyperactivity.html"));
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var badge = page.Locator(".verdict-box .badge.verdict-contradicted");
            await Expect(badge).ToHaveCSSAsync("print-color-adjust", "exact");
            await Expect(badge).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
            var pdf = await page.PdfAsync(new() { PrintBackground = false });
            Assert.True(pdf.Length > 1000, "the claim page prints");
        });
}
