using System.Text;
using EvidenceTracker.Model;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Articles;

/// <summary>
/// Renders a block's inlines as plain text — emphasis and links as their text, code spans as their content, images
/// and inline HTML left out — and maps every character back to its offset in the article's text. At the offsets in
/// <c>held</c> the parser was shown <see cref="ArticleParser.HeldParenthesis"/> for a parenthesis: the text shows the parenthesis.
/// </summary>
internal sealed class PlainTextBuilder(string source, HashSet<int>? held = null)
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _map = [];
    private readonly List<(int Start, int End)> _code = [];
    private readonly List<InlineLink> _links = [];

    public string Source { get; } = source;

    /// <summary>The http(s) links of the inlines of the last <see cref="Build"/>, in order (a copy).</summary>
    public IReadOnlyList<InlineLink> Links => _links.Count == 0 ? [] : [.. _links];

    /// <summary>
    /// The plain text of <paramref name="inline"/>; <see cref="Map"/> and <see cref="Code"/> describe it until the
    /// next call (the builder reuses them from block to block).
    /// </summary>
    public string Build(ContainerInline inline)
    {
        _text.Clear();
        _map.Clear();
        _code.Clear();
        _links.Clear();
        Walk(inline);
        return _text.ToString();
    }

    /// <summary>For each character of the last <see cref="Build"/>'s text, its offset in the source.</summary>
    public List<int> Map => _map;

    /// <summary>The [start, end) ranges of the last <see cref="Build"/>'s text that came from code spans, in order.</summary>
    public List<(int Start, int End)> Code => _code;

    /// <summary>Buffers the parser reuses from block to block while it cuts markers and citations out of the text.</summary>
    public StringBuilder CutText { get; } = new();

    /// <inheritdoc cref="CutText"/>
    public List<int> CutMap { get; } = [];

    /// <summary>The markers and citations to cut from a block's text, kept for the next block (cleared before use).</summary>
    public List<(int Anchor, int CutStart, int CutEnd, int Marker, PandocCitations.Found? Citation)> Cuts { get; } = [];

    private void Walk(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Aligned(literal.Content.AsSpan(), literal.Span.Start, literal.Span.End);
                    break;
                case CodeInline code:
                    var start = _text.Length;
                    Aligned(code.Content.AsSpan(), code.Span.Start + code.DelimiterCount, code.Span.End);
                    _code.Add((start, _text.Length));
                    break;
                case LineBreakInline lineBreak:
                    Append('\n', lineBreak.Span.Start);
                    break;
                case HtmlEntityInline entity:
                    foreach (var c in entity.Transcoded.AsSpan())
                    {
                        Append(c, entity.Span.Start);
                    }
                    break;
                case AutolinkInline autolink:
                    if (!autolink.IsEmail && Values.IsHttpUrl(autolink.Url))
                    {
                        _links.Add(new InlineLink(autolink.Url, autolink.Url, autolink.Span.Start));
                    }
                    Aligned(autolink.Url.AsSpan(), autolink.Span.Start + 1, autolink.Span.End - 1);
                    break;
                case LinkInline { IsImage: true }:
                case HtmlInline:
                    break;
                case LinkInline link:
                    var from = _text.Length;
                    Walk(link);
                    if (link.Url is { } url && Values.IsHttpUrl(url))
                    {
                        var text = string.Join(' ', _text.ToString(from, _text.Length - from).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                        _links.Add(new InlineLink(url, text, from < _map.Count ? _map[from] : Math.Max(0, link.Span.Start)));
                    }
                    break;
                case DelimiterInline delimiter:
                    // An unmatched [ or emphasis delimiter stays as its text; what follows it may be its children.
                    Aligned(delimiter.ToLiteral().AsSpan(), delimiter.Span.Start, delimiter.Span.End);
                    Walk(delimiter);
                    break;
                case ContainerInline inner:
                    Walk(inner);
                    break;
                default:
                    break;
            }
        }
    }

    private void Append(char c, int offset)
    {
        _text.Append(c == ArticleParser.HeldParenthesis && held is not null && held.Contains(offset) ? '(' : c);
        _map.Add(Math.Clamp(offset, 0, Math.Max(0, Source.Length - 1)));
    }

    private int Ahead(int pos, int end, char c)
    {
        for (var k = pos + 1; k <= end && k < Source.Length && k <= pos + 8; k++)
        {
            if (Source[k] == c)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>Appends text that was read from [start, end] of the source, skipping backslash escapes to keep offsets exact.</summary>
    private void Aligned(ReadOnlySpan<char> content, int start, int end)
    {
        var pos = Math.Max(0, start);
        foreach (var c in content)
        {
            if (pos < Source.Length && Source[pos] == c)
            {
                Append(c, pos);
                pos++;
            }
            else if (pos + 1 < Source.Length && Source[pos] == '\\' && Source[pos + 1] == c)
            {
                Append(c, pos + 1);
                pos += 2;
            }
            else if (Ahead(pos, end, c) is var found && found >= 0)
            {
                // Characters the parser dropped (a space inside a code span, a line's indentation): skip them.
                Append(c, found);
                pos = found + 1;
            }
            else
            {
                // Content that does not follow the source (normalised by the parser): keep the last known offset.
                Append(c, Math.Min(pos, Math.Max(start, end)));
            }
        }
    }
}
