using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(EvidenceTracker.BrowserTests.Support.BrowserFixture))]

namespace EvidenceTracker.BrowserTests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's /usr/bin/chromium (or the executable named
/// by EVIDENCE_CHROMIUM), driven by Playwright through ExecutablePath — Playwright never downloads a browser.
/// Where no Chromium is installed, every browser test skips with <see cref="SkipReason"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Without the networking flags Chromium reaches out to Google (component updates, sync, field trials);
    /// without --no-sandbox it refuses to start as root.
    /// </summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("EVIDENCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            SkipReason = $"Chromium is not installed at {ExecutablePath} (apt-get install chromium, or set EVIDENCE_CHROMIUM)";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The browser, or a skip of the current test with the reason it is missing.</summary>
    public IBrowser Require()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        return Browser!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
