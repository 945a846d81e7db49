using System.Globalization;

namespace EvidenceTracker.Text;

internal sealed partial class FigureScanner
{
    // ---------------------------------------------------------------- numbers

    private bool NegativeSignAllowed(int i)
    {
        if (i == 0)
        {
            return true;
        }

        char p = _s[i - 1];
        return char.IsWhiteSpace(p) || p is '(' or ':' or '=' || CharInfo.IsIdeograph(p);
    }

    private bool IsNumberContinuation(int i) =>
        i < Len && (CharInfo.IsDigit(_s[i]) || (_s[i] is '.' or ',' && i + 1 < Len && CharInfo.IsDigit(_s[i + 1])));

    private int DigitRunEnd(int i)
    {
        while (i < Len && CharInfo.IsDigit(_s[i]))
        {
            i++;
        }

        return i;
    }

    private int SkipSpaces(int i)
    {
        while (i < Len && _s[i] is ' ' or '\t' or '\u00A0')
        {
            i++;
        }

        return i;
    }

    private decimal? ReadDigits(int i, out int end)
    {
        end = DigitRunEnd(i);
        return end - i is > 0 and <= 20 ? decimal.Parse(_s.AsSpan(i, end - i), NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    private int ScanNumber(int start)
    {
        int digitStart = _s[start] == '-' ? start + 1 : start;
        if (start > 0)
        {
            char p = _s[start - 1];
            if (CharInfo.IsLatinLetter(p) || p is '#' or '§' || (p == '+' && start >= 2 && _s[start - 2] == '+')
                || (p == '/' && start >= 2 && CharInfo.IsDigit(_s[start - 2])))
            {
                return SkipIdentifier(start); // C++14, #123, §3, 2023/24
            }

            if (start >= 2 && p is '-' or '_' or '.')
            {
                char pp = _s[start - 2];
                bool hyphenPrefix = p == '-' && CharInfo.IsLatinLetter(pp) && HyphenPrefixes.Contains(WordEndingAt(start - 1));
                if ((CharInfo.IsLatinLetter(pp) && !hyphenPrefix) || (p is '.' or '_' && CharInfo.IsDigit(pp)))
                {
                    return SkipIdentifier(start);
                }
            }
        }

        if (digitStart == start && TryDate(start, out int dateEnd))
        {
            return dateEnd;
        }

        if (!ReadNumber(start, out var first))
        {
            return Math.Max(SkipIdentifier(digitStart), _numberRunEnd);
        }

        if (first.IsOrdinal && IsDayOfMonth(first.End))
        {
            return first.End; // the 3rd of March: a date
        }

        if (!first.IsPercent && first.Scale == 1m && !first.HasUnit && IsTimeOfDay(first.End))
        {
            return first.End; // 3 pm
        }

        if (first.IsOrdinal)
        {
            AddFigure(start, first.End, FigureKind.Ordinal, first.Value, first.Value, false, FigureQualifier.Exact, 0, 1m);
            return first.End;
        }

        if (!first.IsPercent && first.Scale == 1m && !first.HasUnit && !first.Grouped && (IsAfterProductName(start) || IsAfterName(start)))
        {
            AddVersion(NameStartBefore(start - 1), start - 1, digitStart);
            return SkipIdentifier(digitStart); // AI 2.0, iPhone 15, ISO 9001, Rust 1.64, Windows 11
        }

        if (TryRange(start, first, out int rangeStart, out int rangeEnd, out var second))
        {
            bool percent = first.IsPercent || second.IsPercent;
            decimal scale = second.Scale != 1m ? second.Scale : first.Scale;
            decimal firstScale = first.Scale == 1m ? scale : first.Scale;
            AddQualified(rangeStart, rangeEnd, FigureKind.Range, first.Value * firstScale, second.Value * second.Scale, percent,
                first.MoreThan || second.MoreThan, Math.Max(first.Decimals, second.Decimals), scale);
            return rangeEnd;
        }

        if (IsBareYear(start, first))
        {
            int year = (int)first.Value;
            AddFigure(start, first.End, FigureKind.Year, year, year, false, FigureQualifier.Exact, 0, 1m, year);
            return first.End;
        }

        AddQualified(start, first.End, first.IsPercent ? FigureKind.Percent : FigureKind.Number, first.Value * first.Scale,
            first.Value * first.Scale, first.IsPercent, first.MoreThan, first.Decimals, first.Scale);
        return first.End;
    }

    private int AddNumberWord(int start, NumberWords.Reading word)
    {
        if (word.Figure)
        {
            AddQualified(start, word.End, word.Percent ? FigureKind.Percent : FigureKind.Number, word.Value, word.Value, word.Percent,
                word.MoreThan, 0, word.Scale);
        }

        return word.End;
    }

    private char At(int i) => i >= 0 && i < Len ? _s[i] : '\0';

    private bool IsDayOfMonth(int end)
    {
        int j = SkipSpaces(end);
        if (!CharInfo.WordAt(_s, j, "of"))
        {
            return false;
        }

        int m = SkipSpaces(j + 2);
        int me = m;
        while (me < Len && CharInfo.IsLatinLetter(_s[me]))
        {
            me++;
        }

        return TryMonthName(_s.AsSpan(m, me - m), out _);
    }

    private bool IsTimeOfDay(int end)
    {
        int j = SkipSpaces(end);
        foreach (string word in (ReadOnlySpan<string>)["am", "pm", "a.m.", "p.m.", "UTC", "GMT", "o'clock"])
        {
            if (CharInfo.StartsAtIgnoreCase(_s, j, word) && !CharInfo.IsLatinLetterOrDigit(At(j + word.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A number after a space that follows a capitalised name that is no common word: Rust 1.64, Windows 11, Python 3,
    /// Boeing 737 (not "About 500", "All 742", "Roughly 30", "Saving 3 hours").
    /// </summary>
    private bool IsAfterName(int start)
    {
        if (start < 2 || _s[start - 1] != ' ')
        {
            return false;
        }

        int end = start - 1;
        int k = end;
        while (k > 0 && CharInfo.IsLatinLetter(_s[k - 1]))
        {
            k--;
        }

        if (end - k < 2 || !char.IsUpper(_s[k]) || (k > 0 && (CharInfo.IsLatinLetterOrDigit(_s[k - 1]) || _s[k - 1] is '-' or '\'' or '’')))
        {
            return false;
        }

        var word = _s.AsSpan(k, end - k);
        if (NotNameLookup.Contains(word) || LabelLookup.Contains(word) || CurrencyCodes.Contains(word.ToString()) || TryMonthName(word, out _)
            || word.EndsWith("ly", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal)
            || YearPrepositions.Contains(word.ToString()))
        {
            return false;
        }

        return true;
    }

    private string WordEndingAt(int end)
    {
        int k = end;
        while (k > 0 && CharInfo.IsLatinLetter(_s[k - 1]))
        {
            k--;
        }

        return _s[k..end];
    }

    /// <summary>A number after a space that follows an acronym or camel-case name: AI 2.0, iPhone 15, ISO 9001, COVID 19.</summary>
    private bool IsAfterProductName(int start)
    {
        if (start < 2 || _s[start - 1] != ' ')
        {
            return false;
        }

        int end = start - 1;
        int k = end;
        while (k > 0 && (CharInfo.IsLatinLetterOrDigit(_s[k - 1]) || _s[k - 1] is '/' or '-'))
        {
            k--;
        }

        if (k == end || !CharInfo.IsLatinLetter(_s[k]))
        {
            return false;
        }

        string word = _s[k..end];
        if (CurrencyCodes.Contains(word))
        {
            return false;
        }

        int upper = 0;
        int lower = 0;
        bool camel = false;
        for (int m = 0; m < word.Length; m++)
        {
            char c = word[m];
            if (char.IsUpper(c))
            {
                upper++;
                camel |= m > 0 && char.IsLower(word[m - 1]);
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        return (upper >= 2 && lower == 0) || camel;
    }

    private bool IsBareYear(int start, Quantity q)
    {
        if (q.Negative || q.Grouped || q.Decimals > 0 || q.IsPercent || q.Scale != 1m || q.MoreThan || q.HasUnit
            || q.Value is < 1900 or > 2100 || q.DigitsEnd - start != 4)
        {
            return false;
        }

        int k = start;
        while (k > 0 && _s[k - 1] == ' ')
        {
            k--;
        }

        if (k < start && k > 0 && CharInfo.IsLatinLetter(_s[k - 1]) && YearPrepositions.Contains(WordEndingAt(k)))
        {
            return true;
        }

        int n = SkipSpaces(q.End);
        return n >= Len || !(CharInfo.IsLatinLetter(_s[n]) || CharInfo.IsIdeograph(_s[n]) || CharInfo.IsDigit(_s[n]));
    }
}
