namespace EvidenceTracker.Text;

/// <summary>
/// Splits plain text (Chinese, English or mixed) into sentences.
/// Boundaries: 。！？；…… and . ! ? (closing quotes, brackets and footnote labels such as <c>[^1]</c> stay with
/// the sentence they end) and blank lines. A single newline is not a boundary. A Latin terminator does not end a
/// sentence inside numbers (<c>85.1%</c>), URLs and file names (<c>example.com/a.b</c>), after abbreviations
/// (<c>U.S.</c>, <c>e.g.</c>, <c>Dr.</c>, <c>et al.</c>, initials such as <c>J. Smith</c>), after a numbered-list
/// marker at the start of a line, or when the next word starts in lower case (<c>... and</c>).
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "rev", "gen", "sen", "rep", "gov", "col", "lt", "capt", "hon",
        "fig", "figs", "no", "nos", "vol", "vols", "pp", "eq", "eqs", "ref", "refs", "ch", "eds",
        "vs", "approx", "al", "cf", "ca", "dept", "univ", "inst", "assn", "resp", "incl",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Returns the sentences of <paramref name="text"/>, each trimmed of surrounding whitespace; empty segments are dropped.</summary>
    public static IReadOnlyList<TextSegment> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSegment>();
        int segmentStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n' && IsBlankLine(text, i, out int afterBlank))
            {
                Emit(text, segmentStart, i, result);
                segmentStart = i = afterBlank;
                continue;
            }

            if (IsTerminator(c))
            {
                int runEnd = i;
                while (runEnd < text.Length && IsTerminator(text[runEnd]))
                {
                    runEnd++;
                }

                int end = SkipClosers(text, runEnd);
                if (EndsSentence(text, i, runEnd, end))
                {
                    Emit(text, segmentStart, end, result);
                    segmentStart = end;
                }

                i = Math.Max(runEnd, i + 1);
                if (segmentStart > i)
                {
                    i = segmentStart;
                }

                continue;
            }

            i++;
        }

        Emit(text, segmentStart, text.Length, result);
        return result;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '；' or '…' or '⋯' or '｡';

    private static bool IsStrongTerminator(char c) => c is '。' or '！' or '？' or '；' or '｡';

    private static bool IsCloser(char c) =>
        c is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'' or ']' or '】' or '》' or '〉' or '»' or '〕' or '］' or '＂' or '＇' or '*' or '_';

    /// <summary>Skips closing quotes/brackets, leftover emphasis markers and footnote labels (<c>[^1]</c>, <c>[2]</c>).</summary>
    private static int SkipClosers(string text, int index)
    {
        while (index < text.Length)
        {
            if (IsCloser(text[index]))
            {
                index++;
            }
            else if (text[index] == '[' && TryFootnoteLabel(text, index, out int after))
            {
                index = after;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    internal static bool TryFootnoteLabel(string text, int index, out int after)
    {
        after = index;
        if (!CharInfo.At(text, index, '['))
        {
            return false;
        }

        int j = index + 1;
        bool caret = CharInfo.At(text, j, '^');
        if (caret)
        {
            j++;
        }

        int contentStart = j;
        while (j < text.Length && j - contentStart <= 24)
        {
            char c = text[j];
            if (c == ']')
            {
                if (j == contentStart)
                {
                    return false;
                }

                after = j + 1;
                return true;
            }

            bool allowed = caret
                ? !char.IsWhiteSpace(c) && c != '['
                : CharInfo.IsDigit(c) || c is ',' or '-' or '–' or ' ';
            if (!allowed)
            {
                return false;
            }

            j++;
        }

        return false;
    }

    private static bool EndsSentence(string text, int runStart, int runEnd, int end)
    {
        bool strong = false;
        for (int k = runStart; k < runEnd; k++)
        {
            strong |= IsStrongTerminator(text[k]);
        }

        if (strong)
        {
            return true;
        }

        // Latin terminators and ellipses: must be followed by whitespace, the end, or CJK text.
        if (end < text.Length && !char.IsWhiteSpace(text[end]) && !CharInfo.IsCjk(text[end]))
        {
            return false;
        }

        if (runEnd - runStart == 1 && text[runStart] == '.' && IsAbbreviationOrMarker(text, runStart))
        {
            return false;
        }

        // A sentence does not start with a lower-case Latin letter: "e.g. the", "... and", "Yahoo! is".
        int next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next >= text.Length || !CharInfo.IsLowerLatin(text[next]);
    }

    private static bool IsAbbreviationOrMarker(string text, int dot)
    {
        int wordStart = dot;
        while (wordStart > 0 && CharInfo.IsLatinLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        int length = dot - wordStart;
        if (length == 1)
        {
            return true; // initials (J. Smith) and dotted abbreviations (U.S., e.g., i.e.)
        }

        if (length > 1)
        {
            string word = text.Substring(wordStart, length);
            if (word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("nos", StringComparison.OrdinalIgnoreCase))
            {
                // "No. 5" but not "The answer is no. Then"
                int n = dot + 1;
                while (n < text.Length && text[n] == ' ')
                {
                    n++;
                }

                return n < text.Length && CharInfo.IsDigit(text[n]);
            }

            return (wordStart == 0 || !CharInfo.IsDigit(text[wordStart - 1])) && Abbreviations.Contains(word);
        }

        // "1." / "12." at the start of a line is a list marker.
        int digitsStart = dot;
        while (digitsStart > 0 && CharInfo.IsDigit(text[digitsStart - 1]))
        {
            digitsStart--;
        }

        if (digitsStart == dot || dot - digitsStart > 3)
        {
            return false;
        }

        int k = digitsStart - 1;
        while (k >= 0 && text[k] is ' ' or '\t')
        {
            k--;
        }

        return k < 0 || text[k] == '\n';
    }

    private static bool IsBlankLine(string text, int newline, out int after)
    {
        int j = newline + 1;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r' or '\u3000')
        {
            j++;
        }

        if (j < text.Length && text[j] == '\n')
        {
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            after = j;
            return true;
        }

        after = newline;
        return false;
    }

    private static void Emit(string text, int start, int end, List<TextSegment> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSegment(start, end - start));
        }
    }
}
