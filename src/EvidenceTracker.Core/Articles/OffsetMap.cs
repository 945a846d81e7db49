namespace EvidenceTracker.Articles;

/// <summary>
/// Where each character of a block's plain text stands in the article's text (and, last, one past the last character's
/// offset), kept as runs of consecutive offsets: a paragraph maps run by run — its text between two pieces of markup is
/// one run — so an article keeps a few numbers per link or emphasis instead of four bytes per character.
/// </summary>
internal sealed class OffsetMap
{
    /// <summary>
    /// Pairs: the index where a run starts, then the offset that index maps to; null when the whole map is one run (a
    /// paragraph without inline markup, the usual case), which then starts at <see cref="_first"/>.
    /// </summary>
    private readonly int[]? _runs;

    private readonly int _first;

    private OffsetMap(int[]? runs, int first, int length)
    {
        _runs = runs;
        _first = first;
        Length = length;
    }

    /// <summary>How many offsets the map holds.</summary>
    public int Length { get; }

    /// <summary>The map of <paramref name="offsets"/> followed by <paramref name="end"/>.</summary>
    public static OffsetMap Of(List<int> offsets, int end)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        int At(int i) => i < offsets.Count ? offsets[i] : end;
        // Counted first, then filled: no list to grow and throw away for each block of an article.
        var count = 1;
        for (var i = 1; i <= offsets.Count; i++)
        {
            if (At(i) != At(i - 1) + 1)
            {
                count++;
            }
        }
        if (count == 1)
        {
            return new OffsetMap(null, At(0), offsets.Count + 1);
        }
        var runs = new int[2 * count];
        var r = 0;
        for (var i = 0; i <= offsets.Count; i++)
        {
            if (i == 0 || At(i) != At(i - 1) + 1)
            {
                runs[r++] = i;
                runs[r++] = At(i);
            }
        }
        return new OffsetMap(runs, 0, offsets.Count + 1);
    }

    public int this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            if (_runs is null)
            {
                return _first + index;
            }
            // the last run starting at or before index
            int lo = 0, hi = (_runs.Length / 2) - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_runs[2 * mid] <= index)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            return _runs[(2 * lo) + 1] + (index - _runs[2 * lo]);
        }
    }
}
