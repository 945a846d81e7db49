namespace EvidenceTracker.Quotes;

/// <summary>
/// NFKC for one "segment" (a starter followed by the characters that may combine with it), on code points.
/// The project runs with InvariantGlobalization, where <see cref="string.Normalize()"/> silently returns its
/// input unchanged, so the tables are generated (tools/gen_nfkc_data.py) and the algorithm is UAX #15's:
/// full compatibility decomposition, canonical ordering, canonical composition.
/// </summary>
internal static class UnicodeNfkc
{
    /// <summary>Longest segment handled at once (UAX #15 stream-safe format caps non-starter runs at 30).</summary>
    internal const int MaxSegment = 32;

    /// <summary>Longest full decomposition of one code point (U+FDFA has 18).</summary>
    internal const int MaxExpansion = 18;

    private const byte FlagDecomposes = 1;
    private const byte FlagNonStarter = 2;
    private const byte FlagComposesWithPrevious = 4;

    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly byte[] BmpFlags = BuildBmpFlags();
    private static readonly int[] SupplementarySecondStarters = BuildSupplementarySecondStarters();

    /// <summary>True when the code point alone is not NFKC-stable (it has a compatibility or canonical decomposition).</summary>
    internal static bool Decomposes(int cp)
    {
        if (cp < 0x10000)
        {
            return (BmpFlags[cp] & FlagDecomposes) != 0;
        }

        return UnicodeNfkcData.DecompositionKeys.BinarySearch(cp) >= 0;
    }

    /// <summary>True when the code point may change or merge with the code point before it (non-starter, or a starter that is the second half of a composition).</summary>
    internal static bool AttachesToPrevious(int cp)
    {
        if (cp < 0x10000)
        {
            return (BmpFlags[cp] & (FlagNonStarter | FlagComposesWithPrevious)) != 0;
        }

        return CombiningClass(cp) != 0 || Array.BinarySearch(SupplementarySecondStarters, cp) >= 0;
    }

    internal static int CombiningClass(int cp)
    {
        if (cp < 0x10000 && (BmpFlags[cp] & FlagNonStarter) == 0)
        {
            return 0;
        }

        ReadOnlySpan<int> ranges = UnicodeNfkcData.CombiningClassRanges;
        int lo = 0, hi = (ranges.Length / 3) - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cp < ranges[mid * 3])
            {
                hi = mid - 1;
            }
            else if (cp > ranges[(mid * 3) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return ranges[(mid * 3) + 2];
            }
        }

        return 0;
    }

    /// <summary>
    /// Writes the NFKC form of <paramref name="segment"/> into <paramref name="output"/> (which must hold
    /// <c>segment.Length * MaxExpansion</c> code points) and returns how many were written.
    /// </summary>
    internal static int NormalizeSegment(ReadOnlySpan<int> segment, Span<int> output)
    {
        int length = 0;
        foreach (int cp in segment)
        {
            length = AppendDecomposition(cp, output, length);
        }

        // Canonical ordering: stable insertion sort of each run of non-starters by combining class.
        for (int i = 1; i < length; i++)
        {
            int cc = CombiningClass(output[i]);
            if (cc == 0)
            {
                continue;
            }

            int current = output[i];
            int j = i;
            while (j > 0)
            {
                int previous = CombiningClass(output[j - 1]);
                if (previous == 0 || previous <= cc)
                {
                    break;
                }

                output[j] = output[j - 1];
                j--;
            }

            output[j] = current;
        }

        return length == 0 ? 0 : Compose(output[..length]);
    }

    /// <summary>
    /// The full compatibility decomposition (NFKD without reordering) of a string, for callers that drop
    /// combining marks afterwards (such as accent folding in ids).
    /// </summary>
    internal static string Decompose(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        Span<int> buffer = stackalloc int[MaxExpansion];
        for (var i = 0; i < text.Length; i++)
        {
            int cp = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(text[i], text[++i])
                : text[i];
            var n = AppendDecomposition(cp, buffer, 0);
            foreach (var d in buffer[..n])
            {
                sb.Append(char.ConvertFromUtf32(d));
            }
        }
        return sb.ToString();
    }

    /// <summary>Canonical composition in place (the reference algorithm of UAX #15); returns the new length.</summary>
    private static int Compose(Span<int> buffer)
    {
        int starterPos = 0;
        int starter = buffer[0];
        int lastClass = CombiningClass(starter);
        if (lastClass != 0)
        {
            lastClass = 256; // a leading non-starter blocks everything after it
        }

        int write = 1;
        for (int read = 1; read < buffer.Length; read++)
        {
            int cp = buffer[read];
            int cc = CombiningClass(cp);
            int composite = ComposePair(starter, cp);
            if (composite >= 0 && (lastClass < cc || lastClass == 0))
            {
                buffer[starterPos] = composite;
                starter = composite;
                continue;
            }

            if (cc == 0)
            {
                starterPos = write;
                starter = cp;
            }

            lastClass = cc;
            buffer[write++] = cp;
        }

        return write;
    }

    private static int ComposePair(int first, int second)
    {
        int lIndex = first - LBase;
        if ((uint)lIndex < LCount)
        {
            int vIndex = second - VBase;
            return (uint)vIndex < VCount ? SBase + (((lIndex * VCount) + vIndex) * TCount) : -1;
        }

        int sIndex = first - SBase;
        if ((uint)sIndex < SCount && sIndex % TCount == 0)
        {
            int tIndex = second - TBase;
            return tIndex > 0 && tIndex < TCount ? first + tIndex : -1;
        }

        int index = UnicodeNfkcData.CompositionKeys.BinarySearch(((long)first << 21) | (uint)second);
        return index >= 0 ? UnicodeNfkcData.CompositionValues[index] : -1;
    }

    private static int AppendDecomposition(int cp, Span<int> output, int length)
    {
        int sIndex = cp - SBase;
        if ((uint)sIndex < SCount)
        {
            output[length++] = LBase + (sIndex / NCount);
            output[length++] = VBase + (sIndex % NCount / TCount);
            int t = sIndex % TCount;
            if (t != 0)
            {
                output[length++] = TBase + t;
            }

            return length;
        }

        if (!Decomposes(cp))
        {
            output[length++] = cp;
            return length;
        }

        int index = UnicodeNfkcData.DecompositionKeys.BinarySearch(cp);
        ReadOnlySpan<int> offsets = UnicodeNfkcData.DecompositionOffsets;
        ReadOnlySpan<char> chars = UnicodeNfkcData.DecompositionChars.AsSpan(offsets[index], offsets[index + 1] - offsets[index]);
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length)
            {
                output[length++] = char.ConvertToUtf32(chars[i], chars[i + 1]);
                i++;
            }
            else
            {
                output[length++] = chars[i];
            }
        }

        return length;
    }

    private static byte[] BuildBmpFlags()
    {
        var flags = new byte[0x10000];
        foreach (int cp in UnicodeNfkcData.DecompositionKeys)
        {
            if (cp < 0x10000)
            {
                flags[cp] |= FlagDecomposes;
            }
        }

        ReadOnlySpan<int> ranges = UnicodeNfkcData.CombiningClassRanges;
        for (int r = 0; r < ranges.Length; r += 3)
        {
            for (int cp = ranges[r]; cp <= ranges[r + 1] && cp < 0x10000; cp++)
            {
                flags[cp] |= FlagNonStarter;
            }
        }

        foreach (long key in UnicodeNfkcData.CompositionKeys)
        {
            int second = (int)(key & 0x1FFFFF);
            if (second < 0x10000)
            {
                flags[second] |= FlagComposesWithPrevious;
            }
        }

        for (int cp = VBase; cp < VBase + VCount; cp++)
        {
            flags[cp] |= FlagComposesWithPrevious;
        }

        for (int cp = TBase + 1; cp < TBase + TCount; cp++)
        {
            flags[cp] |= FlagComposesWithPrevious;
        }

        return flags;
    }

    private static int[] BuildSupplementarySecondStarters()
    {
        var list = new List<int>();
        foreach (long key in UnicodeNfkcData.CompositionKeys)
        {
            int second = (int)(key & 0x1FFFFF);
            if (second >= 0x10000 && CombiningClassFromRanges(second) == 0)
            {
                list.Add(second);
            }
        }

        list.Sort();
        return [.. list];
    }

    private static int CombiningClassFromRanges(int cp)
    {
        ReadOnlySpan<int> ranges = UnicodeNfkcData.CombiningClassRanges;
        for (int r = 0; r < ranges.Length; r += 3)
        {
            if (cp >= ranges[r] && cp <= ranges[r + 1])
            {
                return ranges[r + 2];
            }
        }

        return 0;
    }
}
