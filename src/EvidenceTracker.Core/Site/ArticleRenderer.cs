using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>A passage of the article to highlight: an excerpt with the claim it belongs to, or an uncited sentence.</summary>
/// <remarks>
/// A highlight that <see cref="FillsGaps"/> (an uncited sentence) marks only the parts of its text that no other
/// highlight (a tracked excerpt inside the sentence) already marks, so marks never nest.
/// </remarks>
public sealed record Highlight(string Text, string CssClass, string Label, string? Href, string Title, bool FillsGaps = false);

/// <summary>
/// Renders an article's Markdown to HTML with Markdig: one pipeline, built once, with raw HTML disabled
/// (it shows as text), links kept only for http(s) URLs and the article's own fragments, images reduced
/// to their text (no request leaves the page), and tracked passages wrapped in <c>mark</c> elements.
/// </summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <param name="title">The page's title, already shown as its heading: a first-level heading that opens the
    /// article with the same text is dropped rather than shown twice.</param>
    public static string Render(string markdown, IReadOnlyList<Highlight> highlights, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(highlights);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var front in document.Descendants<YamlFrontMatterBlock>().ToList())
        {
            front.Parent?.Remove(front);
        }
        if (title is not null && document.Count > 0 && document[0] is HeadingBlock { Level: 1, Inline: { } heading }
            && string.Concat(heading.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim() == title.Trim())
        {
            document.RemoveAt(0);
        }
        Sanitize(document);
        if (highlights.Count > 0)
        {
            foreach (var leaf in document.Descendants<LeafBlock>().Where(b => b.Inline is not null).ToList())
            {
                Mark(leaf.Inline!, highlights);
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Links to anything but http(s) and local fragments become their text; images become their alt text.</summary>
    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            var keep = !link.IsImage && (SafeUrl.IsExternalHttp(url) || (url is not null && url.StartsWith('#') && !url.Any(char.IsWhiteSpace)));
            if (!keep)
            {
                Unwrap(link);
            }
        }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            if (auto.IsEmail || !SafeUrl.IsExternalHttp(auto.Url))
            {
                auto.ReplaceBy(new LiteralInline(auto.Url));
            }
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        var children = container.ToList();
        Inline anchor = new LiteralInline("");
        container.ReplaceBy(anchor);
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
    }

    /// <summary>Wraps each occurrence of a highlight's text found in the literal text of one block.</summary>
    private static void Mark(ContainerInline inline, IReadOnlyList<Highlight> highlights)
    {
        var literals = inline.Descendants<LiteralInline>().ToList();
        if (literals.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        var starts = new List<int>(literals.Count);
        foreach (var l in literals)
        {
            starts.Add(text.Length);
            text.Append(l.Content.AsSpan());
        }
        var plain = text.ToString();
        // Ranges to mark, first come first served: overlapping highlights do not nest.
        var ranges = new List<(int Start, int End, Highlight H, bool Label)>();
        foreach (var h in highlights.Where(h => !h.FillsGaps))
        {
            foreach (var (at, end) in Occurrences(plain, h.Text))
            {
                if (!ranges.Any(r => r.Start < end && at < r.End))
                {
                    ranges.Add((at, end, h, true));
                }
            }
        }
        foreach (var h in highlights.Where(h => h.FillsGaps))
        {
            foreach (var (at, end) in Occurrences(plain, h.Text))
            {
                // The parts of the sentence between the marks already there; the last part carries the label.
                var taken = ranges.Where(r => r.Start < end && at < r.End).OrderBy(r => r.Start).ToList();
                var gaps = new List<(int Start, int End)>();
                var cursor = at;
                foreach (var r in taken)
                {
                    if (r.Start > cursor)
                    {
                        gaps.Add((cursor, r.Start));
                    }
                    cursor = Math.Max(cursor, r.End);
                }
                if (cursor < end)
                {
                    gaps.Add((cursor, end));
                }
                for (var g = 0; g < gaps.Count; g++)
                {
                    ranges.Add((gaps[g].Start, gaps[g].End, h, g == gaps.Count - 1));
                }
            }
        }
        if (ranges.Count == 0)
        {
            return;
        }
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < literals.Count; i++)
        {
            var literal = literals[i];
            var s = starts[i];
            var content = literal.Content.ToString();
            var e = s + content.Length;
            var pieces = new List<Inline>();
            var cursor = s;
            foreach (var (start, end, h, label) in ranges.Where(r => r.Start < e && s < r.End))
            {
                var from = Math.Max(start, s);
                var to = Math.Min(end, e);
                if (from > cursor)
                {
                    pieces.Add(new LiteralInline(content[(cursor - s)..(from - s)]));
                }
                // The last piece of a highlight carries its text label (colour is never the only carrier).
                pieces.Add(new HtmlInline(MarkHtml(content[(from - s)..(to - s)], h, withLabel: label && to == end)));
                cursor = to;
            }
            if (pieces.Count == 0)
            {
                continue;
            }
            if (cursor < e)
            {
                pieces.Add(new LiteralInline(content[(cursor - s)..]));
            }
            Inline previous = literal;
            foreach (var p in pieces)
            {
                previous.InsertAfter(p);
                previous = p;
            }
            literal.Remove();
        }
    }

    private static IEnumerable<(int Start, int End)> Occurrences(string text, string part)
    {
        if (part.Length == 0)
        {
            yield break;
        }
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            yield return (at, at + part.Length);
        }
    }

    private static string MarkHtml(string text, Highlight h, bool withLabel)
    {
        var mark = new Element("mark").Class(h.CssClass).Attr("title", h.Title);
        mark.Add(h.Href is null ? new TextNode(text) : new Element("a", new TextNode(text)).Href(h.Href));
        if (withLabel)
        {
            mark.Add(new Element("span", new TextNode(h.Label)).Class("label"));
        }
        return mark.ToString();
    }
}
