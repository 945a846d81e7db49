using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>A passage of the article to highlight: an excerpt with the claim it belongs to, or an uncited sentence.</summary>
public sealed record Highlight(string Text, string CssClass, string Label, string? Href, string Title);

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
        var ranges = new List<(int Start, int End, Highlight H)>();
        foreach (var h in highlights)
        {
            if (h.Text.Length == 0)
            {
                continue;
            }
            for (var at = plain.IndexOf(h.Text, StringComparison.Ordinal); at >= 0; at = plain.IndexOf(h.Text, at + h.Text.Length, StringComparison.Ordinal))
            {
                var end = at + h.Text.Length;
                if (!ranges.Any(r => r.Start < end && at < r.End))
                {
                    ranges.Add((at, end, h));
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
            foreach (var (start, end, h) in ranges.Where(r => r.Start < e && s < r.End))
            {
                var from = Math.Max(start, s);
                var to = Math.Min(end, e);
                if (from > cursor)
                {
                    pieces.Add(new LiteralInline(content[(cursor - s)..(from - s)]));
                }
                // The last piece of a highlight carries its text label (colour is never the only carrier).
                pieces.Add(new HtmlInline(MarkHtml(content[(from - s)..(to - s)], h, withLabel: to == end)));
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
