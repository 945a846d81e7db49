namespace EvidenceTracker.Text;

/// <summary>
/// Finds one string in another, ordinally, in time linear in both whatever they hold. The framework's
/// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> is vectorised and fast on text, but
/// compares the pattern anew at every candidate, so a periodic pattern in a periodic text (<c>acac…bb…acac</c> in
/// <c>acac…</c>) costs text × pattern: a 400 KB quote in a 4 MB snapshot took 17 s. Here candidates are found by
/// the vectorised search of the pattern's head and checked against its tail; once the checking has cost more than
/// twice the text scanned plus the pattern, the rest of the text is scanned by Knuth–Morris–Pratt, which never
/// compares a character of the text twice over.
/// </summary>
internal sealed class OrdinalSearch
{
    /// <summary>The characters searched for with the vectorised search; the rest is compared per candidate.</summary>
    private const int HeadLength = 8;

    private readonly string _pattern;
    private int[]? _failure;

    public OrdinalSearch(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
    }

    /// <summary>
    /// Characters compared one by one so far: the pattern's tail against candidates, and the text read by
    /// Knuth–Morris–Pratt (the vectorised head search aside, which reads each character of the text at most
    /// <see cref="HeadLength"/> times). What keeps the search linear, and what its tests measure.
    /// </summary>
    internal long Compared { get; private set; }

    /// <summary>The string searched for.</summary>
    public string Pattern => _pattern;

    /// <summary>The first occurrence starting at or after <paramref name="start"/>, or −1.</summary>
    public int IndexOf(ReadOnlySpan<char> text, int start = 0) => Search(text, start, null, 1);

    /// <summary>
    /// The occurrences (overlapping ones too) starting at or after <paramref name="start"/>, in order, at most
    /// <paramref name="max"/> of them.
    /// </summary>
    public List<int> FindAll(ReadOnlySpan<char> text, int start, int max)
    {
        var found = new List<int>();
        if (max > 0)
        {
            Search(text, start, found, max);
        }
        return found;
    }

    private int Search(ReadOnlySpan<char> text, int start, List<int>? found, int max)
    {
        var pattern = _pattern.AsSpan();
        var m = pattern.Length;
        if ((uint)start > (uint)text.Length)
        {
            return -1;
        }
        if (m == 0)
        {
            found?.Add(start);
            return start;
        }
        var headLength = Math.Min(m, HeadLength);
        var head = pattern[..headLength];
        var tail = pattern[headLength..];
        var budget = (2L * (text.Length - start)) + (2L * m);
        var first = -1;
        var count = 0;
        for (var from = start; from <= text.Length - m;)
        {
            if (budget < 0)
            {
                return Kmp(text, from, found, max - count, first);
            }
            var i = text[from..(text.Length - tail.Length)].IndexOf(head);
            if (i < 0)
            {
                break;
            }
            i += from;
            var common = tail.IsEmpty ? 0 : text.Slice(i + headLength, tail.Length).CommonPrefixLength(tail);
            budget -= headLength + common;
            Compared += common + 1;
            if (common == tail.Length && Enough(i, found, max, ref first, ref count))
            {
                break;
            }
            from = i + 1;
        }
        return first;
    }

    /// <summary>
    /// Records an occurrence (the first one, and each one in <paramref name="found"/> when all are asked for); true
    /// when the search is done: the first was all that was asked, or <paramref name="max"/> are found.
    /// </summary>
    private static bool Enough(int at, List<int>? found, int max, ref int first, ref int count)
    {
        first = first < 0 ? at : first;
        if (found is null)
        {
            return true;
        }
        found.Add(at);
        return ++count >= max;
    }

    /// <summary>Knuth–Morris–Pratt from <paramref name="from"/>: each character of the text is read once.</summary>
    private int Kmp(ReadOnlySpan<char> text, int from, List<int>? found, int max, int first)
    {
        var pattern = _pattern.AsSpan();
        var failure = _failure ??= Failure(pattern);
        var m = pattern.Length;
        var k = 0;
        var count = 0;
        for (var i = from; i < text.Length; i++)
        {
            Compared++;
            k = Advance(pattern, failure, k, text[i]);
            if (k == m)
            {
                if (Enough(i - m + 1, found, max, ref first, ref count))
                {
                    break;
                }
                k = failure[k - 1];
            }
        }
        return first;
    }

    /// <summary>For each prefix of the pattern, the length of its longest proper prefix that is also its suffix.</summary>
    private static int[] Failure(ReadOnlySpan<char> pattern)
    {
        var failure = new int[pattern.Length];
        var k = 0;
        for (var i = 1; i < pattern.Length; i++)
        {
            k = Advance(pattern, failure, k, pattern[i]);
            failure[i] = k;
        }
        return failure;
    }

    /// <summary>
    /// The length of the pattern's prefix matched after <paramref name="c"/>, when <paramref name="k"/> characters
    /// of it were matched before: falls back along the failure links until <paramref name="c"/> extends a prefix.
    /// Reads only the links below <paramref name="k"/>, so it serves the building of the links too.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Advance(ReadOnlySpan<char> pattern, int[] failure, int k, char c)
    {
        while (k > 0 && c != pattern[k])
        {
            k = failure[k - 1];
        }
        return c == pattern[k] ? k + 1 : k;
    }
}
