namespace EvidenceTracker.Articles;

/// <summary>
/// Where each character of a block's plain text stands in the article's text (and, last, one past the last character's
/// offset), kept as runs of consecutive offsets: a paragraph maps run by run — its text between two pieces of markup is
/// one run — so an article keeps a few numbers per link or emphasis instead of four bytes per character.
/// </summary>
internal sealed class OffsetMap
{
    /// <summary>Pairs: the index where a run starts, then the offset that index maps to.</summary>
    private readonly int[] _runs;

    private OffsetMap(int[] runs, int length)
    {
        _runs = runs;
        Length = length;
    }

    /// <summary>How many offsets the map holds.</summary>
    public int Length { get; }

    /// <summary>The map of <paramref name="offsets"/> followed by <paramref name="end"/>.</summary>
    public static OffsetMap Of(List<int> offsets, int end)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var runs = new List<int>(8);
        var previous = 0;
        for (var i = 0; i <= offsets.Count; i++)
        {
            var offset = i < offsets.Count ? offsets[i] : end;
            if (i == 0 || offset != previous + 1)
            {
                runs.Add(i);
                runs.Add(offset);
            }
            previous = offset;
        }
        return new OffsetMap([.. runs], offsets.Count + 1);
    }

    /// <summary>The offset at <paramref name="index"/> (0 ≤ index &lt; <see cref="Length"/>).</summary>
    public int this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
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
