using System.Globalization;

namespace EvidenceTracker.Text;

/// <summary>
/// Finds figures (numbers, percentages, ranges, years, dates, ordinals) in Chinese or English plain text.
/// Full-width digits and signs are folded first; offsets always refer to the original string.
/// Handles thousands separators (20,530), decimals, percent (%, ％, percent, 个百分点, 百分之三十), ranges
/// (20%-30%, 95%至99%, 2到10, 0.986–0.996, between 2 and 3, from 2 to 10), Chinese and English scale words
/// (万, 亿, 千, 百, k, M, bn, thousand, million, billion), qualifiers (约, 近, 多, 余, 以上, 超过, 左右, about,
/// nearly, more than, up to, at least, ~ …), years and dates (2023年, 2024年4月, 2025/6/25, 2025-06-25,
/// June 2025, in 2023) and ordinals (第三位, 3rd, No. 1).
/// Not figures: identifiers (COVID-19, SARS-CoV-2, H100, GPT-4, iPhone 15, AI 2.0, ISO 9001, C++14, #123, grant numbers),
/// version numbers (v2.0.1, 2.0.1, Rust 1.64, QNX 8.0, Windows 11), footnote labels ([^1], [2]), bracketed tags
/// ([C++14], [v2]), code spans, URLs, domain names, DOIs, labels of the text's own parts (Fig. 3, Section 2, Step 1,
/// Part 2), list and section numbering ("1. ", "(2)", "3.2 Results"), times (3 pm) and digits inside Latin words.
/// Numbers written as words (twelve, two-fold, half, a third, a dozen, 三成, 十二个, 两倍, 一半) are figures only when
/// asked for (<see cref="ExtractWithNumberWords"/>): <c>figure-mismatch</c> compares them with digits, while
/// <c>uncited-sentence</c> leaves them alone (two things, one of, 一种 are not statistics).
/// </summary>
public static class FigureExtractor
{
    /// <summary>Returns the figures of <paramref name="text"/> written with digits, in order of appearance.</summary>
    public static IReadOnlyList<Figure> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FigureScanner(text, numberWords: false).Run();
    }

    /// <summary>
    /// Returns the figures of <paramref name="text"/>, numbers written as words included (twelve = 12, two-fold = 2,
    /// half = 50%, a third ≈ 33.3%, a dozen = 12, one in five = 20%, 三成 = 30%, 十二个 = 12, 两倍 = 2, 一半 = 50%).
    /// </summary>
    public static IReadOnlyList<Figure> ExtractWithNumberWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FigureScanner(text, numberWords: true).Run();
    }

    /// <summary>Returns the version and model numbers of <paramref name="text"/> (QNX 8.0, GPT-4o, iOS 17, H100), in order.</summary>
    public static IReadOnlyList<VersionIdentifier> ExtractVersions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new FigureScanner(text, numberWords: false, versions: true);
        scanner.Run();
        return scanner.Versions;
    }
}

internal sealed class FigureScanner
{
    private static readonly (string Phrase, FigureQualifier Qualifier)[] ChinesePrefixes = SortByLength(
    [
        ("约", FigureQualifier.About), ("大约", FigureQualifier.About), ("约为", FigureQualifier.About), ("大概", FigureQualifier.About),
        ("大致", FigureQualifier.About), ("大约为", FigureQualifier.About),
        ("近", FigureQualifier.Nearly), ("将近", FigureQualifier.Nearly), ("接近", FigureQualifier.Nearly), ("几乎", FigureQualifier.Nearly),
        ("超过", FigureQualifier.MoreThan), ("超过了", FigureQualifier.MoreThan), ("超", FigureQualifier.MoreThan), ("逾", FigureQualifier.MoreThan),
        ("多于", FigureQualifier.MoreThan), ("大于", FigureQualifier.MoreThan), ("高于", FigureQualifier.MoreThan), ("超出", FigureQualifier.MoreThan),
        ("不到", FigureQualifier.LessThan), ("不足", FigureQualifier.LessThan), ("少于", FigureQualifier.LessThan), ("低于", FigureQualifier.LessThan),
        ("小于", FigureQualifier.LessThan), ("不及", FigureQualifier.LessThan),
        ("高达", FigureQualifier.UpTo), ("多达", FigureQualifier.UpTo), ("最高", FigureQualifier.UpTo), ("最高达", FigureQualifier.UpTo),
        ("最高达到", FigureQualifier.UpTo), ("最高为", FigureQualifier.UpTo), ("最多", FigureQualifier.UpTo), ("不超过", FigureQualifier.UpTo),
        ("至多", FigureQualifier.UpTo),
        ("至少", FigureQualifier.AtLeast), ("不少于", FigureQualifier.AtLeast), ("不低于", FigureQualifier.AtLeast), ("最少", FigureQualifier.AtLeast),
        ("最低", FigureQualifier.AtLeast),
    ]);

    private static readonly (string Phrase, FigureQualifier Qualifier)[] EnglishPrefixes = SortByLength(
    [
        ("about", FigureQualifier.About), ("around", FigureQualifier.About), ("approximately", FigureQualifier.About), ("approx.", FigureQualifier.About),
        ("approx", FigureQualifier.About), ("roughly", FigureQualifier.About), ("circa", FigureQualifier.About), ("an estimated", FigureQualifier.About),
        ("some", FigureQualifier.About),
        ("nearly", FigureQualifier.Nearly), ("almost", FigureQualifier.Nearly), ("close to", FigureQualifier.Nearly), ("just under", FigureQualifier.Nearly),
        ("more than", FigureQualifier.MoreThan), ("over", FigureQualifier.MoreThan), ("above", FigureQualifier.MoreThan), ("greater than", FigureQualifier.MoreThan),
        ("in excess of", FigureQualifier.MoreThan), ("exceeding", FigureQualifier.MoreThan), ("upwards of", FigureQualifier.MoreThan), ("just over", FigureQualifier.MoreThan),
        ("less than", FigureQualifier.LessThan), ("fewer than", FigureQualifier.LessThan), ("under", FigureQualifier.LessThan), ("below", FigureQualifier.LessThan),
        ("up to", FigureQualifier.UpTo), ("as many as", FigureQualifier.UpTo), ("as much as", FigureQualifier.UpTo), ("as high as", FigureQualifier.UpTo),
        ("at most", FigureQualifier.UpTo), ("no more than", FigureQualifier.UpTo),
        ("at least", FigureQualifier.AtLeast), ("no less than", FigureQualifier.AtLeast), ("no fewer than", FigureQualifier.AtLeast),
    ]);

    private static readonly (string Phrase, FigureQualifier Qualifier)[] ChineseSuffixes =
    [
        ("左右", FigureQualifier.About), ("上下", FigureQualifier.About), ("以上", FigureQualifier.AtLeast),
        ("以下", FigureQualifier.UpTo), ("以内", FigureQualifier.UpTo),
    ];

    private static readonly (string Phrase, FigureQualifier Qualifier)[] EnglishSuffixes =
    [
        ("or more", FigureQualifier.AtLeast), ("or so", FigureQualifier.About), ("or less", FigureQualifier.UpTo),
        ("or fewer", FigureQualifier.UpTo), ("and above", FigureQualifier.AtLeast), ("and over", FigureQualifier.AtLeast),
    ];

    private static readonly Dictionary<string, decimal> LetterScales = new(StringComparer.Ordinal)
    {
        ["k"] = 1_000m, ["K"] = 1_000m, ["M"] = 1_000_000m, ["mn"] = 1_000_000m, ["B"] = 1_000_000_000m,
        ["bn"] = 1_000_000_000m, ["Bn"] = 1_000_000_000m, ["tn"] = 1_000_000_000_000m,
    };

    private static readonly (string Word, decimal Scale)[] WordScales =
    [
        ("hundred", 100m), ("thousand", 1_000m), ("million", 1_000_000m), ("billion", 1_000_000_000m), ("trillion", 1_000_000_000_000m),
    ];

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "mg", "g", "kg", "t", "km", "m", "cm", "mm", "nm", "um", "ml", "mL", "l", "L", "ms", "h", "hr", "hrs", "min", "mins", "d", "yr", "yrs",
        "mo", "wk", "x", "X", "GB", "MB", "TB", "KB", "kB", "Gb", "Mb", "GHz", "MHz", "Hz", "kHz", "W", "kW", "MW", "GW", "kWh", "MWh",
        "GWh", "TWh", "V", "kV", "mV", "mA", "mAh", "px", "dpi", "fps", "bp", "kb", "kbp", "Mbp", "cal", "kcal", "Pa", "kPa", "MPa",
        "ppm", "ppb", "mmHg", "lb", "lbs", "oz", "ft", "mi", "mph", "kph", "sec", "secs", "mol", "mmol", "IU", "USD", "RMB", "CNY", "EUR",
    };

    private static readonly HashSet<string> CurrencyCodes = new(StringComparer.Ordinal)
    {
        "USD", "EUR", "CNY", "RMB", "GBP", "JPY", "HKD", "CHF", "AUD", "CAD", "SGD", "KRW", "INR", "TWD", "US",
    };

    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "mid", "pre", "post", "early", "late", "top", "since", "circa",
    };

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fig", "figs", "figure", "figures", "table", "tables", "eq", "eqs", "equation", "section", "sec", "chapter", "ch", "appendix",
        "page", "pages", "p", "pp", "ref", "refs", "step", "item", "line", "lines", "vol", "volume", "issue", "clause", "footnote",
        "version", "ver", "release", "model", "type", "level", "grade", "stage", "phase", "class", "room", "route",
        "grant", "grants", "award", "awards", "agreement", "contract", "number", "nos", "part", "episode", "season", "lesson",
        "exercise", "question", "listing", "example", "lemma", "theorem", "proposition", "corollary", "definition", "algorithm",
        "box", "panel", "slide", "exhibit", "annex", "rfc", "pr", "ticket", "bug", "patch", "build", "milestone", "sprint",
        "day", "week", "round", "track", "task", "problem", "challenge", "tip", "rule", "principle", "law", "article", "no",
        "port", "pid", "uid", "exit", "code", "error", "errno", "id",
    };

    /// <summary>Capitalised words that are no product name before a number: determiners, prepositions, qualifiers, pronouns.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "all", "another", "any", "both", "each", "every", "either", "neither",
        "some", "many", "few", "several", "most", "more", "less", "fewer", "only", "just", "even", "also", "still", "yet", "and",
        "but", "or", "nor", "so", "then", "now", "here", "there", "when", "where", "while", "if", "once", "as", "than", "like",
        "via", "per", "about", "around", "almost", "approx", "circa", "over", "under", "above", "below", "between", "among",
        "after", "before", "during", "within", "without", "into", "onto", "upon", "at", "by", "for", "from", "in", "of", "on",
        "to", "with", "since", "until", "till", "through", "up", "down", "top", "total", "overall", "today", "yesterday",
        "tomorrow", "last", "next", "first", "second", "third", "age", "ages", "aged", "we", "they", "i", "you", "he", "she",
        "it", "our", "their", "my", "your", "his", "her", "its", "is", "was", "are", "were", "be", "been", "has", "have", "had",
        "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "should", "not", "no", "nearly", "roughly",
        "exactly", "around", "fully", "barely", "another", "additional", "extra", "other", "same", "such", "what", "which",
        "who", "whose", "why", "how", "plus", "minus", "times", "just", "spring", "summer", "autumn", "fall", "winter", "fiscal",
        "end", "mid", "early", "late", "year", "years", "week", "weeks", "day", "days", "month", "months", "hour", "hours",
        "cost", "costs", "took", "takes", "take", "cut", "cuts", "save", "saves", "run", "runs", "got", "gets", "get", "see",
        "top", "best", "worst", "why", "use", "using", "add", "adds", "only", "over", "nearly", "reached", "hit", "hits",
        "moreover", "however", "furthermore", "therefore", "thus", "hence", "meanwhile", "instead", "otherwise", "besides",
        "indeed", "overall", "altogether", "again", "already", "ago", "almost", "though", "although", "because", "whereas",
        "whether", "unlike", "despite", "except", "including", "excluding", "against", "across", "along", "beyond", "toward",
        "towards", "around", "behind", "beside", "near", "past", "out", "off", "away", "back", "half", "twice", "once",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameLookup = NotNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixLookup = HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LabelLookup = Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> YearPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "from", "until", "till", "before", "after", "during", "through", "circa", "year", "early", "late", "mid",
        "spring", "summer", "autumn", "fall", "winter", "fiscal", "FY", "end", "throughout",
    };

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private readonly string _original;
    private readonly string _s;
    private readonly bool[] _excluded;
    private readonly bool _numberWords;
    private readonly List<Figure> _figures = [];
    private int _lastEnd;

    private readonly List<VersionIdentifier>? _versions;

    public FigureScanner(string text, bool numberWords, bool versions = false)
    {
        _original = text;
        _s = CharInfo.Fold(text);
        _excluded = BuildExclusions(_s);
        _numberWords = numberWords;
        _versions = versions ? [] : null;
    }

    public IReadOnlyList<VersionIdentifier> Versions => _versions ?? [];

    /// <summary>Records the version that starts at <paramref name="versionStart"/>, of the name [nameStart, nameEnd).</summary>
    private void AddVersion(int nameStart, int nameEnd, int versionStart)
    {
        if (_versions is null || nameEnd <= nameStart)
        {
            return;
        }

        int j = versionStart;
        if (j < Len && _s[j] is 'v' or 'V' && j + 1 < Len && CharInfo.IsDigit(_s[j + 1]))
        {
            j++;
        }

        int digits = j;
        while (j < Len && (CharInfo.IsDigit(_s[j]) || (_s[j] == '.' && j + 1 < Len && CharInfo.IsDigit(_s[j + 1]))))
        {
            j++;
        }

        if (j == digits)
        {
            return;
        }

        int letters = j;
        while (j < Len && CharInfo.IsLatinLetter(_s[j]) && j - letters < 3)
        {
            j++;
        }

        if (j < Len && CharInfo.IsLatinLetterOrDigit(_s[j]))
        {
            j = letters; // 3D2 and the like: keep the digits only
        }

        string version = _s[digits..j].ToLowerInvariant();
        if (j - letters == 1 && version.EndsWith('s'))
        {
            version = version[..^1]; // H100s
        }

        _versions.Add(new VersionIdentifier
        {
            Name = _original[nameStart..nameEnd],
            Version = version,
            Start = nameStart,
            Text = _original[nameStart..j],
        });
    }

    private int NameStartBefore(int end)
    {
        int k = end;
        while (k > 0 && CharInfo.IsLatinLetter(_s[k - 1]))
        {
            k--;
        }

        return k;
    }

    private int Len => _s.Length;

    public IReadOnlyList<Figure> Run()
    {
        int i = 0;
        while (i < Len)
        {
            int next = i + 1;
            if (!_excluded[i])
            {
                char c = _s[i];
                if (CharInfo.IsLatinLetter(c) && (i == 0 || !CharInfo.IsLatinLetterOrDigit(_s[i - 1])))
                {
                    next = _numberWords && NumberWords.TryEnglish(_s, i, out var word) ? AddNumberWord(i, word) : ScanLatinWord(i);
                }
                else if (c == '第')
                {
                    next = ScanChineseOrdinal(i);
                }
                else if (c == '百' && CharInfo.StartsAt(_s, i, "百分之"))
                {
                    next = ScanChinesePercent(i);
                }
                else if (CharInfo.IsDigit(c) || (c == '-' && i + 1 < Len && CharInfo.IsDigit(_s[i + 1]) && NegativeSignAllowed(i)))
                {
                    next = ScanNumber(i);
                }
                else if (_numberWords && (i == 0 || ChineseNumerals.DigitValue(_s[i - 1]) < 0) && NumberWords.TryChinese(_s, i, out var word))
                {
                    next = AddNumberWord(i, word);
                }
            }

            i = Math.Max(next, i + 1);
        }

        return _figures;
    }

    // ---------------------------------------------------------------- exclusions

    private static bool[] BuildExclusions(string s)
    {
        var excluded = new bool[s.Length];
        int i = 0;
        while (i < s.Length)
        {
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
            else if (i == LeadingSpaces(s) && TryEnumeration(s, i, out int enumEnd))
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
                Array.Fill(excluded, true, i, end - i);
                i = end;
            }
            else
            {
                i++;
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
            return SkipIdentifier(digitStart);
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
                digits.Append(_s, intEnd + 1, 3);
                intEnd += 4;
                grouped = true;
            }
        }

        if (digits.Length > 20)
        {
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

        if (k >= Len || !CharInfo.IsDigit(_s[k]) || _excluded[k] || !ReadNumber(k, out second) || second.IsOrdinal || second.MoreThan)
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

        foreach (var (phrase, qualifier) in EnglishPrefixes)
        {
            int s = k - phrase.Length;
            if (s >= _lastEnd && k < start && CharInfo.StartsAtIgnoreCase(_s, s, phrase) && (s == 0 || !CharInfo.IsLatinLetterOrDigit(_s[s - 1])))
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
