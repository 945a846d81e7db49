using System.Buffers;

namespace EvidenceTracker.Text;

internal sealed partial class FigureScanner
{
    // ---------------------------------------------------------------- exclusions

    /// <summary>
    /// The characters an excluded span can start with: a bracket, a backtick, and the ASCII letters and digits that
    /// begin a URL, a DOI or a domain. Every other position is passed over without a test.
    /// </summary>
    private static readonly SearchValues<char> ExclusionStarts =
        SearchValues.Create("[`0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The excluded characters of <paramref name="s"/>; null when there are none (most texts).</summary>
    private static bool[]? BuildExclusions(string s)
    {
        bool[]? excluded = null;
        // once, not at each position: a sentence whose code was blanked to 72,000 spaces took 1.8 s
        int textStart = LeadingSpaces(s);
        // The leading white space starts nothing; at textStart a list number may (TryEnumeration), and after it only
        // the characters of ExclusionStarts can.
        int i = textStart;
        while (i < s.Length)
        {
            if (i != textStart)
            {
                int skip = s.AsSpan(i).IndexOfAny(ExclusionStarts);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            int end = i;
            char c = s[i];
            bool tokenStart = i == 0 || !(CharInfo.IsLatinLetterOrDigit(s[i - 1]) || s[i - 1] is '.' or '-' or '_' or '@' or '/');
            if (c == '[' && SentenceSplitter.TryFootnoteLabel(s, i, out int after))
            {
                end = after;
            }
            else if (c == '[' && TryBracketTag(s, i, out int tagEnd))
            {
                end = tagEnd;
            }
            else if (c == '`' && TryCodeSpan(s, i, out int codeEnd))
            {
                end = codeEnd;
            }
            else if (i == textStart && TryEnumeration(s, i, out int enumEnd))
            {
                end = enumEnd;
            }
            else if (tokenStart && (CharInfo.StartsAtIgnoreCase(s, i, "http://") || CharInfo.StartsAtIgnoreCase(s, i, "https://")
                || CharInfo.StartsAtIgnoreCase(s, i, "ftp://") || CharInfo.StartsAtIgnoreCase(s, i, "www.")))
            {
                end = UrlEnd(s, i);
            }
            else if (tokenStart && IsDoiAt(s, i))
            {
                end = UrlEnd(s, i);
            }
            else if (tokenStart && CharInfo.IsLatinLetterOrDigit(c) && TryDomain(s, i, out int domainEnd))
            {
                end = domainEnd;
            }

            if (end > i)
            {
                excluded ??= new bool[s.Length];
                Array.Fill(excluded, true, i, end - i);
                i = end;
            }
            else
            {
                i++;
                // The rest of a word starts nothing: its letters and digits follow a letter or digit (no token start)
                // and are neither a bracket nor a backtick.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
                    {
                        i++;
                    }
                }
            }
        }

        return excluded;
    }

    /// <summary>[C++14], [v2], [RFC 7231]: a short bracketed tag with a letter and a digit and no percent sign.</summary>
    private static bool TryBracketTag(string s, int i, out int end)
    {
        end = i;
        int close = s.IndexOf(']', i + 1, Math.Min(32, s.Length - i - 1));
        if (close < 0)
        {
            return false;
        }

        var inner = s.AsSpan(i + 1, close - i - 1);
        if (inner.IndexOfAny('%', '[') >= 0 || inner.Count(' ') > 1 || !inner.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        foreach (char ch in inner)
        {
            if (CharInfo.IsLatinLetter(ch))
            {
                end = close + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>`code`: a run of backticks closed by a run of the same length (or, unmatched, the run alone).</summary>
    private static bool TryCodeSpan(string s, int i, out int end)
    {
        end = i;
        int run = i;
        while (run < s.Length && s[run] == '`')
        {
            run++;
        }

        int ticks = run - i;
        int j = run;
        int limit = Math.Min(s.Length, run + 400); // a code span in running text is short; an unmatched run costs no more
        while (j < limit && (j = s.IndexOf('`', j, limit - j)) >= 0)
        {
            int k = j;
            while (k < s.Length && s[k] == '`')
            {
                k++;
            }

            if (k - j == ticks)
            {
                end = k;
                return true;
            }

            j = k;
        }

        end = run; // an unmatched run: its backticks are passed over at once (a long run costs no more than its length)
        return true;
    }

    private static int LeadingSpaces(string s)
    {
        int i = 0;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>List and section numbering at the start of a text: "1. ", "2) ", "(3) ", "3.2 Results", "1.".</summary>
    private static bool TryEnumeration(string s, int i, out int end)
    {
        end = i;
        int j = i;
        bool paren = CharInfo.At(s, j, '(');
        if (paren)
        {
            j++;
        }

        int digits = j;
        while (j < s.Length && CharInfo.IsDigit(s[j]))
        {
            j++;
        }

        if (j == digits || j - digits > 2)
        {
            return false;
        }

        int levels = 0;
        while (j + 1 < s.Length && s[j] == '.' && CharInfo.IsDigit(s[j + 1]))
        {
            j++;
            while (j < s.Length && CharInfo.IsDigit(s[j]))
            {
                j++;
            }

            levels++;
        }

        bool closed = paren ? CharInfo.At(s, j, ')') : (s.Length > j && s[j] is '.' or ')');
        if (closed)
        {
            j++;
        }
        else if (paren || levels == 0)
        {
            return false;
        }

        int after = j;
        while (after < s.Length && s[after] == ' ')
        {
            after++;
        }

        if (after == s.Length || (after > j && (char.IsUpper(s[after]) || (closed && CharInfo.IsLatinLetter(s[after])) || CharInfo.IsCjk(s[after]))))
        {
            end = j;
            return true;
        }

        return false;
    }

    private static int UrlEnd(string s, int i)
    {
        int j = i;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && !CharInfo.IsCjk(s[j]) && s[j] is not ('(' or ')' or '[' or ']' or '<' or '>' or '"' or '\'' or '`'))
        {
            j++;
        }

        return j;
    }

    private static bool IsDoiAt(string s, int i)
    {
        if (!CharInfo.StartsAt(s, i, "10."))
        {
            return false;
        }

        int j = i + 3;
        int digits = 0;
        while (j < s.Length && CharInfo.IsDigit(s[j]))
        {
            j++;
            digits++;
        }

        return digits is >= 4 and <= 9 && CharInfo.At(s, j, '/') && j + 1 < s.Length && !char.IsWhiteSpace(s[j + 1]);
    }

    /// <summary>label(.label)+ whose last label is 2–12 ASCII letters and some earlier label has a letter: example.com, qbitai.com/2025/06.</summary>
    private static bool TryDomain(string s, int i, out int end)
    {
        end = i;
        int j = i;
        int labels = 0;
        bool earlierHasLetter = false;
        int lastStart = i;
        while (true)
        {
            int labelStart = j;
            bool hasLetter = false;
            while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] == '-'))
            {
                hasLetter |= char.IsAsciiLetter(s[j]);
                j++;
            }

            if (j == labelStart)
            {
                return false;
            }

            labels++;
            lastStart = labelStart;
            if (j + 1 < s.Length && s[j] == '.' && char.IsAsciiLetterOrDigit(s[j + 1]))
            {
                earlierHasLetter |= hasLetter;
                j++;
                continue;
            }

            break;
        }

        int lastLength = j - lastStart;
        if (labels < 2 || !earlierHasLetter || lastLength is < 2 or > 12)
        {
            return false;
        }

        for (int k = lastStart; k < j; k++)
        {
            if (!char.IsAsciiLetter(s[k]))
            {
                return false;
            }
        }

        end = CharInfo.At(s, j, '/') || (CharInfo.At(s, j, ':') && j + 1 < s.Length && CharInfo.IsDigit(s[j + 1])) ? UrlEnd(s, j) : j;
        return true;
    }
}
