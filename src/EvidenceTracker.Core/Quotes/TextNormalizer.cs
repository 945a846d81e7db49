namespace EvidenceTracker.Quotes;

/// <summary>
/// Normalises a text for quote matching. The same function is applied to a snapshot and to a quote, so two
/// texts "match" when their normalised forms are equal. Rules, in order:
/// <list type="number">
/// <item>Invisible characters are dropped: soft hyphen U+00AD, zero-width space/non-joiner/joiner U+200B–U+200D,
/// LRM/RLM U+200E/U+200F, bidi embeddings and isolates U+202A–U+202E and U+2066–U+2069, word joiner and invisible
/// operators U+2060–U+2064, BOM U+FEFF, combining grapheme joiner U+034F, Arabic letter mark U+061C, Mongolian
/// vowel separator U+180E, variation selectors U+FE00–U+FE0F and U+E0100–U+E01EF.</item>
/// <item>Every run of white space (anything <see cref="char.IsWhiteSpace(char)"/> accepts: space, tab, CR, LF,
/// NBSP, U+2000–U+200A, U+2028/U+2029, ideographic space U+3000, ...) becomes one U+0020, except that it vanishes
/// when the character before it or after it is CJK (Han, kana, Bopomofo, CJK punctuation U+3000–U+303F,
/// full-width punctuation and symbols in U+FF00–U+FFEF except the full-width digits and Latin letters;
/// Hangul is NOT CJK here because Korean separates words with spaces).
/// That covers "a line break inside Chinese text vanishes" and also the inconsistent spacing between Chinese
/// and Latin/digits ("增长了 85%" = "增长了85%"). Quotation marks are transparent for this test (the nearest
/// character beyond them decides), so 「…」\n「…」 and “…” “…” around Chinese text normalise alike.
/// Leading and trailing white space is removed.</item>
/// <item>Unicode NFKC (full-width → half-width, ligatures, "①" → "1", composed accents, ...), computed per
/// base character plus its combining marks with generated Unicode tables (InvariantGlobalization turns
/// <see cref="string.Normalize()"/> into a no-op).</item>
/// <item>Quotation marks: canonical forms are the ASCII ones. Double → <c>"</c> (U+0022):
/// “ ” „ ‟ « » 「 」 〝 〞 〟 ⹂ and full-width ＂. Single → <c>'</c> (U+0027): ‘ ’ ‚ ‛ ‹ › 『 』 ʼ (U+02BC) and
/// full-width ＇. 「」 are the primary CJK quotes (like “”) and 『』 the nested ones (like ‘’), so
/// mainland “…‘…’…” equals Taiwan/Japan 「…『…』…」.</item>
/// <item>Dashes and minus: ‐ ‑ ‒ – — ― − ⸺ ⸻ (and ﹘ ﹣ － via NFKC) → <c>-</c> (U+002D).</item>
/// <item>Case, digits, other punctuation and everything else are kept as they are: matching is exact otherwise.</item>
/// </list>
/// </summary>
public static class TextNormalizer
{
    /// <summary>How far past quotation marks and white space the CJK test looks ahead (bounds pathological input).</summary>
    private const int QuoteLookahead = 64;

    /// <summary>Normalises <paramref name="text"/> and keeps the map back to its offsets.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = text.Length;
        char[] chars = new char[n + 16];
        int[] starts = new int[n + 16];
        int length = 0;
        Span<int> segment = stackalloc int[UnicodeNfkc.MaxSegment];
        Span<int> normalized = stackalloc int[UnicodeNfkc.MaxSegment * UnicodeNfkc.MaxExpansion];

        bool pendingSpace = false;
        int spaceStart = 0;
        bool lastCjk = false; // CJK-ness of the last emitted character that is not a quotation mark
        int i = 0;
        while (i < n)
        {
            char c = text[i];

            // Fast path: printable ASCII other than quotation marks, not followed by a possible combining mark.
            if (c > ' ' && c < 0x7F && c != '"' && c != '\'' && (i + 1 == n || text[i + 1] < 0x300))
            {
                if (pendingSpace)
                {
                    if (length > 0 && !lastCjk)
                    {
                        Append(ref chars, ref starts, ref length, ' ', spaceStart);
                    }

                    pendingSpace = false;
                }

                if (length == chars.Length)
                {
                    Grow(ref chars, ref starts);
                }

                chars[length] = c;
                starts[length++] = i;
                lastCjk = false;
                i++;
                continue;
            }

            int cp = ReadCodePoint(text, i, out int width);
            if (IsWhiteSpace(cp))
            {
                if (!pendingSpace)
                {
                    pendingSpace = true;
                    spaceStart = i;
                }

                i += width;
                continue;
            }

            if (IsIgnorable(cp))
            {
                i += width;
                continue;
            }

            int segmentStart = i;
            int count = 0;
            segment[count++] = cp;
            i += width;
            while (i < n && count < UnicodeNfkc.MaxSegment)
            {
                int next = ReadCodePoint(text, i, out int nextWidth);
                if (!UnicodeNfkc.AttachesToPrevious(next))
                {
                    break;
                }

                segment[count++] = next;
                i += nextWidth;
            }

            // Quotation marks are transparent for the CJK rule: 「…」 and “…” must space alike.
            bool quotationMark = IsQuotationMark(cp);
            if (pendingSpace)
            {
                bool nextCjk = quotationMark ? IsCjkAfterQuotationMarks(text, segmentStart) : IsCjk(cp);
                if (length > 0 && !lastCjk && !nextCjk)
                {
                    Append(ref chars, ref starts, ref length, ' ', spaceStart);
                }

                pendingSpace = false;
            }

            if (count == 1 && !UnicodeNfkc.Decomposes(cp))
            {
                AppendCodePoint(ref chars, ref starts, ref length, MapPunctuation(cp), segmentStart);
            }
            else
            {
                int produced = UnicodeNfkc.NormalizeSegment(segment[..count], normalized);
                for (int k = 0; k < produced; k++)
                {
                    int output = normalized[k];
                    if (IsWhiteSpace(output))
                    {
                        // e.g. NFKC("¨") = " \u0308": keep a single space, never a leading one.
                        if (length > 0 && chars[length - 1] != ' ')
                        {
                            Append(ref chars, ref starts, ref length, ' ', segmentStart);
                        }
                    }
                    else if (!IsIgnorable(output))
                    {
                        AppendCodePoint(ref chars, ref starts, ref length, MapPunctuation(output), segmentStart);
                    }
                }
            }

            if (!quotationMark)
            {
                lastCjk = IsCjk(cp);
            }
        }

        while (length > 0 && chars[length - 1] == ' ')
        {
            length--;
        }

        return new NormalizedText(new string(chars, 0, length), starts, text);
    }

    /// <summary>
    /// Exclusive end of the original range that produced a normalised character whose range starts at
    /// <paramref name="start"/>: a white-space run (with the invisible characters inside or after it), or a
    /// code point with the combining characters attached to it. Recomputed, so only starts are stored.
    /// </summary>
    internal static int SegmentEnd(string text, int start)
    {
        int n = text.Length;
        int cp = ReadCodePoint(text, start, out int width);
        int i = start + width;
        if (IsWhiteSpace(cp))
        {
            while (i < n)
            {
                int next = ReadCodePoint(text, i, out int nextWidth);
                if (!IsWhiteSpace(next) && !IsIgnorable(next))
                {
                    break;
                }

                i += nextWidth;
            }

            return i;
        }

        int count = 1;
        while (i < n && count < UnicodeNfkc.MaxSegment)
        {
            int next = ReadCodePoint(text, i, out int nextWidth);
            if (!UnicodeNfkc.AttachesToPrevious(next))
            {
                break;
            }

            i += nextWidth;
            count++;
        }

        return i;
    }

    /// <summary>Any quotation mark or apostrophe (straight, curly, guillemet, CJK bracket, full-width).</summary>
    internal static bool IsQuotationMark(int cp) =>
        cp is '"' or '\'' or 0xFF02 or 0xFF07 || MapPunctuation(cp) is '"' or '\'';

    /// <summary>Whether the first character after the quotation marks, white space and invisibles at <paramref name="i"/> is CJK.</summary>
    private static bool IsCjkAfterQuotationMarks(string text, int i)
    {
        int limit = Math.Min(text.Length, i + QuoteLookahead);
        while (i < limit)
        {
            int cp = ReadCodePoint(text, i, out int width);
            if (!IsQuotationMark(cp) && !IsWhiteSpace(cp) && !IsIgnorable(cp))
            {
                return IsCjk(cp);
            }

            i += width;
        }

        return false;
    }

    /// <summary>
    /// CJK for the white-space rule: Han (incl. extensions and compatibility ideographs), kana, Bopomofo,
    /// CJK radicals/strokes/symbols/punctuation, enclosed CJK, CJK compatibility, vertical forms,
    /// half-/full-width forms but not full-width digits and letters. Hangul is excluded on purpose.
    /// </summary>
    internal static bool IsCjk(int cp) => cp switch
    {
        >= 0x2E80 and <= 0x2FFF => true,   // CJK radicals, Kangxi radicals, ideographic description
        >= 0x3000 and <= 0x312F => true,   // CJK symbols and punctuation, Hiragana, Katakana, Bopomofo
        >= 0x3190 and <= 0x33FF => true,   // Kanbun, Bopomofo ext., strokes, Katakana ext., enclosed CJK, compatibility
        >= 0x3400 and <= 0x4DBF => true,   // Han extension A
        >= 0x4E00 and <= 0x9FFF => true,   // Han
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true,   // vertical forms
        >= 0xFE30 and <= 0xFE4F => true,   // CJK compatibility forms
        >= 0xFF10 and <= 0xFF19 => false,  // full-width digits, letters: they become ASCII and space like ASCII
        >= 0xFF21 and <= 0xFF3A => false,
        >= 0xFF41 and <= 0xFF5A => false,
        >= 0xFF00 and <= 0xFFEF => true,   // full-width punctuation, half-width katakana and Hangul, full-width symbols
        >= 0x1B000 and <= 0x1B16F => true, // kana supplement/extended
        >= 0x20000 and <= 0x3FFFF => true, // Han extensions B.., compatibility supplement
        _ => false,
    };

    internal static bool IsWhiteSpace(int cp) => cp < 0x10000 && char.IsWhiteSpace((char)cp);

    internal static bool IsIgnorable(int cp) => cp switch
    {
        0x00AD or 0x034F or 0x061C or 0x180E or 0xFEFF => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x2064 => true,
        >= 0x2066 and <= 0x2069 => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xE0100 and <= 0xE01EF => true,
        _ => false,
    };

    internal static int MapPunctuation(int cp) => cp switch
    {
        0x201C or 0x201D or 0x201E or 0x201F or 0x00AB or 0x00BB
            or 0x300C or 0x300D or 0x301D or 0x301E or 0x301F or 0x2E42 => '"',
        0x2018 or 0x2019 or 0x201A or 0x201B or 0x2039 or 0x203A
            or 0x300E or 0x300F or 0x02BC => '\'',
        >= 0x2010 and <= 0x2015 => '-',
        0x2212 or 0x2E3A or 0x2E3B => '-',
        _ => cp,
    };

    private static int ReadCodePoint(string text, int i, out int width)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[i + 1]);
        }

        width = 1;
        return c; // a lone surrogate is kept as it is
    }

    private static void AppendCodePoint(ref char[] chars, ref int[] starts, ref int length, int cp, int originalStart)
    {
        if (cp < 0x10000)
        {
            Append(ref chars, ref starts, ref length, (char)cp, originalStart);
        }
        else
        {
            int v = cp - 0x10000;
            Append(ref chars, ref starts, ref length, (char)(0xD800 + (v >> 10)), originalStart);
            Append(ref chars, ref starts, ref length, (char)(0xDC00 + (v & 0x3FF)), originalStart);
        }
    }

    private static void Append(ref char[] chars, ref int[] starts, ref int length, char c, int originalStart)
    {
        if (length == chars.Length)
        {
            Grow(ref chars, ref starts);
        }

        chars[length] = c;
        starts[length++] = originalStart;
    }

    private static void Grow(ref char[] chars, ref int[] starts)
    {
        Array.Resize(ref chars, chars.Length * 2);
        Array.Resize(ref starts, starts.Length * 2);
    }
}
