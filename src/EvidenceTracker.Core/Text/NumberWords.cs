namespace EvidenceTracker.Text;

/// <summary>
/// Reads numbers written as words, for comparison with digits: English (twelve, twenty-one, two hundred, two million,
/// a dozen, twice, two-fold, twofold, half, a third of, two-thirds, one in five, twelve percent) and Chinese (十二个,
/// 二十多万人, 三成, 两倍, 一半, 三分之一). A bare "one" or 一 is no figure ("one of", 一种), nor are 十分 ("very"),
/// 一成不变, or a Chinese numeral without a measure word after it.
/// </summary>
internal static class NumberWords
{
    /// <summary>What was read: its end, and whether it is a figure (a bare "one" is read, and skipped, but is none).</summary>
    public readonly record struct Reading(int End, bool Figure, decimal Value, bool Percent, decimal Scale, bool MoreThan);

    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Denominators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 2, ["halves"] = 2, ["third"] = 3, ["thirds"] = 3, ["quarter"] = 4, ["quarters"] = 4, ["fifth"] = 5,
        ["fifths"] = 5, ["sixth"] = 6, ["sixths"] = 6, ["eighth"] = 8, ["eighths"] = 8, ["tenth"] = 10, ["tenths"] = 10,
    };

    // Words are looked up as spans of the text: no string is made for each word a scan passes.
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TenLookup = Tens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DenominatorLookup = Denominators.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly (string Word, decimal Scale)[] Scales =
    [
        ("thousand", 1_000m), ("million", 1_000_000m), ("billion", 1_000_000_000m), ("trillion", 1_000_000_000_000m),
    ];

    private const string Classifiers = "个名位例人家项次倍年月天日岁种台款所座条篇份组批类支只件张部周元块辆架颗株场轮届期户间层台门级代";

    /// <summary>Reads an English number word at <paramref name="i"/> (a word start in folded text).</summary>
    public static bool TryEnglish(string s, int i, out Reading reading)
    {
        reading = default;
        int end = WordEnd(s, i);
        var word = s.AsSpan(i, end - i);
        if (word.Equals("twice", StringComparison.OrdinalIgnoreCase))
        {
            reading = new Reading(end, true, 2m, false, 1m, false);
            return true;
        }

        if (word.Equals("half", StringComparison.OrdinalIgnoreCase) && !CharInfo.At(s, end, '-'))
        {
            reading = new Reading(end, true, 50m, true, 1m, false);
            return true;
        }

        if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase))
        {
            reading = new Reading(end, true, 12m, false, 1m, false);
            return true;
        }

        if (word is "a" or "A" or "an" && NextWord(s, end) is var (ds, de) && ds > end && DenominatorLookup.TryGetValue(s.AsSpan(ds, de - ds), out int den)
            && den > 2 && NextWord(s, de) is var (os, oe) && os > de && s.AsSpan(os, oe - os).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            reading = new Reading(de, true, 100m / den, true, 1m, false); // a third of
            return true;
        }

        if (word.EndsWith("fold", StringComparison.OrdinalIgnoreCase) && UnitLookup.TryGetValue(word[..^4], out int folded))
        {
            reading = new Reading(end, true, folded, false, 1m, false); // twofold
            return true;
        }

        if (!TryCardinal(s, i, out decimal value, out int cardinalEnd))
        {
            return false;
        }

        end = cardinalEnd;
        decimal scale = 1m;
        var (ns, ne) = NextWord(s, end);
        bool hyphen = CharInfo.At(s, end, '-');
        var next = ns < ne && (ns > end || hyphen) ? s.AsSpan(ns, ne - ns) : [];
        if (ns == end + 1 && hyphen && next.Equals("fold", StringComparison.OrdinalIgnoreCase))
        {
            reading = new Reading(ne, true, value, false, 1m, false); // two-fold
            return true;
        }

        if (DenominatorLookup.TryGetValue(next, out int denominator) && denominator > 2 && (value > 1 || (next.Length > 0 && next[^1] == 's') || hyphen || IsOf(s, ne)))
        {
            reading = new Reading(ne, true, value * 100m / denominator, true, 1m, false); // two-thirds, one third of
            return true;
        }

        if (next.Equals("in", StringComparison.OrdinalIgnoreCase) && TryCardinal(s, NextWord(s, ne).Start, out decimal of, out int ofEnd)
            && NextWord(s, ne).Start > ne && of > value)
        {
            reading = new Reading(ofEnd, true, value * 100m / of, true, 1m, false); // one in five
            return true;
        }

        if (next.Equals("dozen", StringComparison.OrdinalIgnoreCase))
        {
            reading = new Reading(ne, true, value * 12m, false, 1m, false);
            return true;
        }

        if (next.Equals("percent", StringComparison.OrdinalIgnoreCase) && ns > end)
        {
            reading = new Reading(ne, true, value, true, 1m, false);
            return true;
        }

        foreach (var (scaleWord, factor) in Scales)
        {
            if (ns > end && next.Equals(scaleWord, StringComparison.OrdinalIgnoreCase))
            {
                scale = factor;
                end = ne;
                break;
            }
        }

        reading = new Reading(end, value * scale != 1m, value * scale, false, scale, false); // a bare "one" is no figure
        return true;
    }

    /// <summary>one … ninety-nine, optionally "N hundred [and M]", a hundred.</summary>
    private static bool TryCardinal(string s, int i, out decimal value, out int end)
    {
        value = 0;
        end = i;
        if (i >= s.Length || !CharInfo.IsLatinLetter(s[i]))
        {
            return false;
        }

        int we = WordEnd(s, i);
        var word = s.AsSpan(i, we - i);
        if (word is "a" or "A" && NextWord(s, we) is var (hs, he) && hs > we && s.AsSpan(hs, he - hs).Equals("hundred", StringComparison.OrdinalIgnoreCase))
        {
            value = 100m;
            end = he;
            return true;
        }

        int n;
        if (TenLookup.TryGetValue(word, out int tens))
        {
            n = tens;
            end = we;
            if ((CharInfo.At(s, we, '-') || CharInfo.At(s, we, ' ')) && WordEnd(s, we + 1) is int ue && ue > we + 1
                && UnitLookup.TryGetValue(s.AsSpan(we + 1, ue - we - 1), out int unit) && unit < 10)
            {
                n += unit;
                end = ue;
            }
        }
        else if (UnitLookup.TryGetValue(word, out int units))
        {
            n = units;
            end = we;
        }
        else
        {
            return false;
        }

        value = n;
        var (ns, ne) = NextWord(s, end);
        if (ns > end && s.AsSpan(ns, ne - ns).Equals("hundred", StringComparison.OrdinalIgnoreCase))
        {
            value = n * 100m;
            end = ne;
            var (as_, ae) = NextWord(s, end);
            int rest = as_ > end && s.AsSpan(as_, ae - as_).Equals("and", StringComparison.OrdinalIgnoreCase) ? NextWord(s, ae).Start : as_;
            if (rest > end && TryCardinal(s, rest, out decimal tail, out int tailEnd) && tail < 100m)
            {
                value += tail;
                end = tailEnd;
            }
        }

        return true;
    }

    /// <summary>Reads a Chinese number at <paramref name="i"/>: 一半, 三成, 两倍, 三分之一, or a numeral with a measure word (十二个).</summary>
    public static bool TryChinese(string s, int i, out Reading reading)
    {
        reading = default;
        char c = s[i];
        if (ChineseNumerals.DigitValue(c) < 0 && c != '十')
        {
            return false;
        }

        if (CharInfo.StartsAt(s, i, "一半"))
        {
            reading = new Reading(i + 2, true, 50m, true, 1m, false);
            return true;
        }

        if (!ChineseNumerals.TryParse(s, i, allowDecimal: true, out decimal value, out int end, out _) || value == 0m)
        {
            return false;
        }

        if (CharInfo.StartsAt(s, end, "分之") && ChineseNumerals.TryParse(s, end + 2, allowDecimal: false, out decimal part, out int partEnd, out _))
        {
            reading = new Reading(partEnd, part <= value, part * 100m / value, true, 1m, false); // 三分之一
            return true;
        }

        if (CharInfo.At(s, end, '成'))
        {
            bool idiom = CharInfo.StartsAt(s, end, "成不变") || value > 10m;
            reading = new Reading(end + 1, !idiom, value * 10m, true, 1m, false); // 三成 = 30%
            return true;
        }

        if (CharInfo.StartsAt(s, end, "个百分点"))
        {
            reading = new Reading(end + 4, true, value, true, 1m, false);
            return true;
        }

        bool more = end < s.Length && s[end] is '多' or '余';
        int k = more ? end + 1 : end;
        decimal after = k < s.Length && s[k] == '万' ? 10_000m : k < s.Length && s[k] == '亿' ? 100_000_000m : 1m;
        if (after > 1m && value < 10_000m)
        {
            value *= after; // 二十多万
            k++;
        }

        if (after > 1m || (k < s.Length && Classifiers.Contains(s[k], StringComparison.Ordinal) && !(value == 1m && end - i == 1 && s[k] != '倍')))
        {
            decimal scale = value >= 100_000_000m && value % 100_000_000m == 0 ? 100_000_000m : value >= 10_000m && value % 10_000m == 0 ? 10_000m : 1m;
            reading = new Reading(after > 1m ? k : more ? end + 1 : end, true, value, false, scale, more);
            return true;
        }

        reading = new Reading(end, false, 0m, false, 1m, false);
        return true;
    }

    private static bool IsOf(string s, int end)
    {
        var (os, oe) = NextWord(s, end);
        return os > end && s.AsSpan(os, oe - os).Equals("of", StringComparison.OrdinalIgnoreCase);
    }

    private static int WordEnd(string s, int i)
    {
        while (i < s.Length && CharInfo.IsLatinLetter(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The next Latin word after <paramref name="end"/>, across spaces or one hyphen; (end, end) when there is none.</summary>
    private static (int Start, int End) NextWord(string s, int end)
    {
        int j = end;
        if (CharInfo.At(s, j, '-'))
        {
            j++;
        }
        else
        {
            while (j < s.Length && s[j] is ' ' or '\u00A0')
            {
                j++;
            }
        }

        if (j == end || j >= s.Length || !CharInfo.IsLatinLetter(s[j]))
        {
            return (end, end);
        }

        return (j, WordEnd(s, j));
    }
}
