using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>
/// Raw HTML in an article (MkDocs <c>&lt;span&gt;</c>, <c>&lt;div markdown&gt;</c>, <c>&lt;kbd&gt;</c>, embeds) is shown as
/// its text, never as markup and never as escaped tags: an inline tag is dropped (the text around and between tags
/// stays, as the article parser reads it), a line break becomes a space, the content of an inline script or style is
/// dropped with it; an HTML block becomes a paragraph of its text content (scripts, styles, frames, objects and
/// templates left out; tags stripped by a linear scan, never a tree builder), or nothing when it has no text. No
/// element of the article's HTML reaches the page.
/// </summary>
internal static class RawHtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "head", "title", "textarea", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article",
        "blockquote", "pre", "figure", "figcaption", "details", "summary", "dt", "dd", "hr",
    };

    public static void Apply(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<HtmlBlock>().ToList())
        {
            var text = Quotes.HtmlFallback.Extract(block.Lines.ToString(), Dropped, Blocks);
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var parent = block.Parent;
            if (parent is null)
            {
                continue;
            }
            var index = parent.IndexOf(block);
            parent.RemoveAt(index);
            if (text.Length > 0)
            {
                var inline = new ContainerInline();
                inline.AppendChild(new LiteralInline(text));
                parent.Insert(index, new ParagraphBlock { Inline = inline });
            }
        }
        foreach (var html in document.Descendants<HtmlInline>().ToList())
        {
            if (html.Parent is null)
            {
                continue; // removed with an inline script before it
            }
            var tag = TagName(html.Tag);
            if (tag is "script" or "style" && !html.Tag.StartsWith("</", StringComparison.Ordinal))
            {
                // its content, up to the closing tag, goes with it
                for (var next = html.NextSibling; next is not null;)
                {
                    var after = next.NextSibling;
                    var closes = next is HtmlInline h && h.Tag.StartsWith("</", StringComparison.Ordinal) && TagName(h.Tag) == tag;
                    next.Remove();
                    if (closes)
                    {
                        break;
                    }
                    next = after;
                }
            }
            if (tag == "br")
            {
                html.ReplaceBy(new LiteralInline(" "));
            }
            else
            {
                html.Remove();
            }
        }
    }

    /// <summary>The lowercase name of a tag (<c>&lt;/Span class=x&gt;</c> → <c>span</c>); empty for a comment or declaration.</summary>
    private static string TagName(string tag)
    {
        var start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        var end = start;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }
        return tag[start..end].ToLowerInvariant();
    }
}
