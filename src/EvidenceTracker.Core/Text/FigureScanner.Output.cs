
namespace EvidenceTracker.Text;

internal sealed partial class FigureScanner
{
    // ---------------------------------------------------------------- qualifiers and output

    private void AddQualified(int start, int end, FigureKind kind, decimal low, decimal high, bool percent, bool moreThan, int decimals, decimal scale)
    {
        var prefix = FindPrefixQualifier(start, out int prefixStart);
        var suffix = FindSuffixQualifier(end, out int suffixEnd);
        var qualifier = prefix != FigureQualifier.Exact ? prefix : moreThan ? FigureQualifier.MoreThan : suffix;
        AddFigure(prefix != FigureQualifier.Exact ? prefixStart : start, suffix != FigureQualifier.Exact ? suffixEnd : end,
            kind, low, high, percent, qualifier, decimals, scale);
    }

    private FigureQualifier FindPrefixQualifier(int start, out int qualifierStart)
    {
        qualifierStart = start;
        int k = start;
        while (k > _lastEnd && _s[k - 1] is ' ' or '$' or '¥' or '€' or '£' or '￥')
        {
            k--;
        }

        if (k > _lastEnd)
        {
            switch (_s[k - 1])
            {
                case '~' or '≈' or '～':
                    qualifierStart = k - 1;
                    return FigureQualifier.About;
                case '>':
                    qualifierStart = k - 1;
                    return FigureQualifier.MoreThan;
                case '<':
                    qualifierStart = k - 1;
                    return FigureQualifier.LessThan;
                case '≥':
                    qualifierStart = k - 1;
                    return FigureQualifier.AtLeast;
                case '≤':
                    qualifierStart = k - 1;
                    return FigureQualifier.UpTo;
            }
        }

        foreach (var (phrase, qualifier) in ChinesePrefixes)
        {
            int s = k - phrase.Length;
            if (s >= _lastEnd && CharInfo.StartsAt(_s, s, phrase))
            {
                if (phrase == "近" && s > 0 && _s[s - 1] is '最' or '附')
                {
                    continue;
                }

                qualifierStart = s;
                return qualifier;
            }
        }

        if (k <= _lastEnd || k >= start)
        {
            return FigureQualifier.Exact;
        }

        // the last character first, as OrdinalIgnoreCase compares ASCII: most figures follow no English qualifier (a
        // non-ASCII character, which might upper-case to ASCII, is compared in full)
        char last = _s[k - 1] < 0x80 ? char.ToUpperInvariant(_s[k - 1]) : '\0';
        for (int p = 0; p < EnglishPrefixes.Length; p++)
        {
            var (phrase, qualifier) = EnglishPrefixes[p];
            int s = k - phrase.Length;
            if ((last == '\0' || EnglishPrefixLastChars[p] == last) && s >= _lastEnd && CharInfo.StartsAtIgnoreCase(_s, s, phrase)
                && (s == 0 || !CharInfo.IsLatinLetterOrDigit(_s[s - 1])))
            {
                qualifierStart = s;
                return qualifier;
            }
        }

        return FigureQualifier.Exact;
    }

    private FigureQualifier FindSuffixQualifier(int end, out int qualifierEnd)
    {
        qualifierEnd = end;
        for (int skip = 0; skip <= 2 && end + skip <= Len; skip++)
        {
            if (skip > 0)
            {
                char u = _s[end + skip - 1];
                if (!CharInfo.IsIdeograph(u) || "的之和与或及至到第".Contains(u, StringComparison.Ordinal) || ChineseNumerals.DigitValue(u) >= 0)
                {
                    break;
                }
            }

            foreach (var (phrase, qualifier) in ChineseSuffixes)
            {
                if (CharInfo.StartsAt(_s, end + skip, phrase))
                {
                    qualifierEnd = end + skip + phrase.Length;
                    return qualifier;
                }
            }
        }

        if (CharInfo.At(_s, end, '+') && !(end + 1 < Len && CharInfo.IsDigit(_s[end + 1])))
        {
            qualifierEnd = end + 1;
            return FigureQualifier.MoreThan;
        }

        int w = SkipSpaces(end);
        for (int words = 0; words < 2 && w > end; words++)
        {
            foreach (var (phrase, qualifier) in EnglishSuffixes)
            {
                if (CharInfo.WordAt(_s, w, phrase))
                {
                    qualifierEnd = w + phrase.Length;
                    return qualifier;
                }
            }

            int we = w;
            while (we < Len && CharInfo.IsLatinLetter(_s[we]))
            {
                we++;
            }

            if (we == w)
            {
                break;
            }

            int next = SkipSpaces(we);
            if (next == we)
            {
                break;
            }

            w = next;
        }

        return FigureQualifier.Exact;
    }

    private void AddDate(int start, int end, int? year, int? month, int? day)
    {
        decimal encoded = ((year ?? 0) * 10000m) + ((month ?? 0) * 100m) + (day ?? 0);
        AddFigure(start, end, FigureKind.Date, encoded, encoded, false, FigureQualifier.Exact, 0, 1m, year, month, day);
    }

    private void AddFigure(int start, int end, FigureKind kind, decimal low, decimal high, bool percent, FigureQualifier qualifier,
        int decimals, decimal scale, int? year = null, int? month = null, int? day = null)
    {
        _figures.Add(new Figure
        {
            Text = _original[start..end],
            Start = start,
            Length = end - start,
            Kind = kind,
            Low = low,
            High = high,
            IsPercent = percent,
            Qualifier = qualifier,
            Decimals = decimals,
            Scale = scale,
            Year = year,
            Month = month,
            Day = day,
        });
        _lastEnd = Math.Max(_lastEnd, end);
    }

    private static (string Phrase, FigureQualifier Qualifier)[] SortByLength((string Phrase, FigureQualifier Qualifier)[] items) =>
        [.. items.OrderByDescending(item => item.Phrase.Length)];
}
