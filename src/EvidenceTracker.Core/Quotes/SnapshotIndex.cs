using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EvidenceTracker.Quotes;

/// <summary>
/// A q-gram index of a normalised snapshot: for every position, the hash of the gram that starts there
/// (a character bigram when both characters are CJK, a trigram otherwise), stored as hash buckets in
/// compressed-sparse-row form (one int per position plus one per bucket). Hash collisions only add a little
/// noise to the candidate votes; every candidate is verified by alignment.
/// </summary>
internal sealed class SnapshotIndex
{
    private readonly int[] _bucketStarts; // length buckets + 1
    private readonly int[] _positions;    // positions of each bucket, ascending
    private readonly uint _mask;

    private SnapshotIndex(int[] bucketStarts, int[] positions, uint mask)
    {
        _bucketStarts = bucketStarts;
        _positions = positions;
        _mask = mask;
    }

    public static SnapshotIndex Build(string text)
    {
        // About two positions per bucket keeps both arrays of a 20 KB snapshot below the large-object heap.
        int buckets = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(text.Length / 2, 1)), 64u, 1u << 22);
        uint mask = (uint)buckets - 1;
        var starts = new int[buckets + 1];
        ReadOnlySpan<char> s = text;
        int[] bucketOf = ArrayPool<int>.Shared.Rent(Math.Max(s.Length, 1));
        try
        {
            int grams = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (TryGetGramHash(s, i, out uint hash))
                {
                    int bucket = (int)(hash & mask);
                    bucketOf[i] = bucket;
                    starts[bucket]++;
                    grams++;
                }
                else
                {
                    bucketOf[i] = -1;
                }
            }

            // Inclusive prefix sums, then a backward fill leaves bucket b at starts[b]..starts[b+1], ascending.
            int sum = 0;
            for (int b = 0; b < buckets; b++)
            {
                sum += starts[b];
                starts[b] = sum;
            }

            starts[buckets] = sum;
            var positions = new int[grams];
            for (int i = s.Length - 1; i >= 0; i--)
            {
                int bucket = bucketOf[i];
                if (bucket >= 0)
                {
                    positions[--starts[bucket]] = i;
                }
            }

            return new SnapshotIndex(starts, positions, mask);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bucketOf);
        }
    }

    /// <summary>Positions whose gram hashes to the same bucket as <paramref name="hash"/> (ascending).</summary>
    public ReadOnlySpan<int> Postings(uint hash)
    {
        uint bucket = hash & _mask;
        int start = _bucketStarts[bucket];
        return _positions.AsSpan(start, _bucketStarts[bucket + 1] - start);
    }

    public int Count(uint hash)
    {
        uint bucket = hash & _mask;
        return _bucketStarts[bucket + 1] - _bucketStarts[bucket];
    }

    /// <summary>
    /// Hash of the gram starting at <paramref name="i"/>: a bigram when <c>s[i]</c> and <c>s[i+1]</c> are both
    /// CJK (one CJK character carries about as much as a short Latin word), else a trigram; false at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetGramHash(ReadOnlySpan<char> s, int i, out uint hash)
    {
        if (i + 1 >= s.Length)
        {
            hash = 0;
            return false;
        }

        ulong a = s[i];
        ulong b = s[i + 1];
        ulong c;
        if (IsCjkGramChar(s[i]) && IsCjkGramChar(s[i + 1]))
        {
            c = 0x10000; // outside the char range: a bigram never equals a trigram
        }
        else if (i + 2 < s.Length)
        {
            c = s[i + 2];
        }
        else
        {
            hash = 0;
            return false;
        }

        ulong key = a | (b << 16) | (c << 32);
        hash = (uint)((key * 0x9E3779B97F4A7C15UL) >> 32);
        return true;
    }

    /// <summary>CJK for gram choice, on normalised UTF-16 units (surrogates count: they are mostly Han extensions or emoji).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCjkGramChar(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uD800' and <= '\uDFFF');
}
