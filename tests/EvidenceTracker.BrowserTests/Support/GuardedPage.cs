using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace EvidenceTracker.BrowserTests.Support;

/// <summary>
/// A browser context and page that record everything a page of the evidence map must never do: log a
/// console error (a Content-Security-Policy refusal shows up there too), throw an uncaught error, open a
/// dialog, or make a request to anything but a file:// URL (such requests are also aborted, so nothing
/// leaves the machine). <see cref="RunAsync"/> fails the test on any of them, and adds them to any other failure.
/// </summary>
public sealed class GuardedPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private volatile Func<string, bool>? _tolerated;

    private GuardedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Problems => _problems;

    public static async Task<GuardedPage> OpenAsync(BrowserFixture fixture, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var browser = fixture.Require();
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        var guarded = new GuardedPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && guarded._tolerated?.Invoke(message.Text) != true)
            {
                guarded._problems.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => guarded._problems.Enqueue($"uncaught error on {page.Url}: {error}");
        page.Dialog += async (_, dialog) =>
        {
            guarded._problems.Enqueue($"a {dialog.Type} dialog opened on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!IsLocal(request.Url))
            {
                guarded._problems.Enqueue($"request leaving the page from {page.Url}: {request.Method} {request.Url}");
            }
        };
        await context.RouteAsync(url => !IsLocal(url), route => route.AbortAsync("blockedbyclient"));
        return guarded;
    }

    private static bool IsLocal(string url) => url.StartsWith("file://", StringComparison.Ordinal);

    public async Task GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url);
        Assert.True(response is null || response.Ok, $"{url} did not load");
    }

    /// <summary>
    /// Runs a test tool inside the page (axe) while tolerating the console errors it alone causes, which
    /// <paramref name="tolerated"/> matches; everything else is still recorded.
    /// </summary>
    public async Task<T> ToleratingAsync<T>(Func<string, bool> tolerated, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _tolerated = tolerated;
        try
        {
            return await action();
        }
        finally
        {
            _tolerated = null;
        }
    }

    /// <summary>Fails with every recorded problem.</summary>
    public void AssertClean() =>
        Assert.True(_problems.IsEmpty, "the page misbehaved:\n" + string.Join("\n", _problems));

    /// <summary>Runs a test body on a fresh guarded page, then fails on any recorded problem.</summary>
    public static async Task RunAsync(BrowserFixture fixture, BrowserNewContextOptions? options, Func<GuardedPage, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var guarded = await OpenAsync(fixture, options);
        try
        {
            await body(guarded);
        }
        catch (Exception e) when (!guarded._problems.IsEmpty && e is not Xunit.Sdk.SkipException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nand the page misbehaved:\n{string.Join("\n", guarded._problems)}", e);
        }
        guarded.AssertClean();
    }

    public static Task RunAsync(BrowserFixture fixture, Func<GuardedPage, Task> body) => RunAsync(fixture, null, body);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
