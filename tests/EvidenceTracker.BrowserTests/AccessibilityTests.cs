using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EvidenceTracker.BrowserTests.Support;
using Microsoft.Playwright;

namespace EvidenceTracker.BrowserTests;

/// <summary>axe-core on every kind of page, in light and dark colour schemes: no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser, Sites sites)
{
    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var scheme in new[] { "light", "dark" })
        {
            foreach (var page in new[] { "index.html", "articles/coffee-and-sleep.html", "claims/coffee-cuts-sleep-41-minutes.html", "claims/decaf-no-effect.html", "sources/smith-2023-caffeine.html", "matrix.html" })
            {
                data.Add("english", page, scheme);
            }
            foreach (var page in new[] { "index.html", "articles/damo-grape-ct-screening.html", "claims/panda-missed-lesions-31.html", "sources/cao-2023-panda.html", "matrix.html", "sources.html" })
            {
                data.Add("repository", page, scheme);
            }
            foreach (var page in new[] { "index.html", "articles/tea-longevity.html", "articles/tea-english.html", "claims/tea-cuts-mortality-15.html" })
            {
                data.Add("bilingual", page, scheme);
            }
            foreach (var page in new[] { "index.html", "sources.html", "claims/sugar-hyperactivity.html", "claims/walking-lowers-blood-pressure.html", "claims/fish-oil-memory.html", "claims/draft-coffee-shops.html" })
            {
                data.Add("verdicts", page, scheme);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_has_no_serious_or_critical_axe_violations(string site, string relative, string scheme) =>
        GuardedPage.RunAsync(browser, new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light }, async g =>
        {
            await g.GotoAsync(sites[site].Url(relative));
            // axe preloads the page's stylesheets with XHR, which the page's CSP (no connect-src) rightly refuses; the
            // refusal is logged as a console error caused by the test tool, not the page, and only that one is tolerated.
            var result = await g.ToleratingAsync(AxePreload.IsMatch, () => g.Page.RunAxe());
            var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(bad.Count == 0, $"axe on {site}/{relative} ({scheme}):\n{Describe(bad)}");
            var minor = result.Violations.Except(bad).ToList();
            if (minor.Count > 0)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"minor axe findings on {site}/{relative} ({scheme}):\n{Describe(minor)}");
            }
        });

    private static readonly System.Text.RegularExpressions.Regex AxePreload = new(
        @"^Connecting to 'file:[^']*/assets/style\.css' violates the following Content Security Policy directive: ""default-src 'none'""\. Note that 'connect-src' was not explicitly set",
        System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var sb = new StringBuilder();
        foreach (var v in violations)
        {
            sb.AppendLine($"- {v.Impact} {v.Id}: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(5))
            {
                sb.AppendLine($"    {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    sb.AppendLine($"      {check.Message}");
                }
            }
            if (v.Nodes.Length > 5)
            {
                sb.AppendLine($"    … and {v.Nodes.Length - 5} more");
            }
        }
        return sb.ToString();
    }
}
