namespace EvidenceTracker.Quotes;

/// <summary>
/// A quote's editorial conventions: an elision (<c>...</c>, <c>…</c>, <c>. . .</c>, <c>[…]</c>, <c>[...]</c>) and a
/// bracketed insertion or change (<c>[the model]</c>, <c>[T]he</c>, <c>[sic]</c>) each split the quote into parts
/// that the source must hold in order, each within <see cref="MaxGap"/> characters of the one before; an elision
/// at either end of the quote is simply dropped.
/// </summary>
public static class EditorialQuote
{
    /// <summary>The most normalised characters an elision or an insertion may stand for.</summary>
    public const int MaxGap = 2000;

    /// <summary>The longest bracketed text taken as an editor's insertion (a longer one is quoted text).</summary>
    private const int MaxInsertion = 120;

    /// <summary>Whether the quote may use a convention (a cheap test that keeps plain quotes on the plain path).</summary>
    public static bool MayHaveConventions(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return quote.AsSpan().IndexOfAny('[', '…') >= 0 || quote.Contains("..", StringComparison.Ordinal) || quote.Contains(". .", StringComparison.Ordinal);
    }

    /// <summary>
    /// The parts of the quote between its elisions and insertions, as written (not normalised), empty ones left out.
    /// A quote without conventions is one part, itself.
    /// </summary>
    public static IReadOnlyList<string> Parts(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var parts = new List<string>();
        var start = 0;
        var i = 0;
        while (i < quote.Length)
        {
            var skip = GapAt(quote, i);
            if (skip == 0)
            {
                i++;
                continue;
            }
            Add(parts, quote[start..i]);
            i += skip;
            start = i;
        }
        Add(parts, quote[start..]);
        return parts;
    }

    /// <summary>The length of an elision or an insertion starting at <paramref name="i"/>; 0 when none does.</summary>
    private static int GapAt(string q, int i)
    {
        var c = q[i];
        if (c == '…')
        {
            return 1;
        }
        if (c == '.' && i + 2 < q.Length && q[i + 1] == '.' && q[i + 2] == '.')
        {
            var j = i;
            while (j < q.Length && q[j] == '.')
            {
                j++;
            }
            return j - i;
        }
        if (c == '.' && i + 4 < q.Length && q[i + 1] == ' ' && q[i + 2] == '.' && q[i + 3] == ' ' && q[i + 4] == '.')
        {
            return 5;
        }
        if (c == '[')
        {
            var close = q.IndexOf(']', i + 1);
            if (close > i && close - i - 1 <= MaxInsertion && q.IndexOf('[', i + 1, close - i - 1) < 0)
            {
                return close - i + 1;
            }
        }
        return 0;
    }

    private static void Add(List<string> parts, string part)
    {
        if (!string.IsNullOrWhiteSpace(part) && part.Any(char.IsLetterOrDigit))
        {
            parts.Add(part);
        }
    }
}
