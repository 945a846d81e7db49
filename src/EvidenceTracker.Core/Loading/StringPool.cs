using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace EvidenceTracker.Loading;

/// <summary>
/// One instance of each short value read while loading a repository (source ids, article ids, tags, authors, …):
/// 200,000 citations of 20,000 sources keep 20,000 id strings instead of 200,000, and each look-up of a cited id in the
/// source index compares a string with itself. Safe to share between the threads that read files.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer values are kept as read: they are rarely repeated, and hashing them costs more than it saves.</summary>
    public const int MaxLength = 80;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool's instance of <paramref name="value"/> (the value itself the first time it is seen).</summary>
    public string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > MaxLength ? value : _strings.GetOrAdd(value, value);
    }

    /// <summary>How many distinct values the pool holds.</summary>
    public int Count => _strings.Count;
}

/// <summary>Reading with or without a pool.</summary>
public static class StringPoolExtensions
{
    /// <summary>The pool's instance of <paramref name="value"/>; the value itself when there is no pool or no value.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? ShareOrSelf(this StringPool? pool, string? value) =>
        pool is null || value is null ? value : pool.Share(value);
}
