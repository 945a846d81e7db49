
namespace EvidenceTracker.Text;

/// <summary>The scanner behind <see cref="FigureExtractor"/>: one pass over a text, in parts (exclusions, words, numbers, quantities, output).</summary>
internal sealed partial class FigureScanner
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

    /// <summary>The last character of each of <see cref="EnglishPrefixes"/>, upper-cased as OrdinalIgnoreCase compares it.</summary>
    private static readonly char[] EnglishPrefixLastChars = [.. EnglishPrefixes.Select(p => char.ToUpperInvariant(p.Phrase[^1]))];

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
    /// <summary>Characters inside a footnote label, tag, code span, URL or domain: none (null) in most texts.</summary>
    private readonly bool[]? _excluded;
    private readonly bool _numberWords;
    private readonly List<Figure> _figures = [];
    private int _lastEnd;

    /// <summary>Where the last run of digits too long to be a figure ended (<see cref="ReadNumber"/> sets it).</summary>
    private int _numberRunEnd;

    /// <summary>Whether versions are collected; the list is made at the first one (most texts name none).</summary>
    private readonly bool _collectVersions;
    private List<VersionIdentifier>? _versions;

    public FigureScanner(string text, bool numberWords, bool versions = false)
    {
        _original = text;
        _s = CharInfo.Fold(text);
        _excluded = BuildExclusions(_s);
        _numberWords = numberWords;
        _collectVersions = versions;
    }

    public IReadOnlyList<VersionIdentifier> Versions => _versions ?? [];

    /// <summary>Records the version that starts at <paramref name="versionStart"/>, of the name [nameStart, nameEnd).</summary>
    private void AddVersion(int nameStart, int nameEnd, int versionStart)
    {
        if (!_collectVersions || nameEnd <= nameStart)
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

        (_versions ??= []).Add(new VersionIdentifier
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

    private bool IsExcluded(int i) => _excluded is not null && _excluded[i];

    public IReadOnlyList<Figure> Run()
    {
        int i = 0;
        while (i < Len)
        {
            int next = i + 1;
            if (!IsExcluded(i))
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
}
