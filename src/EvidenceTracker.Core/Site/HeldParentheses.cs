using Markdig;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>
/// The site's renderers parse an article with Markdig again. They give Markdig the text with the parentheses the
/// article parser holds back (<see cref="Articles.ArticleParser.HoldOpenDestinations(string, out HashSet{int}?)"/>:
/// runs of <c>[a](</c> that would make Markdig quadratic), at the same offsets, and show <c>(</c> again where one was
/// held.
/// </summary>
internal static class HeldParentheses
{
    /// <summary>Parses <paramref name="markdown"/> with the parentheses held back that the article parser holds back;
    /// the document's spans are offsets of <paramref name="markdown"/>, its text shows each held <c>(</c>.</summary>
    public static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline)
    {
        var seen = Articles.ArticleParser.HoldOpenDestinations(markdown, out var held);
        var document = Markdown.Parse(seen, pipeline);
        if (held is not null)
        {
            Restore(document, held);
        }
        return document;
    }

    /// <summary>Puts <c>(</c> back in every inline whose source span holds a held offset.</summary>
    private static void Restore(MarkdownDocument document, HashSet<int> held)
    {
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal when literal.Content.IndexOf(Articles.ArticleParser.HeldParenthesis) >= 0:
                    literal.Content = new StringSlice(Restored(literal.Content.ToString(), literal, held));
                    break;
                case CodeInline code when Holds(code, held):
                    code.Content = code.Content.Replace(Articles.ArticleParser.HeldParenthesis, '(');
                    break;
                case AutolinkInline auto when Holds(auto, held):
                    auto.Url = auto.Url.Replace(Articles.ArticleParser.HeldParenthesis, '(');
                    break;
                case LinkInline link when Holds(link, held):
                    link.Url = link.Url?.Replace(Articles.ArticleParser.HeldParenthesis, '(');
                    link.Title = link.Title?.Replace(Articles.ArticleParser.HeldParenthesis, '(');
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A literal whose text maps one to one onto its source span gets <c>(</c> exactly at the held offsets;
    /// otherwise (a literal Markdig built from escapes or entities) wherever it shows the held character.</summary>
    private static string Restored(string content, LiteralInline literal, HashSet<int> held)
    {
        var exact = literal.Span.Start >= 0 && literal.Span.Length == content.Length;
        return string.Create(content.Length, (content, exact, start: literal.Span.Start, held), static (span, s) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = s.content[i];
                span[i] = c == Articles.ArticleParser.HeldParenthesis && (!s.exact || s.held.Contains(s.start + i)) ? '(' : c;
            }
        });
    }

    private static bool Holds(Inline inline, HashSet<int> held)
    {
        for (var i = Math.Max(0, inline.Span.Start); i <= inline.Span.End; i++)
        {
            if (held.Contains(i))
            {
                return true;
            }
        }
        return false;
    }
}
