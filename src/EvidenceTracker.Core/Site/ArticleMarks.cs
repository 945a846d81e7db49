using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Site;

/// <summary>
/// Wraps the highlights of an article in <c>mark</c> elements where the article parser found them: each highlight is a
/// set of [Start, End) offsets of the article's text, and each literal of Markdig's tree knows its own source span, so
/// marking is one sweep over both sorted lists — no text search, linear in the article and the highlights.
/// </summary>
internal static class ArticleMarks
{
    /// <summary>One span of a highlight. <see cref="First"/>: the highlight's first span (it carries the id); <see cref="Labelled"/>: its last piece shows the label.</summary>
    private sealed record Range(int Start, int End, Highlight H, int Order, bool First, bool Labelled);

    private sealed record Literal(LiteralInline Inline, int Start, int End, bool InLink);

    private sealed record Piece(int From, int To, Range[] Covering);

    public static void Mark(MarkdownDocument document, IReadOnlyList<Highlight> highlights)
    {
        var ranges = Ranges(highlights);
        if (ranges.Count == 0)
        {
            return;
        }
        var literals = Literals(document);
        literals.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));

        var pieces = new List<Piece>?[literals.Count];
        var firstPiece = new Dictionary<Range, Piece>(ReferenceEqualityComparer.Instance);
        var lastPiece = new Dictionary<Range, Piece>(ReferenceEqualityComparer.Instance);
        var next = 0;
        var active = new List<Range>();
        for (var i = 0; i < literals.Count; i++)
        {
            var (literal, s, e, _) = literals[i];
            while (next < ranges.Count && ranges[next].Start < e)
            {
                active.Add(ranges[next++]);
            }
            active.RemoveAll(r => r.End <= s);
            if (active.Count == 0)
            {
                continue;
            }
            var list = new List<Piece>();
            if (literal.Content.Length != e - s)
            {
                // An escape or other text that is not its source character for character: marked whole, or not at all.
                var covering = active.Where(r => r.Start <= s && r.End >= e).ToArray();
                if (covering.Length > 0)
                {
                    list.Add(new Piece(s, e, covering));
                }
            }
            else
            {
                Split(s, e, active, list);
            }
            if (list.Count == 0)
            {
                continue;
            }
            pieces[i] = list;
            foreach (var piece in list)
            {
                foreach (var r in piece.Covering)
                {
                    firstPiece.TryAdd(r, piece);
                    lastPiece[r] = piece;
                }
            }
        }

        for (var i = 0; i < literals.Count; i++)
        {
            if (pieces[i] is not { } list)
            {
                continue;
            }
            var (literal, s, _, inLink) = literals[i];
            var content = literal.Content.ToString();
            var whole = content.Length != literals[i].End - s;
            var replacement = new List<Inline>();
            var cursor = 0;
            foreach (var piece in list)
            {
                var from = whole ? 0 : piece.From - s;
                var to = whole ? content.Length : piece.To - s;
                if (from > cursor)
                {
                    replacement.Add(new LiteralInline(content[cursor..from]));
                }
                replacement.Add(new HtmlInline(Html(content[from..to], piece, inLink, firstPiece, lastPiece)));
                cursor = to;
            }
            if (cursor < content.Length)
            {
                replacement.Add(new LiteralInline(content[cursor..]));
            }
            Inline previous = literal;
            foreach (var r in replacement)
            {
                previous.InsertAfter(r);
                previous = r;
            }
            literal.Remove();
        }
    }

    /// <summary>
    /// The parts of the literal [s, e) between the starts and ends of the active ranges, each with the ranges covering
    /// it, outermost first. One sweep: the ranges covering a part change only at a boundary.
    /// </summary>
    private static void Split(int s, int e, List<Range> active, List<Piece> pieces)
    {
        var boundaries = new SortedSet<int> { s, e };
        foreach (var r in active)
        {
            if (r.Start > s && r.Start < e)
            {
                boundaries.Add(r.Start);
            }
            if (r.End > s && r.End < e)
            {
                boundaries.Add(r.End);
            }
        }
        // active is in range order (start ascending, longer first): adding in that order keeps `covering` outermost first.
        var pending = new Queue<Range>(active.Where(r => r.Start < e && r.End > s));
        var covering = new List<Range>();
        int? previous = null;
        foreach (var b in boundaries)
        {
            if (previous is int a && covering.Count > 0)
            {
                pieces.Add(new Piece(a, b, [.. covering]));
            }
            covering.RemoveAll(r => r.End <= b);
            while (pending.Count > 0 && pending.Peek().Start <= b)
            {
                var r = pending.Dequeue();
                if (r.End > b)
                {
                    covering.Add(r);
                }
            }
            covering.Sort(Outermost);
            previous = b;
        }
    }

    private static int Outermost(Range a, Range b) =>
        a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End) : a.Order.CompareTo(b.Order);

    /// <summary>
    /// Every span of every highlight, sorted outermost first; the spans of gap-filling highlights (uncited sentences) cut
    /// down to the parts no excerpt covers.
    /// </summary>
    private static List<Range> Ranges(IReadOnlyList<Highlight> highlights)
    {
        var ranges = new List<Range>();
        var order = 0;
        foreach (var h in highlights.Where(h => !h.FillsGaps))
        {
            // The id on its first span that is not empty, one label after its last (the label's id is named after it).
            int first = -1, last = -1;
            for (var k = 0; k < h.Spans.Count; k++)
            {
                last = h.Spans[k].End > h.Spans[k].Start ? k : last;
                first = first < 0 ? last : first;
            }
            for (var k = 0; k < h.Spans.Count; k++)
            {
                if (h.Spans[k].End > h.Spans[k].Start)
                {
                    ranges.Add(new Range(h.Spans[k].Start, h.Spans[k].End, h, order++, First: k == first, Labelled: k == last));
                }
            }
        }
        // The union of the excerpts, merged and sorted, to cut the gap-filling spans against.
        var union = new List<(int Start, int End)>();
        foreach (var r in ranges.OrderBy(r => r.Start))
        {
            if (union.Count > 0 && r.Start <= union[^1].End)
            {
                union[^1] = (union[^1].Start, Math.Max(union[^1].End, r.End));
            }
            else
            {
                union.Add((r.Start, r.End));
            }
        }
        var ends = union.Select(u => u.End).ToArray();
        foreach (var h in highlights.Where(h => h.FillsGaps))
        {
            for (var k = 0; k < h.Spans.Count; k++)
            {
                var (start, end) = h.Spans[k];
                var gaps = new List<(int, int)>();
                var cursor = start;
                // The first excerpt that ends after the span starts, then each one until they start after it ends.
                var u = Array.BinarySearch(ends, start + 1);
                for (u = u < 0 ? ~u : u; u < union.Count && union[u].Start < end; u++)
                {
                    if (union[u].Start > cursor)
                    {
                        gaps.Add((cursor, union[u].Start));
                    }
                    cursor = Math.Max(cursor, union[u].End);
                }
                if (cursor < end)
                {
                    gaps.Add((cursor, end));
                }
                for (var g = 0; g < gaps.Count; g++)
                {
                    ranges.Add(new Range(gaps[g].Item1, gaps[g].Item2, h, order++, First: k == 0 && g == 0, Labelled: g == gaps.Count - 1));
                }
            }
        }
        ranges.Sort(Outermost);
        return ranges;
    }

    private static List<Literal> Literals(MarkdownDocument document)
    {
        var literals = new List<Literal>();
        var blocks = new Stack<Block>(document);
        var inlines = new Stack<(Inline Inline, bool InLink)>();
        while (blocks.Count > 0)
        {
            var block = blocks.Pop();
            if (block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    blocks.Push(child);
                }
                continue;
            }
            if (block is not LeafBlock { Inline: { } root })
            {
                continue;
            }
            inlines.Push((root, false));
            while (inlines.Count > 0)
            {
                var (inline, inLink) = inlines.Pop();
                if (inline is LiteralInline literal)
                {
                    if (literal.Span.Start >= 0 && literal.Span.End >= literal.Span.Start && literal.Content.Length > 0)
                    {
                        literals.Add(new Literal(literal, literal.Span.Start, literal.Span.End + 1, inLink));
                    }
                }
                else if (inline is ContainerInline c)
                {
                    for (var child = c.FirstChild; child is not null; child = child.NextSibling)
                    {
                        inlines.Push((child, inLink || c is LinkInline));
                    }
                }
            }
        }
        return literals;
    }

    /// <summary>
    /// A piece as nested marks, outermost first. The text links to the innermost highlight that links its text (none inside
    /// the article's own link), described by that highlight's label; a highlight's id goes on its first piece, its label
    /// after its last (a link to its claim when the text links elsewhere), so that every tracked excerpt is reachable by
    /// keyboard and touch, with no tooltip.
    /// </summary>
    private static string Html(string text, Piece piece, bool inLink, Dictionary<Range, Piece> firstPiece, Dictionary<Range, Piece> lastPiece)
    {
        Node inner = new TextNode(text);
        var linked = inLink ? null : piece.Covering.LastOrDefault(r => r.H.Href is not null && r.H.LinksText);
        if (linked is not null)
        {
            var a = new Element("a", inner).Href(linked.H.Href);
            if (linked.H.Id is { } described)
            {
                a.Attr("aria-describedby", described + "-label");
            }
            inner = a;
        }
        for (var k = piece.Covering.Length - 1; k >= 0; k--)
        {
            var r = piece.Covering[k];
            var mark = new Element("mark").Class(r.H.CssClass);
            if (r.First && r.H.Id is { } id && ReferenceEquals(firstPiece[r], piece))
            {
                mark.Attr("id", id);
            }
            mark.Add(inner);
            if (r.Labelled && ReferenceEquals(lastPiece[r], piece))
            {
                // The last piece of a highlight carries its text label (colour is never the only carrier); where the text
                // links to another claim (a nested or identical excerpt) or to nothing, the label links to this one; its
                // accessible name starts with its visible text.
                var label = r.H.Href is { } href && !inLink && !ReferenceEquals(r, linked)
                    ? new Element("a", new TextNode(r.H.Label)).Href(href).Class("label").Attr("aria-label", $"{r.H.Label} — {r.H.Description}")
                    : new Element("span", new TextNode(r.H.Label)).Class("label");
                if (r.H.Id is { } labelled)
                {
                    label.Id(labelled + "-label");
                }
                mark.Add(label);
            }
            inner = mark;
        }
        return inner.ToString();
    }
}
