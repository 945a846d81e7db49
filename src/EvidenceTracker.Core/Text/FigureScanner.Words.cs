using System.Globalization;

namespace EvidenceTracker.Text;

internal sealed partial class FigureScanner
{
    // ---------------------------------------------------------------- Latin words

    private int ScanLatinWord(int i)
    {
        int w = i;
        while (w < Len && CharInfo.IsLatinLetter(_s[w]))
        {
            w++;
        }

        // the word as a span: looked up without a string for every Latin word of every text
        ReadOnlySpan<char> word = _s.AsSpan(i, w - i);
        if (w < Len && CharInfo.IsDigit(_s[w]))
        {
            if (w - i == 1 && _s[i] is 'v' or 'V')
            {
                int before = i - 1;
                if (before > 0 && _s[before] == ' ' && CharInfo.IsLatinLetter(_s[before - 1]))
                {
                    AddVersion(NameStartBefore(before), before, i); // Kubernetes v1.28
                }
            }
            else
            {
                AddVersion(i, w, w); // H100, GPT4
            }

            return SkipIdentifier(i); // H100, A100, v2.0.1, mp3
        }

        if (w + 1 < Len && _s[w] is '-' or '_' && CharInfo.IsDigit(_s[w + 1]))
        {
            if (_s[w] == '-' && HyphenPrefixLookup.Contains(word))
            {
                return w + 1;
            }

            AddVersion(i, w, w + 1); // GPT-4, GPT-4o, COVID-19
            return SkipIdentifier(i);
        }

        if (TryMonthName(word, out int month) && TryEnglishDateFromMonth(i, w, month, out int dateEnd))
        {
            return dateEnd;
        }

        if (word.Equals("No", StringComparison.OrdinalIgnoreCase) && CharInfo.At(_s, w, '.'))
        {
            int j = SkipSpaces(w + 1);
            if (j < Len && CharInfo.IsDigit(_s[j]) && DigitRunEnd(j) - j >= 4)
            {
                return SkipIdentifier(j); // No. 62273150: a grant or registration number, not a rank
            }

            if (j < Len && CharInfo.IsDigit(_s[j]) && ReadDigits(j, out int digitsEnd) is { } ordinal
                && (digitsEnd >= Len || !CharInfo.IsLatinLetterOrDigit(_s[digitsEnd])))
            {
                AddFigure(i, digitsEnd, FigureKind.Ordinal, ordinal, ordinal, false, FigureQualifier.Exact, 0, 1m);
                return digitsEnd;
            }
        }

        if (LabelLookup.Contains(word))
        {
            int j = CharInfo.At(_s, w, '.') ? w + 1 : w;
            j = SkipSpaces(j);
            // Grant No. 62273150, award number 1234567, issue #12
            foreach (string marker in (ReadOnlySpan<string>)["no.", "nos.", "no", "number", "#", "n°"])
            {
                if (j > w && CharInfo.StartsAtIgnoreCase(_s, j, marker) && (marker is "#" or "n°" || !CharInfo.IsLatinLetter(At(j + marker.Length))))
                {
                    int m = SkipSpaces(j + marker.Length);
                    if (m < Len && CharInfo.IsDigit(_s[m]))
                    {
                        return SkipIdentifier(m);
                    }
                }
            }

            if (j < Len && CharInfo.IsDigit(_s[j]) && (j > w || _s[j - 1] == '#'))
            {
                if (word.Equals("version", StringComparison.OrdinalIgnoreCase) || word.Equals("release", StringComparison.OrdinalIgnoreCase))
                {
                    int before = i - 1;
                    if (before > 0 && _s[before] == ' ' && CharInfo.IsLatinLetter(_s[before - 1]))
                    {
                        AddVersion(NameStartBefore(before), before, j); // Rust version 1.64
                    }
                }

                return SkipIdentifier(j); // Fig. 3, Table 2, Phase 3
            }
        }

        return w;
    }

    private static bool TryMonthName(ReadOnlySpan<char> word, out int month)
    {
        month = 0;
        if (word.Length < 3 || !char.IsUpper(word[0]))
        {
            return false;
        }

        for (int m = 0; m < MonthNames.Length; m++)
        {
            string name = MonthNames[m];
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase)
                || (word.Length == 3 && name.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase))
                || (m == 8 && word.Equals("Sept", StringComparison.OrdinalIgnoreCase)))
            {
                month = m + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>June 2025, June 25, 2025, Jun. 25, June 25.</summary>
    private bool TryEnglishDateFromMonth(int start, int wordEnd, int month, out int end)
    {
        end = wordEnd;
        int j = CharInfo.At(_s, wordEnd, '.') ? wordEnd + 1 : wordEnd;
        int afterSpace = SkipSpaces(j);
        if (afterSpace == j || afterSpace >= Len || !CharInfo.IsDigit(_s[afterSpace]))
        {
            return false;
        }

        int? day = null;
        int? year = null;
        int digitsEnd = DigitRunEnd(afterSpace);
        int count = digitsEnd - afterSpace;
        int value = count <= 4 ? int.Parse(_s.AsSpan(afterSpace, count), CultureInfo.InvariantCulture) : 0;
        int last;
        if (count is 1 or 2 && value is >= 1 and <= 31 && !IsNumberContinuation(digitsEnd))
        {
            day = value;
            last = digitsEnd;
            int k = last;
            if (CharInfo.StartsAt(_s, k, "st") || CharInfo.StartsAt(_s, k, "nd") || CharInfo.StartsAt(_s, k, "rd") || CharInfo.StartsAt(_s, k, "th"))
            {
                k += 2;
                last = k;
            }

            if (CharInfo.At(_s, k, ','))
            {
                k++;
            }

            int y = SkipSpaces(k);
            if (y > last && TryYearDigits(y, out int yv, out int yEnd))
            {
                year = yv;
                last = yEnd;
            }
        }
        else if (TryYearDigits(afterSpace, out int yv, out int yEnd))
        {
            year = yv;
            last = yEnd;
        }
        else
        {
            return false;
        }

        AddDate(start, last, year, month, day);
        end = last;
        return true;
    }

    private bool TryYearDigits(int i, out int year, out int end)
    {
        end = DigitRunEnd(i);
        year = 0;
        if (end - i != 4 || IsNumberContinuation(end) || (end < Len && CharInfo.IsLatinLetter(_s[end])))
        {
            return false;
        }

        year = int.Parse(_s.AsSpan(i, 4), CultureInfo.InvariantCulture);
        return year is >= 1000 and <= 2999;
    }

    private int SkipIdentifier(int i)
    {
        int j = i;
        while (j < Len)
        {
            char c = _s[j];
            if (CharInfo.IsLatinLetterOrDigit(c))
            {
                j++;
            }
            else if (c is '-' or '_' or '.' or ':' or '/' && j + 1 < Len && CharInfo.IsLatinLetterOrDigit(_s[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return Math.Max(j, i + 1);
    }

    // ---------------------------------------------------------------- Chinese ordinals and 百分之

    private int ScanChineseOrdinal(int i)
    {
        int j = i + 1;
        decimal value;
        int end;
        if (j < Len && CharInfo.IsDigit(_s[j]))
        {
            if (ReadDigits(j, out end) is not { } v || IsNumberContinuation(end))
            {
                return j;
            }

            value = v;
        }
        else if (!ChineseNumerals.TryParse(_s, j, allowDecimal: false, out value, out end, out _))
        {
            return j;
        }

        if (value > 0)
        {
            AddFigure(i, end, FigureKind.Ordinal, value, value, false, FigureQualifier.Exact, 0, 1m);
        }

        return end;
    }

    private int ScanChinesePercent(int i)
    {
        int j = i + 3;
        decimal value;
        int decimals;
        int end;
        if (j < Len && CharInfo.IsDigit(_s[j]))
        {
            if (!ReadNumber(j, out var q) || q.IsPercent)
            {
                return j;
            }

            (value, decimals, end) = (q.Value, q.Decimals, q.End);
        }
        else if (!ChineseNumerals.TryParse(_s, j, allowDecimal: true, out value, out end, out decimals))
        {
            return j;
        }

        AddQualified(i, end, FigureKind.Percent, value, value, true, false, decimals, 1m);
        return end;
    }
}
