using System.Text.RegularExpressions;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EvidenceTracker.Articles;

/// <summary>
/// Markdig reads <see cref="AdmonitionBlock"/>s: a line <c>!!! kind "Title"</c>, <c>??? kind</c>, <c>???+ kind</c> or
/// <c>=== "Tab"</c>, then every following line indented by four spaces or more (blank lines between them included).
/// In HTML an admonition is a <c>div</c> (a collapsible one a <c>details</c>) with its title and its content; every
/// value is escaped.
/// </summary>
public sealed partial class AdmonitionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.BlockParsers.Contains<Parser>())
        {
            pipeline.BlockParsers.Insert(0, new Parser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.Insert(0, new Renderer());
        }
    }

    [GeneratedRegex(@"^(?<m>!!!|\?\?\?\+?)[ \t]+(?<k>[A-Za-z][\w-]{0,40})(?:[ \t]+[A-Za-z][\w-]{0,40}){0,5}(?:[ \t]+""(?<t>[^""\n]{0,300})"")?[ \t]*$|^(?<m>===\+?)[ \t]+""(?<t>[^""\n]{0,300})""[ \t]*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex OpeningRegex();

    private sealed class Parser : BlockParser
    {
        public Parser()
        {
            OpeningCharacters = ['!', '?', '='];
        }

        public override BlockState TryOpen(BlockProcessor processor)
        {
            if (processor.IsCodeIndent)
            {
                return BlockState.None;
            }
            var line = processor.Line.ToString();
            var m = OpeningRegex().Match(line);
            if (!m.Success)
            {
                return BlockState.None;
            }
            var marker = m.Groups["m"].Value;
            var tab = marker.StartsWith('=');
            processor.NewBlocks.Push(new AdmonitionBlock(this)
            {
                Kind = tab ? "tab" : m.Groups["k"].Value.ToLowerInvariant(),
                Title = m.Groups["t"].Success ? m.Groups["t"].Value : null,
                Collapsible = marker.StartsWith('?'),
                Open = marker == "???+",
                Column = processor.Column,
                Span = new SourceSpan(processor.Start, processor.Line.End),
            });
            return BlockState.ContinueDiscard;
        }

        public override BlockState TryContinue(BlockProcessor processor, Block block)
        {
            if (processor.IsBlankLine)
            {
                return BlockState.Continue;
            }
            if (processor.Indent >= 4)
            {
                processor.GoToColumn(processor.ColumnBeforeIndent + 4);
                block.UpdateSpanEnd(processor.Line.End);
                return BlockState.Continue;
            }
            return BlockState.None;
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<AdmonitionBlock>
    {
        protected override void Write(HtmlRenderer renderer, AdmonitionBlock obj)
        {
            var kind = new string([.. obj.Kind.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
            var title = obj.Title ?? (kind.Length > 0 ? char.ToUpperInvariant(kind[0]) + kind[1..] : "");
            renderer.EnsureLine();
            if (obj.Collapsible)
            {
                renderer.Write("<details class=\"admonition ").Write(kind).Write(obj.Open ? "\" open>" : "\">");
                renderer.Write("<summary>").WriteEscape(title).WriteLine("</summary>");
            }
            else
            {
                renderer.Write("<div class=\"admonition ").Write(kind).WriteLine("\">");
                if (title.Length > 0)
                {
                    renderer.Write("<p class=\"admonition-title\">").WriteEscape(title).WriteLine("</p>");
                }
            }
            renderer.WriteChildren(obj);
            renderer.EnsureLine();
            renderer.WriteLine(obj.Collapsible ? "</details>" : "</div>");
        }
    }
}
