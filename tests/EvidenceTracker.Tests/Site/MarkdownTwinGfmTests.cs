using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;
using Markdig;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// The Markdown pages read as GitHub reads them: each is rendered by an independent GFM-like reader (Markdig's advanced
/// pipeline, which the site's writer does not use), and every link must resolve — a relative link to a page the site
/// has, an http(s) URL with no backslash in it — and no <c>**</c> or <c>\</c> may show that the source did not show.
/// </summary>
public class MarkdownTwinGfmTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static TheoryData<string> Repositories() => new()
    {
        ".",
        "site/bilingual",
        "site/english",
        "clean",
        "seed-article",
        "articles-en",
    };

    private static string Root(string name) => name == "." ? TestPaths.RepoRoot : TestPaths.Fixture(name);

    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<code>.*?</code>", " ", RegexOptions.Singleline), "<[^>]+>", " "));

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Every_link_of_every_markdown_page_resolves_as_gfm_reads_it(string repository)
    {
        var site = SiteBuilder.Build(EvidenceQueries.Check(Root(repository)));
        var problems = new List<string>();
        var links = 0;
        foreach (var (path, bytes) in site.Where(p => p.Key.EndsWith(".md", StringComparison.Ordinal)))
        {
            var html = Markdown.ToHtml(Encoding.UTF8.GetString(bytes), Gfm);
            foreach (Match m in Regex.Matches(html, "<a href=\"([^\"]*)\""))
            {
                links++;
                var href = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal))
                {
                    if (href.Contains('\\', StringComparison.Ordinal) || !Uri.TryCreate(href, UriKind.Absolute, out _))
                    {
                        problems.Add($"{path}: broken URL {href}");
                    }
                    continue;
                }
                if (href.StartsWith('#'))
                {
                    continue; // the article's own footnotes
                }
                var target = href.Split('#')[0];
                var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
                var full = Path.GetFullPath(Path.Combine("/site", folder, Uri.UnescapeDataString(target))).Replace('\\', '/');
                var resolved = full.StartsWith("/site/", StringComparison.Ordinal) ? full[6..] : full;
                if (!site.ContainsKey(resolved))
                {
                    problems.Add($"{path}: link to {href} ({resolved}) which the site does not have");
                }
            }
        }
        Assert.True(links > 0, "the pages have links");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void No_emphasis_marker_or_backslash_shows_in_a_markdown_page_that_its_source_did_not_show(string repository)
    {
        var report = EvidenceQueries.Check(Root(repository));
        var site = SiteBuilder.Build(report);
        var problems = new List<string>();
        foreach (var (path, bytes) in site.Where(p => p.Key.EndsWith(".md", StringComparison.Ordinal)))
        {
            var text = Visible(Markdown.ToHtml(Encoding.UTF8.GetString(bytes), Gfm));
            // What the source itself shows: the article's own text read the same way (other pages' data has none here).
            var article = path.StartsWith("articles/", StringComparison.Ordinal)
                ? report.Set.Articles.First(a => $"articles/{a.Id}.md" == path).Text
                : "";
            var source = Visible(Markdown.ToHtml(article, Gfm));
            foreach (var literal in new[] { "**", "\\" })
            {
                var shown = Regex.Matches(text, Regex.Escape(literal)).Count;
                var own = Regex.Matches(source, Regex.Escape(literal)).Count;
                if (shown > own)
                {
                    var at = text.IndexOf(literal, StringComparison.Ordinal);
                    problems.Add($"{path}: '{literal}' shows {shown} times (the source: {own}), first at …{text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)]}…");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void An_excerpt_that_is_a_whole_bold_span_after_a_chinese_character_is_linked_around_the_bold()
    {
        var md = Encoding.UTF8.GetString(SiteBuilder.Build(EvidenceQueries.Check(TestPaths.Fixture(Path.Combine("site", "bilingual"))))["articles/tea-longevity.md"]);
        // 认为**绿茶中的多酚起了主要作用**。: a link inside the bold (认为**[绿…) would stop ** from opening.
        Assert.Contains("认为[**绿茶中的多酚起了主要作用**](../claims/tea-polyphenols.md) `仅引用`。", md);
        var html = Markdown.ToHtml(md, Gfm);
        Assert.Contains("<a href=\"../claims/tea-polyphenols.md\"><strong>绿茶中的多酚起了主要作用</strong></a>", html);
        // 这项研究**最早于2022年发表**: an excerpt that starts the bold but does not end it cannot be linked without breaking it.
        Assert.Contains("这项研究**最早于2022年发表**", md);
        Assert.Contains("<strong>最早于2022年发表</strong>", html);
    }
}
