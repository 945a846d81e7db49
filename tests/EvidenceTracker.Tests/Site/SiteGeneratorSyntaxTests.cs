using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Articles;
using EvidenceTracker.Site;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Site;

/// <summary>
/// Raw HTML and the syntax of site generators (MkDocs spans, icons, marks, admonitions; Hugo shortcodes) show as their
/// text on the article page: never as escaped markup, never as an element of the article's HTML.
/// </summary>
public sealed class SiteGeneratorSyntaxTests
{
    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static AngleSharp.Dom.IElement ArticleOf(TempRepo repo, string id, out string html)
    {
        var site = SiteBuilder.Build(EvidenceQueries.Check(repo.Root));
        html = Encoding.UTF8.GetString(site[$"articles/{id}.html"]);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return page.QuerySelector("article")!;
    }

    [Fact]
    public void Mkdocs_spans_icons_marks_and_admonitions_show_as_their_text()
    {
        using var repo = new TempRepo();
        File.Copy(TestPaths.Fixture("mkdocs-site/docs/index.md"), repo.Full("articles/handbook.md"));
        var article = ArticleOf(repo, "handbook", out var html);
        var text = Squeeze(article.TextContent);
        Assert.Contains("New Cameras in 2023 recorded 85% of city streets.", text, StringComparison.Ordinal);
        Assert.Empty(article.QuerySelectorAll("span:not(.label), kbd"));
        Assert.DoesNotContain("&lt;", article.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(":material", html, StringComparison.Ordinal);
        Assert.DoesNotContain("==", article.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("!!!", article.InnerHtml, StringComparison.Ordinal);

        var note = article.QuerySelector("div.admonition.note")!;
        Assert.Equal("Heads up", note.QuerySelector("p.admonition-title")!.TextContent);
        Assert.Contains("Camera counts doubled in ten years.", Squeeze(note.TextContent), StringComparison.Ordinal);
        Assert.Contains("A marked word and Ctrl.", Squeeze(note.TextContent), StringComparison.Ordinal);
        Assert.Empty(article.QuerySelectorAll("pre, code"));

        var tip = article.QuerySelector("details.admonition.tip")!;
        Assert.True(tip.HasAttribute("open"));
        Assert.Equal("Tip", tip.QuerySelector("summary")!.TextContent);
        Assert.Contains("Read the guide first", tip.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Hugo_shortcodes_are_left_out_and_the_text_between_paired_ones_is_shown()
    {
        using var repo = new TempRepo();
        File.Copy(TestPaths.Fixture("hugo-site/content/posts/heat-pumps/index.md"), repo.Full("articles/heat-pumps.md"));
        var article = ArticleOf(repo, "heat-pumps", out var html);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("figure src", html, StringComparison.Ordinal);
        Assert.Contains("Prices vary by region.", article.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_blocks_become_their_text_and_scripts_styles_and_frames_leave_nothing()
    {
        using var repo = new TempRepo();
        repo.Write("articles/raw.md", """
            # Raw

            <div class="grid" onclick="alert(1)"><p>Inside a <b>div</b>.</p><iframe srcdoc="x">framed</iframe></div>

            <script>window.__pwned = 1</script>

            Inline <span style="color:red">red</span> and <script>window.__pwned = 2</script>after, a<br>break.

            <style>body { display: none }</style>
            """);
        var article = ArticleOf(repo, "raw", out _);
        var text = Squeeze(article.TextContent);
        Assert.Contains("Inside a div.", text, StringComparison.Ordinal);
        Assert.Contains("Inline red and after, a break.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", text, StringComparison.Ordinal);
        Assert.DoesNotContain("display", text, StringComparison.Ordinal);
        Assert.DoesNotContain("framed", text, StringComparison.Ordinal);
        Assert.Empty(article.QuerySelectorAll("div, span:not(.label), b, iframe, script, style, br"));
    }

    [Fact]
    public void The_parser_reads_admonition_content_as_paragraphs_with_their_footnote_markers()
    {
        var document = ArticleParser.Parse(File.ReadAllText(TestPaths.Fixture("mkdocs-site/docs/index.md")));
        var block = Assert.Single(document.Blocks, b => b.Text.Contains("Camera counts doubled", StringComparison.Ordinal));
        Assert.Equal("2", Assert.Single(block.Markers).Label);
        Assert.Contains(document.Blocks, b => Squeeze(b.Text) == "A marked word and Ctrl.");
        Assert.DoesNotContain(document.Blocks, b => b.Text.Contains("material", StringComparison.Ordinal));
    }
}
