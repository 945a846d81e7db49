namespace EvidenceTracker;

/// <summary>
/// Work spread over the cores only when there is enough of it: below a threshold the items run in order on the
/// calling thread, where starting worker threads would cost more than it saves (and a small repository's run
/// stays single-threaded and easy to follow). Each caller states its threshold, since an item's cost differs:
/// <list type="bullet">
/// <item><see cref="Files"/>: reading and parsing one file (a claim, a source, an article, a snapshot, an imported article).</item>
/// <item><see cref="ArticleChecks"/>: the rules over one article (sentence splitting, strong-word and citation scans).</item>
/// <item><see cref="ClaimVerifications"/>: one claim's quote look-ups and figure comparison, often a few microseconds.</item>
/// <item><see cref="RenderedSources"/>: writing one imported source as YAML and reading it back, a few microseconds.</item>
/// </list>
/// The body must be safe to run for different indices at once; results go to per-index slots, read in order after.
/// </summary>
internal static class Parallelism
{
    public const int Files = 8;

    /// <summary>Folders listed at once (see <c>RepositoryLoader.Enumerate</c>): listing one costs a few system calls at least.</summary>
    public const int Folders = 4;
    public const int ArticleChecks = 16;
    public const int ClaimVerifications = 64;
    public const int RenderedSources = 256;

    /// <summary>Below this many items a sort runs on the calling thread (see <see cref="Sort{T}"/>).</summary>
    public const int SortedItems = 16_384;

    /// <summary>
    /// Runs <paramref name="first"/> and <paramref name="second"/>, which must not touch each other's data: one after the
    /// other when <paramref name="count"/> (the items they work through) is below <paramref name="threshold"/>, else at
    /// once (for a serial stage beside one that does not keep every core busy).
    /// </summary>
    public static void Beside(int count, int threshold, Action first, Action second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (count < threshold)
        {
            first();
            second();
        }
        else
        {
            Parallel.Invoke(first, second);
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1: in order when
    /// <paramref name="count"/> is below <paramref name="threshold"/>, else in parallel.</summary>
    public static void For(int count, int threshold, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count < threshold)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
        else
        {
            Parallel.For(0, count, body);
        }
    }

    /// <summary>
    /// Sorts <paramref name="items"/> by <paramref name="comparison"/>: with <see cref="SortedItems"/> or more, its two
    /// halves on two threads, then merged (the left half's item first of two that compare equal), so that the result
    /// depends only on the list and the comparison. <paramref name="comparison"/> must be safe to call from two threads.
    /// </summary>
    public static List<T> Sort<T>(List<T> items, Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparison);
        if (items.Count < SortedItems)
        {
            items.Sort(comparison);
            return items;
        }
        var all = items.ToArray();
        var half = all.Length / 2;
        Parallel.Invoke(
            () => Array.Sort(all, 0, half, Comparer<T>.Create(comparison)),
            () => Array.Sort(all, half, all.Length - half, Comparer<T>.Create(comparison)));
        var merged = new List<T>(all.Length);
        int i = 0, j = half;
        while (i < half && j < all.Length)
        {
            merged.Add(comparison(all[j], all[i]) < 0 ? all[j++] : all[i++]);
        }
        while (i < half)
        {
            merged.Add(all[i++]);
        }
        while (j < all.Length)
        {
            merged.Add(all[j++]);
        }
        return merged;
    }
}
