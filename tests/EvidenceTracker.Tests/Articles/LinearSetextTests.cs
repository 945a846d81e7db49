using EvidenceTracker.Articles;
using Markdig;
using Markdig.Syntax;

namespace EvidenceTracker.Tests.Articles;

/// <summary>The setext heading fix changes Markdig's time, never its reading.</summary>
public class LinearSetextTests
{
    private static readonly MarkdownPipeline Markdig = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseFootnotes().Build();

    private static readonly MarkdownPipeline Linear = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseFootnotes()
        .Use<LinearSetextExtension>().Build();

    /// <summary>Lines that make, break or interrupt setext headings: underlines, lazy lines, quotes, lists, code, definitions.</summary>
    private static readonly string[] Lines =
    [
        "a", "Foo *bar*", "=", "===", "---", "-", "  ==  ", "    ===", "\t---", "= =", "> a", "> =", "> ---", "- a", "- =",
        "  =", "  ---", "1. a", "", "[x]: /url", "[x]", "# h", "```", "<div>", "b  ", "[^1]: note", "    code", "***",
    ];

    [Theory]
    [InlineData("Foo *bar*\n=========\n\nFoo *bar*\n---------\n")]
    [InlineData("Foo\nBar\n---\n")]
    [InlineData("> foo\nbar\n===\n")]
    [InlineData("- foo\n---\n")]
    [InlineData("[foo]: /url\n===\n[foo]\n")]
    [InlineData("    Foo\n    ---\n")]
    [InlineData("Foo\n= =\n")]
    public void Setext_headings_read_as_markdig_reads_them(string markdown) =>
        Assert.Equal(Markdown.ToHtml(markdown, Markdig), Markdown.ToHtml(markdown, Linear));

    [Fact]
    public void Thousands_of_random_documents_of_setext_lines_read_as_markdig_reads_them()
    {
        var random = new Random(18);
        for (var round = 0; round < 3_000; round++)
        {
            var markdown = string.Join('\n', Enumerable.Range(0, random.Next(1, 24)).Select(_ => Lines[random.Next(Lines.Length)])) + "\n";
            Assert.True(Markdown.ToHtml(markdown, Markdig) == Markdown.ToHtml(markdown, Linear), markdown);
        }
    }

    [Fact]
    public void Positions_of_setext_headings_are_markdigs()
    {
        const string markdown = "Intro\n\nTitle\n=====\n\n> Quote\n> -----\n";
        var expected = Markdown.Parse(markdown, Markdig).Descendants().Select(b => (b.GetType().Name, b.Span.Start, b.Span.End, b.Line, b.Column));
        var actual = Markdown.Parse(markdown, Linear).Descendants().Select(b => (b.GetType().Name, b.Span.Start, b.Span.End, b.Line, b.Column));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task An_article_of_a_million_underlines_is_read_in_one_pass()
    {
        // 150,000 lines of '=' took 2.5 s to check: Markdig searched its document from the top for each heading's
        // paragraph. A million would take minutes. Capped like the fuzz harness: a hang fails, time is not measured.
        var text = "x\n" + string.Concat(Enumerable.Repeat("=\n", 1_000_000));
        var document = await Task.Run(() => ArticleParser.Parse(text), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(500_001, document.Blocks.Count);
    }
}
