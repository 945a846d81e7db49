namespace EvidenceTracker.Text;

/// <summary>Parses Chinese numerals such as 三, 十一, 二十五, 一百零五, 三千, 两万 and 九十五点五.</summary>
internal static class ChineseNumerals
{
    public static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int SmallUnit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => 0,
    };

    /// <summary>Reads a Chinese numeral at <paramref name="index"/>; returns false when there is none.</summary>
    public static bool TryParse(string s, int index, bool allowDecimal, out decimal value, out int end, out int decimals)
    {
        value = 0;
        decimals = 0;
        end = index;
        decimal total = 0;
        decimal section = 0;
        decimal number = 0;
        bool any = false;
        int j = index;
        while (j < s.Length)
        {
            char c = s[j];
            int d = DigitValue(c);
            int unit = SmallUnit(c);
            if (d >= 0)
            {
                number = d;
            }
            else if (unit > 0)
            {
                section += (number == 0 ? 1 : number) * unit;
                number = 0;
            }
            else if (c is '万' or '亿' && total + section + number > 1e16m)
            {
                break; // beyond any real-world figure; keeps decimal arithmetic from overflowing
            }
            else if (c == '万' && any)
            {
                total += (section + number) * 10_000m;
                section = number = 0;
            }
            else if (c == '亿' && any)
            {
                total = (total + section + number) * 100_000_000m;
                section = number = 0;
            }
            else
            {
                break;
            }

            any = true;
            j++;
        }

        if (!any)
        {
            return false;
        }

        value = total + section + number;
        if (allowDecimal && j + 1 < s.Length && s[j] == '点' && DigitValue(s[j + 1]) >= 0)
        {
            j++;
            decimal scale = 0.1m;
            while (j < s.Length && DigitValue(s[j]) is int dd && dd >= 0)
            {
                value += dd * scale;
                scale /= 10m;
                decimals++;
                j++;
            }
        }

        end = j;
        return true;
    }
}
