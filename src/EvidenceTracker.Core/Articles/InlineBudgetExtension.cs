using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Articles;

/// <summary>
/// Keeps Markdig's inline parsing linear: a paragraph or heading that holds more link brackets, emphasis marks and bare
/// links than any prose does (<see cref="MaxMarks"/>), or a line of more table cells than any table has
/// (<see cref="MaxCells"/>), is read as plain text, its lines as literal text at their source
/// positions, and <see cref="ReadAsText"/> says so.
/// </summary>
/// <remarks>
/// Markdig's inline parsers look back over every open bracket or delimiter, or forward over the rest of the paragraph,
/// at each new one: time that grows with the square of their number. Measured on one paragraph (Release build, this
/// project's pipelines): <c>[^</c> 4,000 times then <c>]</c> 4,000 times, 11 KB, 0.65 s; <c>http://a.b/ </c> 32,000
/// times, 375 KB, 17.8 s; <c>_a </c>, <c>**a </c>, <c>[a][</c> 8,000 times, 0.3–0.5 s; <c>|---|</c> 41,000 times on one
/// line (206 KB, the pipe-table extension of the article page) 17.4 s. At 512 marks each of them costs
/// under 3 ms, and no paragraph of real prose comes near that many.
/// </remarks>
public sealed class InlineBudgetExtension : IMarkdownExtension
{
    /// <summary>The most <c>[</c>, <c>*</c>, <c>_</c> and <c>://</c> one paragraph or heading may hold and be parsed as Markdown.</summary>
    public const int MaxMarks = 512;

    /// <summary>The most <c>|</c> one line of a paragraph may hold and be parsed as Markdown (a table row of 256 cells).</summary>
    public const int MaxCells = 256;

    private static readonly object Key = new();

    private static readonly string Held = "]" + ArticleParser.HeldParenthesis;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= OnClosed;
            parser.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Whether <paramref name="block"/> held too many marks and was read as plain text.</summary>
    public static bool ReadAsText(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.GetData(Key) is true;
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is not LeafBlock { ProcessInlines: true } leaf || !OverBudget(leaf.Lines))
        {
            return;
        }
        leaf.ProcessInlines = false;
        leaf.SetData(Key, true);
        var inline = new ContainerInline();
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (i > 0)
            {
                inline.AppendChild(new LineBreakInline { Span = new SourceSpan(slice.Start - 1, slice.Start - 1) });
            }
            inline.AppendChild(new LiteralInline(slice) { Span = new SourceSpan(slice.Start, slice.End) });
        }
        leaf.Inline = inline;
    }

    private static bool OverBudget(StringLineGroup lines)
    {
        var marks = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines.Lines[i].Slice.AsSpan();
            if (line.Count('|') > MaxCells)
            {
                return true; // a table row of more cells than any table has: the pipe-table parser's time grows with their square
            }
            // a bracket closed before a held parenthesis ([a]( that never closes, see ArticleParser.HoldOpenDestinations)
            // is read in constant time: it does not count
            marks += line.Count('[') - line.Count(Held) + line.Count('*') + line.Count('_') + line.Count("://");
            if (marks > MaxMarks)
            {
                return true;
            }
        }
        return false;
    }
}
