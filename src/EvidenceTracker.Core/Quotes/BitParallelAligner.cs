namespace EvidenceTracker.Quotes;

/// <summary>
/// Myers' bit-vector edit distance (Myers 1999, block-based for patterns longer than 64; the formulation of
/// Hyyrö 2003 / Edlib). Cost O(textLength × ceil(patternLength / 64)) word operations, no allocation per text
/// character. Two modes: semi-global (the pattern may start anywhere in the text: best substring match) and
/// anchored (the alignment starts at text offset 0: used backwards to recover where a match starts).
/// </summary>
internal sealed class BitParallelAligner
{
    private readonly int _blocks;
    private readonly ulong _lastHighBit;
    private readonly ulong[] _peq;          // [slot * _blocks + block]; slot 0 = a character absent from the pattern
    private readonly int[] _asciiSlots;     // slot of each ASCII character
    private readonly Dictionary<char, int>? _otherSlots;

    public BitParallelAligner(ReadOnlySpan<char> pattern)
    {
        if (pattern.IsEmpty)
        {
            throw new ArgumentException("The pattern must not be empty.", nameof(pattern));
        }

        PatternLength = pattern.Length;
        _blocks = (pattern.Length + 63) / 64;
        _lastHighBit = 1UL << ((pattern.Length - 1) & 63);
        _asciiSlots = new int[128];

        int slots = 1;
        foreach (char c in pattern)
        {
            if (c < 128)
            {
                if (_asciiSlots[c] == 0)
                {
                    _asciiSlots[c] = slots++;
                }
            }
            else
            {
                _otherSlots ??= [];
                if (!_otherSlots.ContainsKey(c))
                {
                    _otherSlots[c] = slots++;
                }
            }
        }

        _peq = new ulong[slots * _blocks];
        for (int i = 0; i < pattern.Length; i++)
        {
            _peq[(Slot(pattern[i]) * _blocks) + (i >> 6)] |= 1UL << (i & 63);
        }
    }

    public int PatternLength { get; }

    /// <summary>Number of 64-bit blocks, i.e. the cost factor per text character.</summary>
    public int Blocks => _blocks;

    /// <summary>
    /// Semi-global alignment: the smallest edit distance between the pattern and any substring of
    /// <paramref name="text"/>, and the (exclusive) end of the first substring that reaches it.
    /// </summary>
    public (int End, int Distance) BestSubstringEnd(ReadOnlySpan<char> text)
    {
        var sink = new MinimumSink { Best = int.MaxValue };
        Run(text, reverse: false, anchored: false, ref sink);
        return sink.Best == int.MaxValue ? (0, PatternLength) : (sink.BestEnd, sink.Best);
    }

    /// <summary>
    /// Anchored alignment read backwards: scans <c>text[end-1], text[end-2], ...</c> (at most
    /// <paramref name="maxLength"/> characters) with the pattern reversed (construct this aligner from the
    /// reversed pattern) and returns the length L minimising edit(pattern, text[end-L..end]); among equal
    /// distances the L closest to the pattern length wins.
    /// </summary>
    public (int Length, int Distance) BestPrefixLengthBackwards(ReadOnlySpan<char> text, int end, int maxLength)
    {
        int length = Math.Min(end, maxLength);
        var sink = new ClosestLengthSink { Best = PatternLength, BestLength = 0, Target = PatternLength };
        Run(text.Slice(end - length, length), reverse: true, anchored: true, ref sink);
        return (sink.BestLength, sink.Best);
    }

    private int Slot(char c)
    {
        if (c < 128)
        {
            return _asciiSlots[c];
        }

        return _otherSlots is not null && _otherSlots.TryGetValue(c, out int slot) ? slot : 0;
    }

    private void Run<TSink>(ReadOnlySpan<char> text, bool reverse, bool anchored, ref TSink sink)
        where TSink : struct, IColumnSink
    {
        int blocks = _blocks;
        Span<ulong> pv = blocks <= 64 ? stackalloc ulong[blocks] : new ulong[blocks];
        Span<ulong> mv = blocks <= 64 ? stackalloc ulong[blocks] : new ulong[blocks];
        pv.Fill(ulong.MaxValue);
        mv.Clear();
        ReadOnlySpan<ulong> peq = _peq;
        int score = PatternLength;
        int topDelta = anchored ? 1 : 0;
        ulong lastHigh = _lastHighBit;

        for (int step = 0; step < text.Length; step++)
        {
            char c = reverse ? text[text.Length - 1 - step] : text[step];
            int baseIndex = Slot(c) * blocks;
            int hin = topDelta;
            for (int b = 0; b < blocks; b++)
            {
                ulong p = pv[b];
                ulong m = mv[b];
                ulong eq = peq[baseIndex + b];
                ulong xv = eq | m;
                if (hin < 0)
                {
                    eq |= 1UL;
                }

                ulong xh = (((eq & p) + p) ^ p) | eq;
                ulong ph = m | ~(xh | p);
                ulong mh = p & xh;
                ulong high = b == blocks - 1 ? lastHigh : 1UL << 63;
                int hout = (ph & high) != 0 ? 1 : (mh & high) != 0 ? -1 : 0;
                ph <<= 1;
                mh <<= 1;
                if (hin < 0)
                {
                    mh |= 1UL;
                }
                else if (hin > 0)
                {
                    ph |= 1UL;
                }

                pv[b] = mh | ~(xv | ph);
                mv[b] = ph & xv;
                hin = hout;
            }

            score += hin;
            sink.Column(step + 1, score);
        }
    }

    private interface IColumnSink
    {
        void Column(int consumed, int score);
    }

    private struct MinimumSink : IColumnSink
    {
        public int Best;
        public int BestEnd;

        public void Column(int consumed, int score)
        {
            if (score < Best)
            {
                Best = score;
                BestEnd = consumed;
            }
        }
    }

    private struct ClosestLengthSink : IColumnSink
    {
        public int Best;
        public int BestLength;
        public int Target;

        public void Column(int consumed, int score)
        {
            if (score < Best || (score == Best && Math.Abs(consumed - Target) < Math.Abs(BestLength - Target)))
            {
                Best = score;
                BestLength = consumed;
            }
        }
    }
}
