namespace EvidenceTracker.Text;

/// <summary>
/// Tells a strong use of an English rank or novelty word from an ordinary one by the phrase around it: "the first study
/// to show", "the world's largest", "the only country to", "most patients", "only 3% of", "a record high" are strong;
/// "our first post", "the first step", "most people", "the only way I know", "not only", "at most", "best practices"
/// are not. Sentences of the author's own experience (a first-person word after the word, outside quotation marks) and
/// advice ("the best way to") assert nothing about the world.
/// </summary>
internal static class EnglishStrongPhrases
{
    /// <summary>The words whose strength depends on the phrase they are in.</summary>
    public static readonly string[] ContextualWords =
    [
        "first", "only", "most", "largest", "biggest", "highest", "lowest", "best", "fastest", "smallest", "worst", "greatest",
        "deadliest", "record",
    ];

    private static readonly HashSet<string> Superlatives = new(StringComparer.Ordinal)
    {
        "largest", "biggest", "highest", "lowest", "best", "fastest", "smallest", "worst", "greatest", "deadliest",
    };

    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal)
    {
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "we", "we're", "we've", "we'd", "we'll", "us", "our",
        "ours", "ourselves", "you", "you're", "you've", "you'd", "you'll", "your", "yours", "yourself",
    };

    private static readonly HashSet<string> PronounPossessives = new(StringComparer.Ordinal)
    {
        "our", "my", "your", "their", "its", "his", "her", "whose",
    };

    /// <summary>Head nouns of advice and of the text's own parts: "the best way to", "the first step", "the only thing".</summary>
    private static readonly HashSet<string> OrdinaryNouns = new(StringComparer.Ordinal)
    {
        "way", "ways", "thing", "things", "part", "parts", "step", "steps", "time", "times", "option", "options", "choice",
        "choices", "approach", "approaches", "method", "methods", "practice", "practices", "place", "bit", "difference",
        "differences", "problem", "problems", "issue", "issues", "challenge", "challenges", "mistake", "mistakes", "reason",
        "reasons", "lesson", "lessons", "question", "questions", "answer", "answers", "solution", "workaround", "fix", "catch",
        "downside", "downsides", "upside", "caveat", "caveats", "exception", "exceptions", "requirement", "requirements",
        "change", "changes", "improvement", "improvements", "idea", "ideas", "tip", "tips", "advice", "bet", "trick", "tricks",
        "rule", "rules", "limitation", "limitations", "concern", "concerns", "constraint", "constraints", "dependency",
        "version", "versions", "release", "post", "posts", "article", "chapter", "section", "page", "line", "lines", "example",
        "examples", "test", "tests", "attempt", "attempts", "draft", "day", "days", "week", "month", "year", "half", "quarter",
        "round", "stage", "phase", "iteration", "commit", "win", "wins", "takeaway", "surprise", "feature", "features", "case",
        "place", "item", "items", "task", "tasks", "goal", "job", "piece", "pieces", "thought", "thoughts", "impression",
        "bottleneck", "offender", "culprit", "hurdle", "pain", "gotcha", "gotchas", "mile", "couple", "few",
    };

    /// <summary>Adjectives of taste after "the most": "the most important thing", "the most interesting part".</summary>
    private static readonly HashSet<string> SubjectiveAdjectives = new(StringComparer.Ordinal)
    {
        "important", "interesting", "exciting", "fun", "useful", "annoying", "surprising", "difficult", "frustrating",
        "obvious", "natural", "straightforward", "elegant", "beautiful", "painful", "challenging", "confusing", "likely",
        "recent", "recently", "basic", "simple", "boring", "tedious", "satisfying", "rewarding", "enjoyable", "memorable",
        "relevant", "critical", "crucial", "helpful", "tricky", "common", "part", "appropriate", "convenient", "sensible",
        "reasonable", "practical", "pressing", "urgent", "compelling", "promising", "intuitive", "readable", "expensive",
    };

    /// <summary>Groups a "most" that counts is about: "most patients", "most of the participants".</summary>
    private static readonly HashSet<string> Populations = new(StringComparer.Ordinal)
    {
        "patients", "participants", "respondents", "subjects", "adults", "children", "women", "men", "cases", "studies",
        "trials", "experts", "scientists", "researchers", "economists", "doctors", "physicians", "clinicians", "nurses",
        "americans", "europeans", "voters", "households", "countries", "hospitals", "species", "cancers", "deaths",
        "infections", "smokers", "teenagers", "adolescents", "infants", "seniors", "citizens", "residents", "workers",
        "employees", "consumers", "farmers", "economies", "nations", "states", "births",
    };

    /// <summary>Second halves of hyphenated rank words: "first-ever", "best-selling", "most-cited", "fastest-growing".</summary>
    private static readonly HashSet<string> RankSuffixes = new(StringComparer.Ordinal)
    {
        "ever", "selling", "grossing", "growing", "paid", "rated", "ranked", "performing", "funded", "cited", "used", "visited",
        "downloaded", "read", "watched", "viewed", "starred", "populated", "known", "breaking", "setting",
    };

    private static readonly HashSet<string> RecordNouns = new(StringComparer.Ordinal)
    {
        "high", "highs", "low", "lows", "number", "numbers", "level", "levels", "year", "profit", "profits", "sales", "revenue",
        "revenues", "temperature", "temperatures", "growth", "heat", "turnout", "demand", "pace", "losses", "earnings",
    };

    private static readonly HashSet<string> Fractions = new(StringComparer.Ordinal)
    {
        "half", "third", "quarter", "fifth", "tenth", "fraction", "minority", "handful", "sliver", "percent",
    };

    private static readonly HashSet<string> Ordinals = new(StringComparer.Ordinal)
    {
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    };

    /// <summary>Words after a rank that place it in the world: "ever", "in history", "on record", "in the world".</summary>
    private static readonly string[][] Scopes =
    [
        ["ever"], ["in", "history"], ["on", "record"], ["to", "date"], ["of", "all", "time"], ["worldwide"], ["globally"],
        ["in", "the", "world"], ["in", "the", "country"], ["in", "the", "nation"], ["in", "the", "industry"], ["on", "earth"],
        ["on", "the", "planet"], ["on", "the", "market"], ["in", "the", "us"], ["in", "the", "uk"], ["in", "the", "eu"],
        ["in", "europe"], ["in", "america"], ["in", "asia"], ["in", "africa"], ["in", "china"], ["in", "india"],
        ["since", "records", "began"], ["recorded"], ["documented"],
    ];

    /// <summary>Words after a rank that make it a comparison among a few local things: "the fastest of the three".</summary>
    private static readonly string[][] LocalComparisons =
    [
        ["of", "the", "two"], ["of", "the", "three"], ["of", "the", "four"], ["of", "the", "five"], ["of", "the", "bunch"],
        ["of", "the", "lot"], ["of", "the", "options"], ["of", "them"], ["of", "these"], ["of", "those"], ["of", "all", "the"],
        ["of", "both"], ["so", "far"],
    ];

    private const int Window = 8;

    /// <summary>The contextual words of <paramref name="folded"/> that are used strongly, as (start, length, word).</summary>
    public static void Find(string folded, List<(int Start, int Length, string Word)> result)
    {
        var tokens = Tokenize(folded);
        for (int k = 0; k < tokens.Count; k++)
        {
            string w = tokens[k].Lower;
            bool strong = w switch
            {
                "first" => First(tokens, k),
                "only" => Only(tokens, k),
                "most" => Most(tokens, k),
                "record" => Record(tokens, k),
                _ => Superlatives.Contains(w) && Superlative(tokens, k),
            };
            if (strong)
            {
                result.Add((tokens[k].Start, tokens[k].End - tokens[k].Start, w));
            }
        }
    }

    private static bool First(List<Token> t, int k)
    {
        if (HyphenSuffix(t, k) is { } suffix)
        {
            return suffix is "ever" or "of";
        }

        string? prev = Prev(t, k);
        if (prev is not null && IsNounPossessive(prev))
        {
            return !FirstPersonAfter(t, k);
        }

        if (prev != "the")
        {
            return false;
        }

        if (Next(t, k, 1) is "ever" or "known" or "documented" or "recorded" or "reported" or "confirmed")
        {
            return true;
        }

        if (FirstPersonAfter(t, k))
        {
            return false;
        }

        if (HasPhrase(t, k + 1, Scopes))
        {
            return true;
        }

        // the first (few words) to <verb>: "the first to", "the first study to show", "the first open-source database to ship"
        for (int j = k + 1; j < t.Count && j <= k + 5 && !t[j].BreakBefore; j++)
        {
            if (OrdinaryNouns.Contains(t[j].Lower) || t[j].Lower is "of" or "in" or "on" or "for" or "and" or "that" or "is" or "was")
            {
                return false;
            }

            if (t[j].Lower == "to")
            {
                return j + 1 < t.Count && !t[j + 1].BreakBefore && !t[j + 1].Lower.EndsWith("ing", StringComparison.Ordinal)
                    && !char.IsDigit(t[j + 1].Lower[0]);
            }
        }

        return false;
    }

    private static bool Only(List<Token> t, int k)
    {
        string? prev = Prev(t, k);
        if (prev is "not" or "if" or "and")
        {
            return false;
        }

        // only 3% of, only a third, only half, only one in five
        if (Next(t, k, 1) is { } n1)
        {
            string? n2 = Next(t, k, 2);
            if (char.IsDigit(n1[0]) || Fractions.Contains(n1) || (n1 is "a" or "one" or "two" && n2 is not null && Fractions.Contains(n2))
                || (n1 == "one" && n2 == "in") || (n1 == "a" && n2 is "small" or "tiny"))
            {
                return true;
            }
        }

        if (prev is null || !(prev == "the" || IsNounPossessive(prev)))
        {
            return false;
        }

        if (Next(t, k, 1) is "known" or "documented" or "approved")
        {
            return true;
        }

        return !OrdinaryNouns.Contains(Next(t, k, 1) ?? "") && !FirstPersonAfter(t, k);
    }

    private static bool Most(List<Token> t, int k)
    {
        if (HyphenSuffix(t, k) is { } suffix)
        {
            return RankSuffixes.Contains(suffix);
        }

        string? prev = Prev(t, k);
        if (prev == "at")
        {
            return false;
        }

        string? n1 = Next(t, k, 1);
        if (n1 is not null && Populations.Contains(n1))
        {
            return true;
        }

        if (n1 == "of")
        {
            int j = k + 2;
            while (j < t.Count && j <= k + 4 && !t[j].BreakBefore && t[j].Lower is "the" or "these" or "those" or "all" or "world's")
            {
                j++;
            }

            return j < t.Count && !t[j].BreakBefore && Populations.Contains(t[j].Lower);
        }

        if (prev is null || !(prev == "the" || IsNounPossessive(prev)) || n1 is null || SubjectiveAdjectives.Contains(n1))
        {
            return false;
        }

        return RankedPhrase(t, k + 1);
    }

    private static bool Superlative(List<Token> t, int k)
    {
        if (HyphenSuffix(t, k) is { } suffix)
        {
            return RankSuffixes.Contains(suffix);
        }

        string? prev = Prev(t, k);
        if (prev is not null && t[k].HyphenBefore && Ordinals.Contains(prev))
        {
            prev = Prev(t, k - 1); // the second-largest
        }
        else if (prev is not null && Ordinals.Contains(prev))
        {
            prev = Prev(t, k - 1); // the third largest
        }

        if (prev is "at" or "a")
        {
            return false;
        }

        if (prev is not null && PronounPossessives.Contains(prev))
        {
            return !FirstPersonAfter(t, k) && HasScope(t, k + 1); // their highest level ever
        }

        if (prev is not null && IsNounPossessive(prev))
        {
            return !FirstPersonAfter(t, k);
        }

        return prev == "the" ? RankedPhrase(t, k) : HasScope(t, k + 1) && !FirstPersonAfter(t, k);
    }

    /// <summary>"the [rank] …": strong unless advice, the author's own experience, or a comparison among a few local things.</summary>
    private static bool RankedPhrase(List<Token> t, int k)
    {
        if (FirstPersonAfter(t, k) || HasPhrase(t, k + 1, LocalComparisons))
        {
            return false;
        }

        if (HasScope(t, k + 1))
        {
            return true;
        }

        return !OrdinaryNouns.Contains(Next(t, k, 1) ?? "");
    }

    private static bool Record(List<Token> t, int k)
    {
        if (HyphenSuffix(t, k) is { } suffix)
        {
            return suffix is "breaking" or "setting" or "high" or "low";
        }

        string? prev = Prev(t, k);
        string? next = Next(t, k, 1);
        if (prev is "on" or "for" or "off")
        {
            return false;
        }

        if (next is not null && RecordNouns.Contains(next))
        {
            return true;
        }

        if (prev is "new" or "world" or "all-time" or "time")
        {
            return true;
        }

        string? prev2 = k >= 2 && !t[k - 1].BreakBefore ? Prev(t, k - 1) : null;
        return prev is "a" or "the" && prev2 is "set" or "sets" or "setting" or "broke" or "break" or "breaks" or "broken" or "beat" or "beats" or "smashed";
    }

    private static bool HasScope(List<Token> t, int from) => HasPhrase(t, from, Scopes);

    /// <summary>True when one of <paramref name="phrases"/> begins within the window after <paramref name="from"/>, in one clause.</summary>
    private static bool HasPhrase(List<Token> t, int from, string[][] phrases)
    {
        for (int j = from; j < t.Count && j < from + Window; j++)
        {
            if (j > from && t[j].BreakBefore)
            {
                return false;
            }

            foreach (var phrase in phrases)
            {
                if (Matches(t, j, phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Matches(List<Token> t, int j, string[] phrase)
    {
        if (j + phrase.Length > t.Count)
        {
            return false;
        }

        for (int p = 0; p < phrase.Length; p++)
        {
            if (t[j + p].Lower != phrase[p] || (p > 0 && t[j + p].BreakBefore))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A first-person word in the clause after the word, outside quotation marks: "the only way I know".</summary>
    private static bool FirstPersonAfter(List<Token> t, int k)
    {
        for (int j = k + 1; j < t.Count && j <= k + Window; j++)
        {
            if (t[j].BreakBefore)
            {
                return false;
            }

            if (!t[j].InQuote && FirstPerson.Contains(t[j].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNounPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) && word.Length > 2 && word is not ("it's" or "that's" or "what's" or "there's" or "here's" or "let's" or "he's" or "she's" or "who's");

    private static string? Prev(List<Token> t, int k) => k > 0 && !t[k].BreakBefore ? t[k - 1].Lower : null;

    private static string? Next(List<Token> t, int k, int n)
    {
        for (int j = k + 1; j <= k + n; j++)
        {
            if (j >= t.Count || t[j].BreakBefore)
            {
                return null;
            }
        }

        return t[k + n].Lower;
    }

    private static string? HyphenSuffix(List<Token> t, int k) => k + 1 < t.Count && t[k + 1].HyphenBefore ? t[k + 1].Lower : null;

    private readonly record struct Token(int Start, int End, string Lower, bool BreakBefore, bool HyphenBefore, bool InQuote);

    /// <summary>Latin words (apostrophes inside kept, ’ read as '), with whether a clause break or a hyphen comes before each.</summary>
    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        bool breakPending = false;
        bool hyphenPending = false;
        bool inStraightQuote = false;
        int curly = 0;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (CharInfo.IsLatinLetterOrDigit(c))
            {
                int start = i;
                while (i < s.Length && (CharInfo.IsLatinLetterOrDigit(s[i])
                    || (s[i] is '\'' or '’' && i + 1 < s.Length && CharInfo.IsLatinLetter(s[i + 1]) && i > start)))
                {
                    i++;
                }

                string lower = s[start..i].Replace('’', '\'').ToLowerInvariant();
                tokens.Add(new Token(start, i, lower, breakPending, hyphenPending, inStraightQuote || curly > 0));
                breakPending = false;
                hyphenPending = false;
                continue;
            }

            switch (c)
            {
                case '-' when tokens.Count > 0 && tokens[^1].End == i && i + 1 < s.Length && CharInfo.IsLatinLetterOrDigit(s[i + 1]):
                    hyphenPending = true;
                    break;
                case '"':
                    inStraightQuote = !inStraightQuote;
                    break;
                case '“':
                    curly++;
                    break;
                case '”':
                    curly = Math.Max(0, curly - 1);
                    break;
                case ' ' or '\t' or '\n' or '\r' or '\u00A0' or '*' or '_' or '`' or '\'' or '‘' or '’':
                    break;
                default:
                    breakPending = true;
                    break;
            }

            i++;
        }

        return tokens;
    }
}
