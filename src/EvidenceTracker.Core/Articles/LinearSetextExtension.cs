using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace EvidenceTracker.Articles;

/// <summary>
/// Keeps setext headings linear. When an underline (<c>===</c> or <c>---</c>) turns a paragraph into a heading,
/// Markdig (1.6) removes the paragraph from its container by searching the container from its first child, so a
/// document of N such headings costs N²: 100,000 of them (<c>a</c> and <c>=</c> on alternate lines, 400 KB) took
/// 3.2 s, and an article of <c>x</c> and 150,000 lines of <c>=</c> 2.5 s to check and 6.5 s to build. This paragraph
/// parser hands the paragraph, the last child of its container, to a stand-in container of the same kind just before
/// Markdig's own setext rule runs, so the search finds it at once; a paragraph the rule keeps is put back. Everything
/// else is Markdig's parser unchanged.
/// </summary>
public sealed class LinearSetextExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var index = pipeline.BlockParsers.FindIndex(p => p is ParagraphBlockParser);
        if (index >= 0 && pipeline.BlockParsers[index] is ParagraphBlockParser paragraphs and not Parser)
        {
            pipeline.BlockParsers[index] = new Parser { ParseSetextHeadings = paragraphs.ParseSetextHeadings };
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class Parser : ParagraphBlockParser
    {
        public override BlockState TryContinue(BlockProcessor processor, Block block)
        {
            if (processor.IsBlankLine || processor.IsCodeIndent || !ParseSetextHeadings || processor.TrackTrivia
                || block.Parent is not { Count: > 0 } parent || parent[parent.Count - 1] != block || !IsUnderline(processor.Line))
            {
                return base.TryContinue(processor, block);
            }
            // Of the same kind: the rule treats a lazy underline in a quote or a list item apart.
            ContainerBlock standIn = parent switch
            {
                QuoteBlock => new QuoteBlock(this),
                ListItemBlock => new ListItemBlock(this),
                _ => new MarkdownDocument(),
            };
            var index = parent.Count - 1;
            parent.RemoveAt(index);
            standIn.Add(block);
            var state = base.TryContinue(processor, block);
            if (block.Parent == standIn)
            {
                // not a heading after all: back where it was (a link reference definition it held may have been added since)
                standIn.RemoveAt(0);
                parent.Insert(index, block);
            }
            return state;
        }

        /// <summary>A run of one of <c>=</c> or <c>-</c>, then only spaces or tabs (Markdig's own test follows).</summary>
        private static bool IsUnderline(StringSlice line)
        {
            var c = line.CurrentChar;
            if (c is not ('=' or '-'))
            {
                return false;
            }
            while (line.CurrentChar == c)
            {
                line.NextChar();
            }
            while (line.CurrentChar.IsSpaceOrTab())
            {
                line.NextChar();
            }
            return line.IsEmpty;
        }
    }
}
