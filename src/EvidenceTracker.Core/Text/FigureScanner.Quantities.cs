using System.Globalization;

namespace EvidenceTracker.Text;

internal sealed partial class FigureScanner
{
    private record struct Quantity(
        int Start, int DigitsEnd, int End, decimal Value, int Decimals, decimal Scale, bool IsPercent, bool MoreThan,
        bool IsOrdinal, bool Grouped, bool Negative, bool HasUnit);

    /// <summary>
    /// Reads a number with its scale word, 多/余 and percent sign: 20,530 · 85.1% · 26万 · 2万多 · 20多万 · 1.5 billion · 20k · 3rd.
    /// Returns false when the digits belong to an identifier or version number.
    /// </summary>
    private bool ReadNumber(int i, out Quantity q)
    {
        q = default;
        _numberRunEnd = 0;
        int j = i;
        bool negative = false;
        if (_s[j] == '-')
        {
            negative = true;
            j++;
        }

        int intEnd = DigitRunEnd(j);
        if (intEnd == j)
        {
            return false;
        }

        var digits = new System.Text.StringBuilder(_s, j, intEnd - j, 32);
        bool grouped = false;
        if (intEnd - j <= 3)
        {
            while (intEnd + 3 < Len + 0 && _s[intEnd] == ',' && CharInfo.IsDigit(_s[intEnd + 1]) && CharInfo.IsDigit(_s[intEnd + 2])
                && CharInfo.IsDigit(_s[intEnd + 3]) && (intEnd + 4 >= Len || !CharInfo.IsDigit(_s[intEnd + 4])))
            {
                if (digits.Length <= 20)
                {
                    digits.Append(_s, intEnd + 1, 3);
                }
                intEnd += 4;
                grouped = true;
            }
        }

        if (digits.Length > 20)
        {
            // too long for a figure; the scan goes on after the whole run, not at each of its groups (which made
            // one number of N groups cost N²)
            _numberRunEnd = intEnd;
            return false;
        }

        // 16:10 (time of day, ratio), 2025_16 (file names)
        if (intEnd + 1 < Len && _s[intEnd] is ':' or '_' && CharInfo.IsLatinLetterOrDigit(_s[intEnd + 1]))
        {
            return false;
        }

        int end = intEnd;
        int decimals = 0;
        if (CharInfo.At(_s, end, '.') && end + 1 < Len && CharInfo.IsDigit(_s[end + 1]))
        {
            int fractionEnd = DigitRunEnd(end + 1);
            if (CharInfo.At(_s, fractionEnd, '.') && fractionEnd + 1 < Len && CharInfo.IsDigit(_s[fractionEnd + 1]))
            {
                return false; // 2.0.1
            }

            decimals = Math.Min(fractionEnd - end - 1, 20);
            digits.Append('.').Append(_s, end + 1, decimals);
            end = fractionEnd;
        }

        decimal value = decimal.Parse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        int digitsEnd = end;
        decimal scale = 1m;
        bool percent = false;
        bool more = false;
        bool ordinal = false;
        bool hasUnit = false;

        if (end < Len && CharInfo.IsLatinLetter(_s[end]))
        {
            int le = end;
            while (le < Len && CharInfo.IsLatinLetter(_s[le]))
            {
                le++;
            }

            string letters = _s[end..le];
            if (le < Len && (CharInfo.IsDigit(_s[le]) || (_s[le] is '-' or '_' && le + 1 < Len && CharInfo.IsLatinLetterOrDigit(_s[le + 1]) && letters.Length == 1)))
            {
                return false; // 3D2, 4o-mini
            }

            if (LetterScales.TryGetValue(letters, out decimal letterScale))
            {
                scale = letterScale;
                end = le;
            }
            else if (letters is "st" or "nd" or "rd" or "th" && decimals == 0 && !grouped)
            {
                ordinal = true;
                end = le;
            }
            else if (letters == "pp")
            {
                percent = true;
                end = le;
            }
            else if (Units.Contains(letters))
            {
                hasUnit = true;
            }
            else
            {
                return false; // 3D, 5G
            }
        }

        if (!ordinal)
        {
            if (end < Len && _s[end] is '多' or '余')
            {
                more = true;
                end++;
            }
            else if (CharInfo.StartsAt(_s, end, "个多"))
            {
                more = true;
                end += 2;
            }

            if (scale == 1m && !hasUnit)
            {
                while (end < Len && ChineseScale(end) is var s && s > 0 && scale <= 1e16m)
                {
                    scale *= s;
                    end++;
                }

                if (scale != 1m && end < Len && _s[end] is '多' or '余')
                {
                    more = true;
                    end++;
                }
            }

            if (scale == 1m && !hasUnit)
            {
                int w = SkipSpaces(end);
                foreach (var (word, wordScale) in WordScales)
                {
                    if (w > end && CharInfo.WordAt(_s, w, word))
                    {
                        scale = wordScale;
                        end = w + word.Length;
                        break;
                    }
                }
            }

            if (!percent && !hasUnit && scale == 1m && CharInfo.At(_s, end, '成') && value <= 10m && !CharInfo.StartsAt(_s, end, "成不变"))
            {
                percent = true; // 3成 = 30%
                value *= 10m;
                decimals = Math.Max(0, decimals - 1);
                end++;
            }

            if (!percent && !hasUnit)
            {
                if (CharInfo.At(_s, end, '%'))
                {
                    percent = true;
                    end++;
                }
                else if (CharInfo.StartsAt(_s, end, "个百分点") || CharInfo.StartsAt(_s, end, "百分点"))
                {
                    percent = true;
                    end += _s[end] == '个' ? 4 : 3;
                }
                else
                {
                    int w = SkipSpaces(end);
                    foreach (string word in (ReadOnlySpan<string>)["percentage points", "percentage point", "per cent", "percent", "pct"])
                    {
                        if (CharInfo.WordAt(_s, w, word))
                        {
                            percent = true;
                            end = w + word.Length;
                            break;
                        }
                    }
                }
            }
        }

        if (scale > 1m && value > 1e24m / scale)
        {
            return false; // beyond any real-world figure; also keeps decimal arithmetic from overflowing
        }

        q = new Quantity(i, digitsEnd, end, value, decimals, scale, percent, more, ordinal, grouped, negative, hasUnit)
        {
            Value = negative ? -value : value,
        };
        return true;
    }

    private decimal ChineseScale(int i) => _s[i] switch
    {
        '百' when !CharInfo.StartsAt(_s, i, "百分") => 100m,
        '千' when !(i + 1 < Len && "米克瓦卡字兆帕伏焦赫".Contains(_s[i + 1], StringComparison.Ordinal)) => 1_000m,
        '万' => 10_000m,
        '亿' => 100_000_000m,
        _ => 0m,
    };

    /// <summary>first [-–—~至到 to and] second, with the second a plain number; low must be below high.</summary>
    private bool TryRange(int start, Quantity first, out int rangeStart, out int rangeEnd, out Quantity second)
    {
        rangeStart = start;
        rangeEnd = first.End;
        second = default;
        int j = SkipSpaces(first.End);
        bool spaced = j > first.End;
        string separator;
        if (j < Len && _s[j] is '-' or '–' or '—' or '~' or '〜' or '至' or '到')
        {
            separator = _s[j].ToString();
            j++;
        }
        else if (spaced && (CharInfo.WordAt(_s, j, "to") || CharInfo.WordAt(_s, j, "and")))
        {
            separator = CharInfo.WordAt(_s, j, "to") ? "to" : "and";
            j += separator.Length;
        }
        else
        {
            return false;
        }

        int k = SkipSpaces(j);
        if (separator is "to" or "and" && k == j)
        {
            return false;
        }

        while (k < Len && _s[k] is '$' or '¥' or '€' or '£' or '￥')
        {
            k++;
        }

        if (k >= Len || !CharInfo.IsDigit(_s[k]) || IsExcluded(k) || !ReadNumber(k, out second) || second.IsOrdinal || second.MoreThan)
        {
            return false;
        }

        decimal scale = second.Scale != 1m ? second.Scale : first.Scale;
        decimal low = first.Value * (first.Scale == 1m ? scale : first.Scale);
        decimal high = second.Value * second.Scale;
        if (low >= high || (first.IsPercent && !second.IsPercent && second.Scale != 1m))
        {
            return false;
        }

        // between … and …, from … to …
        int before = start;
        while (before > 0 && _s[before - 1] == ' ')
        {
            before--;
        }

        while (before > 0 && _s[before - 1] is '$' or '¥' or '€' or '£' or '￥')
        {
            before--;
        }

        while (before > 0 && _s[before - 1] == ' ')
        {
            before--;
        }

        bool between = before < start && CharInfo.WordEndsAt(_s, before, "between");
        bool from = before < start && CharInfo.WordEndsAt(_s, before, "from");
        if (separator == "and" && !between)
        {
            return false;
        }

        if (between || (from && separator is "to" or "-" or "–"))
        {
            rangeStart = before - (between ? "between".Length : "from".Length);
        }

        rangeEnd = second.End;
        return true;
    }

    /// <summary>YYYY年[M月[D日]], YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY-MM, YYYY/M, M月[D日], D Month [YYYY].</summary>
    private bool TryDate(int i, out int end)
    {
        end = i;
        int r = DigitRunEnd(i);
        int count = r - i;
        if (count > 4)
        {
            return false;
        }

        int value = int.Parse(_s.AsSpan(i, count), CultureInfo.InvariantCulture);
        if (count == 4 && value is >= 1000 and <= 2999)
        {
            if (CharInfo.At(_s, r, '年'))
            {
                int last = r + 1;
                int? month = null;
                int? day = null;
                if (TrySmallNumberBefore(last, '月', 12, out int m, out int afterMonth))
                {
                    month = m;
                    last = afterMonth;
                    if (TrySmallNumberBefore(last, '日', 31, out int d, out int afterDay) || TrySmallNumberBefore(last, '号', 31, out d, out afterDay))
                    {
                        day = d;
                        last = afterDay;
                    }
                }

                if (month is null)
                {
                    AddFigure(i, last, FigureKind.Year, value, value, false, FigureQualifier.Exact, 0, 1m, value);
                }
                else
                {
                    AddDate(i, last, value, month, day);
                }

                end = last;
                return true;
            }

            if (r + 1 < Len && _s[r] is '-' or '/' or '.' && CharInfo.IsDigit(_s[r + 1]))
            {
                char sep = _s[r];
                int mEnd = DigitRunEnd(r + 1);
                int mLen = mEnd - r - 1;
                if (mLen is < 1 or > 2)
                {
                    return false;
                }

                int month = int.Parse(_s.AsSpan(r + 1, mLen), CultureInfo.InvariantCulture);
                if (month is < 1 or > 12)
                {
                    return false;
                }

                if (CharInfo.At(_s, mEnd, sep) && mEnd + 1 < Len && CharInfo.IsDigit(_s[mEnd + 1]))
                {
                    int dEnd = DigitRunEnd(mEnd + 1);
                    int dLen = dEnd - mEnd - 1;
                    if (dLen is < 1 or > 2 || IsNumberContinuation(dEnd) || CharInfo.At(_s, dEnd, '%'))
                    {
                        return false;
                    }

                    int day = int.Parse(_s.AsSpan(mEnd + 1, dLen), CultureInfo.InvariantCulture);
                    if (day is < 1 or > 31)
                    {
                        return false;
                    }

                    AddDate(i, dEnd, value, month, day);
                    end = dEnd;
                    return true;
                }

                bool monthOnly = sep == '/' || (sep == '-' && mLen == 2);
                if (monthOnly && !IsNumberContinuation(mEnd) && !CharInfo.At(_s, mEnd, sep) && !CharInfo.At(_s, mEnd, '%')
                    && !(mEnd < Len && CharInfo.IsLatinLetter(_s[mEnd])))
                {
                    AddDate(i, mEnd, value, month, null);
                    end = mEnd;
                    return true;
                }
            }

            return false;
        }

        if (count is 1 or 2 && (i == 0 || !CharInfo.IsDigit(_s[i - 1])))
        {
            if (TrySmallNumberBefore(i, '月', 12, out int month, out int afterMonth))
            {
                int last = afterMonth;
                int? day = null;
                if (TrySmallNumberBefore(last, '日', 31, out int d, out int afterDay) || TrySmallNumberBefore(last, '号', 31, out d, out afterDay))
                {
                    day = d;
                    last = afterDay;
                }

                AddDate(i, last, null, month, day);
                end = last;
                return true;
            }

            // 25 June 2025
            int w = SkipSpaces(r);
            if (w > r && value is >= 1 and <= 31 && w < Len && CharInfo.IsLatinLetter(_s[w]))
            {
                int we = w;
                while (we < Len && CharInfo.IsLatinLetter(_s[we]))
                {
                    we++;
                }

                if (TryMonthName(_s.AsSpan(w, we - w), out int mon) && (we >= Len || !CharInfo.IsDigit(_s[we])))
                {
                    int last = CharInfo.At(_s, we, '.') && we - w == 3 ? we + 1 : we;
                    int? year = null;
                    int y = SkipSpaces(we);
                    if (y > we && TryYearDigits(y, out int yv, out int yEnd))
                    {
                        year = yv;
                        last = yEnd;
                    }

                    AddDate(i, last, year, mon, value);
                    end = last;
                    return true;
                }
            }
        }

        return false;
    }

    private bool TrySmallNumberBefore(int i, char marker, int max, out int value, out int end)
    {
        value = 0;
        end = i;
        int r = DigitRunEnd(i);
        if (r - i is < 1 or > 2 || !CharInfo.At(_s, r, marker))
        {
            return false;
        }

        value = int.Parse(_s.AsSpan(i, r - i), CultureInfo.InvariantCulture);
        end = r + 1;
        return value >= 1 && value <= max;
    }
}
