using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EvidenceTracker.BrowserTests;

/// <summary>Screenshots to look at, print, and a phone-width viewport.</summary>
public sealed class LayoutTests(BrowserFixture browser, Sites sites)
{
    /// <summary>Screenshots stay after the run, here (or in EVIDENCE_SCREENSHOTS), to be looked at.</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("EVIDENCE_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Sites.RepoRoot, "tests", "EvidenceTracker.BrowserTests", "bin", "screenshots");

    public static TheoryData<string, string, string, string> Screenshots() => new()
    {
        { "repository", "index.html", "light", "desktop" },
        { "repository", "articles/damo-grape-ct-screening.html", "light", "desktop" },
        { "repository", "index.html", "dark", "desktop" },
        { "repository", "articles/damo-grape-ct-screening.html", "dark", "phone" },
        { "repository", "claims/panda-missed-lesions-31.html", "light", "desktop" },
        { "english", "index.html", "light", "desktop" },
        { "english", "articles/coffee-and-sleep.html", "light", "desktop" },
        { "english", "claims/coffee-cuts-sleep-41-minutes.html", "dark", "desktop" },
        { "english", "matrix.html", "light", "phone" },
        { "hostile", "articles/hostile-article.html", "light", "desktop" },
        { "repository", "index.html", "light", "phone360" },
        { "repository", "claims/panda-missed-lesions-31.html", "light", "phone360" },
        { "repository", "claims/panda-missed-lesions-31.html", "dark", "desktop" },
        { "repository", "sources.html", "light", "desktop" },
        { "repository", "sources.html", "dark", "phone360" },
        { "repository", "matrix.html", "light", "phone360" },
        { "verdicts", "index.html", "light", "desktop" },
        { "verdicts", "index.html", "dark", "phone360" },
        { "verdicts", "claims/walking-lowers-blood-pressure.html", "light", "phone360" },
        { "verdicts", "sources.html", "light", "phone360" },
    };

    [Theory]
    [MemberData(nameof(Screenshots))]
    public Task A_screenshot_of_the_page_is_kept_as_test_output(string site, string relative, string scheme, string device) =>
        GuardedPage.RunAsync(browser, new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = device switch
            {
                "phone" => new() { Width = 375, Height = 812 },
                "phone360" => new() { Width = 360, Height = 740 },
                _ => new() { Width = 1280, Height = 900 },
            },
        }, async g =>
        {
            await g.GotoAsync(sites[site].Url(relative));
            Directory.CreateDirectory(ScreenshotFolder);
            var name = $"{site}-{Path.GetFileNameWithoutExtension(relative)}-{scheme}-{device}.png";
            var path = Path.Combine(ScreenshotFolder, name);
            var png = await g.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(png.Length > 10_000, $"{name} is suspiciously small ({png.Length} bytes)");
            TestContext.Current.AddAttachment(name, png, "image/png");
            // The first screen alone, at full resolution: what a reader sees on arrival (long pages shrink in a viewer).
            var top = Path.ChangeExtension(path, null) + "-top.png";
            await g.Page.ScreenshotAsync(new() { Path = top });
            TestContext.Current.TestOutputHelper?.WriteLine($"screenshots: {path} and {top}");
        });

    public static TheoryData<string, string> AllKindsOfPages() => new()
    {
        { "repository", "index.html" },
        { "repository", "articles/damo-grape-ct-screening.html" },
        { "repository", "claims/panda-missed-lesions-31.html" },
        { "repository", "claims/grape-sensitivity-85-1.html" },
        { "repository", "sources/cao-2023-panda.html" },
        { "repository", "matrix.html" },
        { "english", "index.html" },
        { "english", "articles/coffee-and-sleep.html" },
        { "english", "claims/coffee-cuts-sleep-41-minutes.html" },
        { "english", "sources/smith-2023-caffeine.html" },
        { "english", "matrix.html" },
        { "hostile", "sources/hostile-source.html" },
    };

    [Theory]
    [MemberData(nameof(AllKindsOfPages))]
    public Task At_375_pixels_wide_the_page_body_does_not_scroll_sideways(string site, string relative) =>
        GuardedPage.RunAsync(browser, new() { ViewportSize = new() { Width = 375, Height = 812 } }, async g =>
        {
            await g.GotoAsync(sites[site].Url(relative));
            var widths = await g.Page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.body.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2],
                $"{site}/{relative} is {widths[0]} px wide (body {widths[1]} px) in a {widths[2]} px viewport; widest elements:\n" +
                await WidestAsync(g.Page, widths[2]));
        });

    /// <summary>The elements sticking out of the viewport, outside any scrolling wrapper: for the failure message.</summary>
    private static Task<string> WidestAsync(IPage page, int width) => page.EvaluateAsync<string>("""
        (width) => Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap'))
          .slice(0, 10)
          .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
          .join('\n')
        """, width);

    [Fact]
    public Task Printing_shows_no_filter_form_and_no_navigation() =>
        GuardedPage.RunAsync(browser, async g =>
        {
            var page = g.Page;
            await g.GotoAsync(sites.English.Url("index.html"));
            await Expect(page.Locator("#filters")).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.Locator("#filters")).ToBeHiddenAsync();
            await Expect(page.Locator("header.site nav")).ToBeHiddenAsync();
            await Expect(page.Locator("#claims")).ToBeVisibleAsync();
            var pdf = await page.PdfAsync();
            Assert.True(pdf.Length > 1000, "the index prints");
        });

    [Fact]
    public Task The_dark_colour_scheme_changes_the_page_colours() =>
        GuardedPage.RunAsync(browser, new() { ColorScheme = ColorScheme.Dark }, async g =>
        {
            await g.GotoAsync(sites.English.Url("index.html"));
            await Expect(g.Page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(13, 17, 23)");
            await g.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await Expect(g.Page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(255, 255, 255)");
        });
}
