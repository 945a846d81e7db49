using System.Buffers;
using EvidenceTracker.Text;

namespace EvidenceTracker.Quotes;

/// <summary>
/// Looks quotes up in one snapshot. <see cref="Build"/> normalises the snapshot once (and the q-gram index is
/// built once, on the first approximate search); then
/// <see cref="Find"/> is cheap and thread-safe:
/// <list type="number">
/// <item>exact: the normalised quote is searched in the normalised snapshot (ordinal, vectorised IndexOf);</item>
/// <item>otherwise approximate: q-grams of the quote (rarest first, a bounded number of postings) vote for
/// diagonals (snapshot position − quote position) in bins; the best few bins give windows of about the quote's
/// length plus slack, where a bit-parallel semi-global edit distance finds the best passage, whose start is
/// recovered by an anchored alignment read backwards. Cost per quote is bounded by the posting budget plus
/// a few windows × ceil(quoteLength / 64) words per character. Quotes longer than
/// <see cref="MaxApproximateQuoteLength"/> get the exact check only.</item>
/// </list>
/// </summary>
public sealed class QuoteMatcher
{
    /// <summary>Upper bound on the postings visited when voting for candidate windows.</summary>
    internal const int PostingBudget = 1 << 16;

    /// <summary>Candidate windows verified by alignment.</summary>
    internal const int Candidates = 3;

    /// <summary>Upper bound (characters × blocks) for aligning against the whole snapshot when no gram is shared.</summary>
    internal const long FullScanBudget = 1 << 22;

    /// <summary>
    /// Longest normalised quote given a closest-passage search: alignment costs about quoteLength² / 7 word
    /// operations (three windows of ~3× its length, length / 64 words each), some 10 M at this length.
    /// </summary>
    public const int MaxApproximateQuoteLength = 8192;

    private SnapshotIndex? _index;

    private QuoteMatcher(string snapshot, NormalizedText normalized)
    {
        Snapshot = snapshot;
        Normalized = normalized;
    }

    /// <summary>
    /// The q-gram index, built on the first approximate search: a snapshot whose quotes are all found verbatim
    /// (the common case) is never indexed. Thread-safe; two threads may race to build it, one result wins.
    /// </summary>
    private SnapshotIndex Index => _index ?? Interlocked.CompareExchange(ref _index, SnapshotIndex.Build(Normalized.Text), null) ?? _index!;

    /// <summary>The original snapshot text (offsets of every <see cref="QuoteMatch"/> refer to it).</summary>
    public string Snapshot { get; }

    /// <summary>The normalised snapshot and its map back to <see cref="Snapshot"/>.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>Normalises <paramref name="snapshotText"/>; its index is built when a quote first needs it.</summary>
    public static QuoteMatcher Build(string snapshotText)
    {
        ArgumentNullException.ThrowIfNull(snapshotText);
        return new QuoteMatcher(snapshotText, TextNormalizer.Normalize(snapshotText));
    }

    /// <summary>Looks <paramref name="quote"/> up; never throws for any string (null is an argument error).</summary>
    public QuoteMatch Find(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (EditorialQuote.MayHaveConventions(quote) && EditorialQuote.Parts(quote) is { Count: > 0 } parts
            && (parts.Count > 1 || !string.Equals(parts[0], quote, StringComparison.Ordinal)))
        {
            return FindParts(parts);
        }

        return FindPlain(quote);
    }

    /// <summary>
    /// A quote with elisions or insertions: its parts in order, each starting within <see cref="EditorialQuote.MaxGap"/>
    /// of the end of the one before. Each occurrence of the first part is tried (the earliest next part is always the
    /// best continuation); when none leads through, the closest passage is that of the parts joined.
    /// </summary>
    private QuoteMatch FindParts(IReadOnlyList<string> rawParts)
    {
        string text = Normalized.Text;
        var parts = rawParts.Select(p => TextNormalizer.Normalize(p).Text.Trim()).Where(p => p.Length > 0).ToArray();
        if (parts.Length == 0 || text.Length == 0)
        {
            return QuoteMatch.None;
        }

        if (parts.Length == 1)
        {
            return FindPlain(parts[0]);
        }

        // Each occurrence of the first part is tried, until the searching has cost a few times the text and the
        // quote: a quote of a thousand parts in a text that repeats them would otherwise cost their product.
        var searchers = Array.ConvertAll(parts, p => new OrdinalSearch(p));
        long workBudget = (16L * (text.Length + parts.Sum(p => (long)p.Length))) + (1 << 20);
        long work = 0;
        for (int first = searchers[0].IndexOf(text); first >= 0 && work <= workBudget;
             first = searchers[0].IndexOf(text, first + 1))
        {
            int end = first + parts[0].Length;
            work += parts[0].Length;
            bool all = true;
            for (int k = 1; k < parts.Length && all; k++)
            {
                int limit = Math.Min(text.Length, end + EditorialQuote.MaxGap + parts[k].Length);
                int at = searchers[k].IndexOf(text.AsSpan(0, limit), end);
                work += (limit - end) + parts[k].Length;
                all = at >= 0;
                end = all ? at + parts[k].Length : end;
            }

            if (all)
            {
                return Result(found: true, first, end, 1.0);
            }
        }

        var closest = FindPlain(string.Join(' ', parts));
        return closest with { Found = false };
    }

    private QuoteMatch FindPlain(string quote)
    {
        string q = TextNormalizer.Normalize(quote).Text;
        string text = Normalized.Text;
        if (q.Length == 0 || text.Length == 0)
        {
            return QuoteMatch.None;
        }

        int exact = new OrdinalSearch(q).IndexOf(text);
        if (exact >= 0)
        {
            return Result(found: true, exact, exact + q.Length, 1.0);
        }

        if (q.Length > MaxApproximateQuoteLength)
        {
            return QuoteMatch.None;
        }

        (int start, int end, int distance) = FindClosest(q);
        if (end <= start)
        {
            return QuoteMatch.None;
        }

        double similarity = 1.0 - ((double)distance / Math.Max(q.Length, end - start));
        return Result(found: false, start, end, Math.Clamp(similarity, 0.0, 1.0));
    }

    private QuoteMatch Result(bool found, int normalizedStart, int normalizedEnd, double similarity)
    {
        (int start, int length) = Normalized.ToOriginalRange(normalizedStart, normalizedEnd - normalizedStart);
        return new QuoteMatch(found, start, length, Snapshot.Substring(start, length), similarity);
    }

    /// <summary>Best approximate passage in normalised coordinates, or (0, 0, 0) when none is comparable.</summary>
    private (int Start, int End, int Distance) FindClosest(string q)
    {
        string text = Normalized.Text;
        int n = text.Length;
        int m = q.Length;
        var aligner = new BitParallelAligner(q);
        Span<(int Start, int End)> windows = stackalloc (int, int)[Candidates];
        int windowCount = SelectWindows(q, windows);
        if (windowCount == 0)
        {
            if ((long)n * aligner.Blocks > FullScanBudget)
            {
                return (0, 0, 0);
            }

            windows[0] = (0, n);
            windowCount = 1;
        }

        int bestEnd = -1, bestDistance = int.MaxValue;
        for (int w = 0; w < windowCount; w++)
        {
            (int ws, int we) = windows[w];
            (int end, int distance) = aligner.BestSubstringEnd(text.AsSpan(ws, we - ws));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestEnd = ws + end;
            }
        }

        if (bestEnd <= 0 || bestDistance >= m)
        {
            return (0, 0, 0); // nothing in common worth showing
        }

        char[] reversed = q.ToCharArray();
        Array.Reverse(reversed);
        var backwards = new BitParallelAligner(reversed);
        (int length, int backDistance) = backwards.BestPrefixLengthBackwards(text, bestEnd, m + bestDistance + 1);
        return (bestEnd - length, bestEnd, backDistance);
    }

    /// <summary>
    /// Votes with the quote's grams for diagonal bins and returns up to <see cref="Candidates"/> windows of the
    /// normalised snapshot, best first.
    /// </summary>
    private int SelectWindows(string q, Span<(int Start, int End)> windows)
    {
        int n = Normalized.Text.Length;
        int m = q.Length;
        SnapshotIndex index = Index;
        int binWidth = Math.Clamp(m / 2, 8, 1024);
        int binCount = ((n + m) / binWidth) + 2;

        long[] grams = ArrayPool<long>.Shared.Rent(m);
        int[] votes = ArrayPool<int>.Shared.Rent(binCount);
        try
        {
            int gramCount = 0;
            for (int j = 0; j < m; j++)
            {
                if (SnapshotIndex.TryGetGramHash(q, j, out uint hash))
                {
                    int count = index.Count(hash);
                    if (count > 0)
                    {
                        grams[gramCount++] = ((long)count << 32) | (uint)j;
                    }
                }
            }

            if (gramCount == 0)
            {
                return 0;
            }

            // Rarest grams first, until the posting budget is spent (frequent grams say little anyway).
            Array.Sort(grams, 0, gramCount);
            Array.Clear(votes, 0, binCount);
            int used = 0;
            for (int g = 0; g < gramCount; g++)
            {
                int count = (int)(grams[g] >> 32);
                if (used > 0 && used + count > PostingBudget)
                {
                    break;
                }

                used += count;
                int j = (int)(grams[g] & 0xFFFFFFFF);
                SnapshotIndex.TryGetGramHash(q, j, out uint hash);
                foreach (int p in index.Postings(hash))
                {
                    votes[(p - j + m) / binWidth]++;
                }
            }

            int slack = Math.Max(8, m / 4);
            int found = 0;
            while (found < windows.Length)
            {
                int best = -1, bestScore = 0;
                for (int b = 0; b + 1 < binCount; b++)
                {
                    int score = votes[b] + votes[b + 1];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = b;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                // Diagonals [best * w - m, (best + 2) * w - m) are estimated passage starts.
                int start = Math.Max(0, (best * binWidth) - m - slack);
                int end = Math.Min(n, ((best + 2) * binWidth) + slack); // latest start + m + slack
                if (end > start)
                {
                    windows[found++] = (start, end);
                }

                for (int b = Math.Max(0, best - 1); b <= Math.Min(binCount - 1, best + 2); b++)
                {
                    votes[b] = 0;
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(grams);
            ArrayPool<int>.Shared.Return(votes);
        }
    }
}
