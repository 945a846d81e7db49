using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>
/// The body of an article's Markdown twin: the article's own text, edited at the places Markdig's source spans give —
/// unsafe links and images reduced to their (escaped) text, unsafe link definitions dropped, &lt; escaped outside code,
/// and each tracked excerpt wrapped in a link to its claim where that keeps the Markdown around it intact.
/// </summary>
internal static class MarkdownTwin
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Use<Articles.LinearSetextExtension>()
        .Use<Articles.InlineBudgetExtension>()
        .Build();

    private sealed record Edit(int Start, int End, string Text);

    /// <summary>
    /// The article's body as Markdown for its twin page, its control characters other than line breaks and tabs (ESC,
    /// BEL, NUL…) left out, as the HTML page leaves them out: a twin read in a terminal or a log runs no escape.
    /// </summary>
    public static string Body(Model.Article article, IReadOnlyList<(string? Excerpt, string ClaimId, string Level)> claims)
    {
        var body = BodyCore(article, claims);
        if (!body.AsSpan().ContainsAny(Controls))
        {
            return body;
        }
        var sb = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The control characters but line feed, carriage return and tab.</summary>
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))]);

    private static string BodyCore(Model.Article article, IReadOnlyList<(string? Excerpt, string ClaimId, string Level)> claims)
    {
        var text = article.Text;
        var bodyStart = text.Length - MarkdownPages.StripFrontMatter(text).Length;
        if (Articles.ArticleParser.TooDeep(text) is not null)
        {
            return Fenced(text[bodyStart..]); // nested deeper than check accepts: the article as text
        }
        MarkdownDocument document;
        try
        {
            document = HeldParentheses.Parse(text, Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return Fenced(text[bodyStart..]); // a nesting Markdig refuses: the article as text
        }

        var edits = new List<Edit>();
        var code = new List<(int Start, int End)>();
        var literals = new List<LiteralInline>();
        var blocks = new Stack<Block>(document);
        while (blocks.Count > 0)
        {
            var block = blocks.Pop();
            switch (block)
            {
                case YamlFrontMatterBlock or Markdig.Extensions.Footnotes.FootnoteLinkReferenceDefinition:
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        blocks.Push(child);
                    }
                    break;
                case CodeBlock:
                    code.Add(Span(block, text));
                    break;
                case LinkReferenceDefinition definition when !Safe(definition.Url):
                    edits.Add(new Edit(Span(block, text).Start, Span(block, text).End, ""));
                    break;
                case LeafBlock { Inline: { } inline } when !Articles.ArticleParser.InlineTooDeep(inline) && !Articles.InlineBudgetExtension.ReadAsText(block):
                    Inlines(inline, text, edits, code, literals);
                    break;
                case LeafBlock { Inline: not null } deep:
                    // Nested deeper than check accepts, or read as plain text (InlineBudgetExtension): the paragraph as escaped text.
                    edits.Add(new Edit(Span(deep, text).Start, Span(deep, text).End, MarkdownPages.Esc(text[Span(deep, text).Start..Span(deep, text).End])));
                    break;
                default:
                    break;
            }
        }
        edits.AddRange(ExcerptLinks(article, claims, literals, edits, text));
        return Apply(text, bodyStart, edits, code);
    }

    private static void Inlines(ContainerInline root, string text, List<Edit> edits, List<(int, int)> code, List<LiteralInline> literals)
    {
        var stack = new Stack<(Inline Inline, bool InLink)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (inline, inLink) = stack.Pop();
            switch (inline)
            {
                case LinkInline link when !Safe(link.GetDynamicUrl?.Invoke() ?? link.Url) || (link.IsImage && link.Url?.StartsWith('#') == true):
                    edits.Add(new Edit(Span(link, text).Start, Span(link, text).End, MarkdownPages.Esc(PlainText(link))));
                    break;
                case AutolinkInline auto when auto.IsEmail || !SafeUrl.IsExternalHttp(auto.Url):
                    edits.Add(new Edit(Span(auto, text).Start, Span(auto, text).End, MarkdownPages.Esc(auto.Url)));
                    break;
                case AutolinkInline or CodeInline:
                    code.Add(Span(inline, text));
                    break;
                case LiteralInline literal when !inLink && literal.Span.Start >= 0 && literal.Content.Length == literal.Span.Length:
                    literals.Add(literal);
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        stack.Push((child, inLink || container is LinkInline));
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>http(s) URLs, and the article's own fragments.</summary>
    private static bool Safe(string? url) =>
        SafeUrl.IsExternalHttp(url) || (url is not null && url.StartsWith('#') && !url.Any(char.IsWhiteSpace));

    /// <summary>A node's [Start, End) in the text (Markdig's spans end inclusively).</summary>
    private static (int Start, int End) Span(MarkdownObject node, string text)
    {
        var start = Math.Clamp(node.Span.Start, 0, text.Length);
        return (start, Math.Clamp(node.Span.End + 1, start, text.Length));
    }

    private static string PlainText(ContainerInline container)
    {
        var sb = new StringBuilder();
        var stack = new Stack<Inline>();
        stack.Push(container);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LiteralInline l:
                    sb.Append(l.Content.AsSpan());
                    break;
                case CodeInline c:
                    sb.Append(c.Content);
                    break;
                case ContainerInline c:
                    var children = new List<Inline>();
                    for (var child = c.FirstChild; child is not null; child = child.NextSibling)
                    {
                        children.Add(child);
                    }
                    for (var k = children.Count - 1; k >= 0; k--)
                    {
                        stack.Push(children[k]);
                    }
                    break;
                default:
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A link around each excerpt (longest first; an excerpt overlapping one already linked, or any other edit, is left
    /// as it is): only where both ends fall in literal text of the same inline container, so the emphasis and links
    /// around it stay whole, and the text between holds no link, footnote marker or bracket.
    /// </summary>
    private static IEnumerable<Edit> ExcerptLinks(Model.Article article, IReadOnlyList<(string? Excerpt, string ClaimId, string Level)> claims,
        List<LiteralInline> literals, List<Edit> edits, string text)
    {
        literals.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var starts = literals.Select(l => l.Span.Start).ToArray();
        LiteralInline? At(int offset)
        {
            var i = Array.BinarySearch(starts, offset);
            i = i < 0 ? ~i - 1 : i;
            return i >= 0 && offset <= literals[i].Span.End ? literals[i] : null;
        }
        var taken = edits.Select(e => (e.Start, e.End)).ToList();
        var links = new List<Edit>();
        foreach (var (excerpt, id, level) in claims.Where(c => !string.IsNullOrEmpty(c.Excerpt)).OrderByDescending(c => c.Excerpt!.Length).ThenBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            foreach (var (excerptStart, excerptEnd) in article.Document.ExcerptSourceSpans(excerpt!))
            {
                if (At(excerptStart) is not { } first || At(excerptEnd - 1) is not { } last || first.Parent is null || !ReferenceEquals(first.Parent, last.Parent)
                    || !Plain(first, last) || text.AsSpan(excerptStart, excerptEnd - excerptStart).IndexOfAny('[', ']') >= 0
                    || AroundEmphasis(first, last, excerptStart, excerptEnd, text) is not var (start, end)
                    || taken.Any(t => t.Start < end && start < t.End))
                {
                    continue;
                }
                taken.Add((start, end));
                links.Add(new Edit(start, start, "["));
                links.Add(new Edit(end, end, $"](../claims/{id}.md) `{level}`"));
                break; // one link per claim: its first place
            }
        }
        return links;
    }

    /// <summary>
    /// Where the link of an excerpt goes so that the emphasis around it still opens and closes (CommonMark's flanking rules):
    /// an excerpt that is the whole of an emphasis is linked around it, delimiters included (<c>[**…**](…)</c>); an
    /// excerpt that starts just after an opening delimiter, or ends just before a closing one, is linked inside only when
    /// the delimiter stays flanking (a space or punctuation on its outer side — not so after a Chinese character, where
    /// <c>字**[…</c> would no longer open); else null, and the excerpt is left unlinked rather than the emphasis broken.
    /// </summary>
    private static (int Start, int End)? AroundEmphasis(LiteralInline first, LiteralInline last, int start, int end, string text)
    {
        Inline from = first, to = last;
        var atOpen = false;
        var atClose = false;
        while (from.Parent is EmphasisInline em && ReferenceEquals(from.Parent, to.Parent)
            && (atOpen = ReferenceEquals(em.FirstChild, from) && start == Math.Max(0, from.Span.Start))
            | (atClose = ReferenceEquals(em.LastChild, to) && end == to.Span.End + 1))
        {
            if (!(atOpen && atClose))
            {
                // Linked inside: the delimiter next to the link must keep a space or punctuation on its outer side.
                var outside = atOpen ? em.Span.Start - 1 : em.Span.End + 1;
                return outside < 0 || outside >= text.Length || char.IsWhiteSpace(text[outside]) || IsPunctuation(text[outside])
                    ? (start, end) : null;
            }
            (start, end) = (em.Span.Start, em.Span.End + 1);
            from = to = em;
        }
        return (start, end);
    }

    /// <summary>CommonMark's punctuation: ASCII punctuation and the Unicode punctuation and symbol categories.</summary>
    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>Whether the siblings from <paramref name="first"/> to <paramref name="last"/> hold only text, emphasis and code.</summary>
    private static bool Plain(Inline first, Inline last)
    {
        for (var node = first; node is not null; node = node.NextSibling)
        {
            var stack = new Stack<Inline>();
            stack.Push(node);
            while (stack.Count > 0)
            {
                var inline = stack.Pop();
                if (inline is not (LiteralInline or EmphasisInline or CodeInline or LineBreakInline or HtmlEntityInline))
                {
                    return false;
                }
                if (inline is ContainerInline c)
                {
                    for (var child = c.FirstChild; child is not null; child = child.NextSibling)
                    {
                        stack.Push(child);
                    }
                }
            }
            if (ReferenceEquals(node, last))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text from <paramref name="from"/> with the edits made, and every &lt; outside code and the edits escaped.</summary>
    private static string Apply(string text, int from, List<Edit> edits, List<(int Start, int End)> code)
    {
        var keep = new bool[text.Length];
        foreach (var (start, end) in code)
        {
            Array.Fill(keep, true, start, end - start);
        }
        var sb = new StringBuilder(text.Length + edits.Count * 16);
        var pos = from;
        void Copy(int until)
        {
            for (; pos < until; pos++)
            {
                sb.Append(text[pos] == '<' && !keep[pos] ? "&lt;" : text[pos]);
            }
        }
        foreach (var edit in edits.Where(e => e.Start >= from).OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            if (edit.Start < pos)
            {
                continue; // inside an edit already made (a link within a dropped definition)
            }
            Copy(edit.Start);
            sb.Append(edit.Text);
            pos = edit.End;
        }
        Copy(text.Length);
        return sb.ToString();
    }

    /// <summary>Text as a fenced code block, the fence longer than any run of backticks in it.</summary>
    private static string Fenced(string text)
    {
        var longest = 0;
        for (int i = 0, run = 0; i < text.Length; i++)
        {
            run = text[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{text.TrimEnd()}\n{fence}\n";
    }
}
