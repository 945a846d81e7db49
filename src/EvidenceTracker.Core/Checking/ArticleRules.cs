using System.Text;
using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Importing;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Text;

namespace EvidenceTracker.Checking;

/// <summary>
/// The article rules: <c>excerpt-not-in-article</c>, <c>uncited-sentence</c>, <c>unclaimed-citation</c>,
/// <c>undefined-footnote</c> and <c>unused-footnote</c>, over the documents the loader parsed.
/// </summary>
public static class ArticleRules
{
    /// <summary>How long a quoted sentence may be in a message before it is shortened with an ellipsis.</summary>
    public const int QuoteLength = 60;

    public static void Run(EvidenceSet set, List<Finding> findings) => Run(set, findings, new CitekeyResolver(set?.Sources ?? []));

    /// <summary>Runs the article rules; citation keys resolve through <paramref name="resolver"/>.</summary>
    public static void Run(EvidenceSet set, List<Finding> findings, CitekeyResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(findings);
        _ = CitationScopes.TryParse(set.Config.CitationScope, out var scope);
        var detector = new StrongWordDetector(set.Config.StrongWords.Values.SelectMany(w => w));
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var a in set.Articles)
        {
            articles.TryAdd(a.Id, a);
        }

        // Each claim's excerpt is located once: for excerpt-not-in-article, and for the passages it tracks.
        var spansByArticle = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        foreach (var claim in set.Claims)
        {
            if (claim.Article is not { } id || !articles.TryGetValue(id, out var article))
            {
                continue;
            }
            if (claim.Excerpt is not { } excerpt)
            {
                continue;
            }
            var spans = article.Document.ExcerptSpans(excerpt);
            if (spans.Count == 0 && !article.Document.ContainsExcerpt(excerpt))
            {
                findings.Add(new Finding
                {
                    Rule = Rules.ExcerptNotInArticle,
                    Severity = Rules.DefaultSeverity(Rules.ExcerptNotInArticle),
                    Message = $"the excerpt is not in article '{id}' ({article.File}): \"{Shorten(excerpt)}\"",
                    File = claim.File,
                    Line = claim.Positions.Value("excerpt")?.Line,
                    Column = claim.Positions.Value("excerpt")?.Column,
                    Claim = claim.Id,
                    Article = id,
                });
            }
            if (!spansByArticle.TryGetValue(id, out var list))
            {
                spansByArticle[id] = list = [];
            }
            list.AddRange(spans);
        }

        // Articles are independent: checked in parallel when there are many, findings kept in article order.
        var perArticle = new List<Finding>[set.Articles.Count];
        void CheckOne(int i)
        {
            perArticle[i] = [];
            var article = set.Articles[i];
            CheckArticle(article, scope, detector, spansByArticle.GetValueOrDefault(article.Id) ?? [], resolver, perArticle[i]);
        }
        Parallelism.For(set.Articles.Count, Parallelism.ArticleChecks, CheckOne);
        foreach (var list in perArticle)
        {
            findings.AddRange(list);
        }
    }

    private static void CheckArticle(Article article, CitationScope scope, StrongWordDetector detector, List<(int Start, int End)> spans,
        CitekeyResolver resolver, List<Finding> findings)
    {
        var doc = article.Document;
        void Add(string rule, string message, Position? at) => findings.Add(new Finding
        {
            Rule = rule,
            Severity = Rules.DefaultSeverity(rule),
            Message = message,
            File = article.File,
            Line = at?.Line,
            Column = at?.Column,
            Article = article.Id,
        });

        // Footnotes: markers without a definition, definitions never cited (or defined twice).
        var used = new HashSet<string>(StringComparer.Ordinal);
        var hints = new LabelHints(doc);
        foreach (var marker in doc.Markers.Concat(doc.DefinitionMarkers))
        {
            used.UnionWith(marker.Labels);
            if (marker.IsUndefined)
            {
                Add(Rules.UndefinedFootnote, UndefinedMessage(marker, hints), marker.Position);
            }
        }
        foreach (var definition in doc.Definitions)
        {
            if (definition.DuplicateOf is { } first)
            {
                Add(Rules.UnusedFootnote,
                    $"footnote [^{definition.Label}] is defined again (first on line {first.Line}); only the first definition is used", definition.Position);
            }
            else if (!used.Contains(ArticleParser.NormalizeLabel(definition.Label)))
            {
                Add(Rules.UnusedFootnote, $"footnote [^{definition.Label}] is defined but never cited", definition.Position);
            }
        }

        // Cited passages: which sentences are in a marker's scope, and which passages no claim's excerpt overlaps.
        var notes = NoteLabels(doc);
        var cited = Cited(doc, scope, notes);
        foreach (var passage in doc.Passages(scope))
        {
            if (IsNotesOnly(passage, notes))
            {
                continue; // explanatory notes cite nothing
            }
            if (passage.Labels.Count == 0 && !passage.Keys.Any(k => resolver.Resolve(k.Key, doc.CitekeyAliases) is not null))
            {
                continue; // cited only by undefined markers or unknown keys: reported as undefined-footnote or unknown-citekey
            }
            if (!doc.Overlaps(passage, spans))
            {
                Add(Rules.UnclaimedCitation,
                    $"cited passage ({passage.Citing}) is tracked by no claim: \"{Shorten(passage.Text)}\"", passage.Position);
            }
        }

        foreach (var (_, sentence, what) in Uncited(article, cited, detector))
        {
            Add(Rules.UncitedSentence, $"sentence states {what} with no citation in scope: \"{Shorten(sentence.Text)}\"", sentence.Position);
        }
    }

    /// <summary>
    /// Which sentences are cited: those in the scope of a citation (a footnote marker of a definition that names a
    /// source, or a citation key), and those holding a link to an http(s) URL.
    /// </summary>
    private static bool[][] Cited(ArticleDocument doc, CitationScope scope, HashSet<string> notes)
    {
        var cited = doc.Blocks.Select(b => new bool[b.Sentences.Count]).ToArray();
        foreach (var passage in doc.Passages(scope))
        {
            if (IsNotesOnly(passage, notes))
            {
                continue;
            }
            for (var s = passage.FirstSentence; s <= passage.LastSentence; s++)
            {
                cited[passage.Block][s] = true;
            }
        }
        for (var b = 0; b < doc.Blocks.Count; b++)
        {
            foreach (var link in doc.Blocks[b].Links)
            {
                if (doc.Blocks[b].SentenceAt(link.SourceOffset) is var s and >= 0)
                {
                    cited[b][s] = true;
                }
            }
        }
        return cited;
    }

    /// <summary>
    /// The labels of the footnotes that are explanatory notes: definitions that name no source, as import decides
    /// (<see cref="FootnoteSources.IsNote"/>).
    /// </summary>
    private static HashSet<string> NoteLabels(ArticleDocument doc)
    {
        var notes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in doc.Definitions)
        {
            if (definition.DuplicateOf is null && FootnoteSources.IsNote(definition.Content))
            {
                notes.Add(ArticleParser.NormalizeLabel(definition.Label));
            }
        }
        return notes;
    }

    /// <summary>A passage cited by footnote markers alone, all of explanatory notes.</summary>
    private static bool IsNotesOnly(CitedPassage passage, HashSet<string> notes) =>
        notes.Count > 0 && passage.Keys.Count == 0 && passage.Labels.Count > 0 && passage.Labels.All(notes.Contains);

    /// <summary>Body sentences with a figure or a strong word and no citation in scope, with what they state.</summary>
    private static IEnumerable<(ArticleBlock Block, ArticleSentence Sentence, string What)> Uncited(Article article, bool[][] cited, StrongWordDetector detector)
    {
        var doc = article.Document;
        var code = CodeSpans(doc.Text);
        for (var b = 0; b < doc.Blocks.Count; b++)
        {
            var block = doc.Blocks[b];
            for (var s = 0; s < block.Sentences.Count; s++)
            {
                if (!cited[b][s] && WhatNeedsSupport(WithoutCode(block, block.Sentences[s], code), detector) is { } what)
                {
                    yield return (block, block.Sentences[s], what);
                }
            }
        }
    }

    /// <summary>
    /// The [start, end) offsets of the inline code spans of an article's text (`x`, ``x``), in order: a run of backticks
    /// closed by the next run of the same length in its paragraph. Linear: each run's closing run is looked up, not searched.
    /// </summary>
    private static List<(int Start, int End)> CodeSpans(string text)
    {
        var spans = new List<(int Start, int End)>();
        if (!text.Contains('`', StringComparison.Ordinal))
        {
            return spans;
        }
        var runs = new List<(int Start, int Length, int Paragraph)>();
        var paragraph = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                paragraph++;
            }
            else if (text[i] == '`')
            {
                var start = i;
                while (i + 1 < text.Length && text[i + 1] == '`')
                {
                    i++;
                }
                runs.Add((start, i + 1 - start, paragraph));
            }
        }
        // next[r]: the next run of the same length in the same paragraph, found by one pass from the end
        var next = new int[runs.Count];
        var latest = new Dictionary<(int Length, int Paragraph), int>();
        for (var r = runs.Count - 1; r >= 0; r--)
        {
            next[r] = latest.GetValueOrDefault((runs[r].Length, runs[r].Paragraph), -1);
            latest[(runs[r].Length, runs[r].Paragraph)] = r;
        }
        for (var r = 0; r < runs.Count; r++)
        {
            if (next[r] >= 0)
            {
                var close = runs[next[r]];
                spans.Add((runs[r].Start, close.Start + close.Length));
                r = next[r];
            }
        }
        return spans;
    }

    /// <summary>The sentence's text with the characters of code spans blanked: code is no figure nor claim.</summary>
    private static string WithoutCode(ArticleBlock block, ArticleSentence sentence, List<(int Start, int End)> code)
    {
        if (code.Count == 0)
        {
            return sentence.Text;
        }
        var (first, last) = block.SourceSpan(sentence.Start, sentence.End);
        // the first span that ends after the sentence starts (spans are in order and do not overlap)
        int lo = 0, hi = code.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (code[mid].End > first)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        var index = lo;
        if (index >= code.Count || code[index].Start >= last)
        {
            return sentence.Text;
        }
        var chars = sentence.Text.ToCharArray();
        for (var t = 0; t < chars.Length; t++)
        {
            var offset = block.SourceOffset(sentence.Start + t);
            while (index < code.Count && code[index].End <= offset)
            {
                index++;
            }
            if (index < code.Count && code[index].Start < offset && offset < code[index].End)
            {
                chars[t] = ' ';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// The sentences that <c>uncited-sentence</c> reports for one article, as their [Start, End) offsets in the article's
    /// text and what they state: the site marks them on the article page. Thread-safe (articles render in parallel).
    /// </summary>
    public static IReadOnlyList<(int Start, int End, string What)> UncitedSentences(Article article, EvidenceConfig config)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(config);
        _ = CitationScopes.TryParse(config.CitationScope, out var scope);
        var detector = new StrongWordDetector(config.StrongWords.Values.SelectMany(w => w));
        var doc = article.Document;
        var cited = Cited(doc, scope, NoteLabels(doc));
        return Uncited(article, cited, detector).Select(u =>
        {
            var (start, end) = u.Block.SourceSpan(u.Sentence.Start, u.Sentence.End);
            return (start, end, u.What);
        }).ToList();
    }

    /// <summary>
    /// The figures (numbers, percentages, ranges, ranks — not years, dates, versions, identifiers, numbering or ordinals
    /// of the text itself) and strong words of a sentence, described for a message; null when it has none.
    /// </summary>
    public static string? WhatNeedsSupport(string sentence, StrongWordDetector detector)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(detector);
        var figures = FigureExtractor.Extract(sentence)
            .Where(f => f.Kind is not (FigureKind.Year or FigureKind.Date) && (f.Kind != FigureKind.Ordinal || IsRank(sentence, f)))
            .Select(f => f.Text.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (figures.Count > 0)
        {
            return (figures.Count == 1 ? "the figure " : "the figures ") + List(figures);
        }
        if (!MayHaveStrongWord(sentence, detector))
        {
            return null;
        }
        var words = detector.Find(sentence).Select(w => sentence.Substring(w.Start, w.Length)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return words.Count > 0 ? $"the strong word{(words.Count == 1 ? "" : "s")} {List(words.Select(w => $"'{w}'").ToList())}" : null;
    }

    /// <summary>
    /// An ordinal that ranks something in the world (第三位, 第1名, No. 1, ranked 3rd, the 2nd largest), not one of the
    /// text's own order (our 2nd post, the 21st century, on the 5th).
    /// </summary>
    private static bool IsRank(string sentence, Figure ordinal)
    {
        var end = ordinal.Start + ordinal.Length;
        if (ordinal.Text.StartsWith('第'))
        {
            return end < sentence.Length && "位名大高多".Contains(sentence[end], StringComparison.Ordinal);
        }
        if (ordinal.Text.StartsWith("No", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var after = sentence.AsSpan(end).TrimStart(" -");
        foreach (var word in (ReadOnlySpan<string>)["largest", "biggest", "highest", "lowest", "most", "best", "fastest", "place", "leading", "worst", "greatest", "deadliest"])
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        var before = sentence.AsSpan(0, ordinal.Start).TrimEnd(" ");
        foreach (var word in (ReadOnlySpan<string>)["ranked", "ranks", "ranking", "rank", "placed", "finished", "came", "rated"])
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StrongWordDetector, StrongWordIndex> Indexes = [];

    /// <summary>
    /// A cheap test before <see cref="StrongWordDetector.Find"/>: could the sentence hold one of the detector's words?
    /// True when it has a Latin word that begins one of them, or a CJK character that begins one (a superset of the
    /// detector's matches, so nothing is missed).
    /// </summary>
    private static bool MayHaveStrongWord(string sentence, StrongWordDetector detector)
    {
        var index = Indexes.GetValue(detector, d => new StrongWordIndex(d.Words));
        var folded = CharInfo.Fold(sentence);
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (CharInfo.IsLatinLetterOrDigit(c))
            {
                var start = i;
                while (i < folded.Length && CharInfo.IsLatinLetterOrDigit(folded[i]))
                {
                    i++;
                }
                if (index.LatinFirstWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded.AsSpan(start, i - start)))
                {
                    return true;
                }
                continue;
            }
            if (index.OtherFirstChars.Contains(c))
            {
                return true;
            }
            i++;
        }
        return false;
    }

    private sealed class StrongWordIndex
    {
        public StrongWordIndex(IReadOnlyList<string> words)
        {
            foreach (var w in words)
            {
                var folded = CharInfo.Fold(w);
                if (folded.Length == 0)
                {
                    continue;
                }
                if (CharInfo.IsLatinLetterOrDigit(folded[0]))
                {
                    var end = 0;
                    while (end < folded.Length && CharInfo.IsLatinLetterOrDigit(folded[end]))
                    {
                        end++;
                    }
                    LatinFirstWords.Add(folded[..end]);
                }
                else
                {
                    OtherFirstChars.Add(folded[0]);
                    OtherFirstChars.Add(char.ToUpperInvariant(folded[0]));
                    OtherFirstChars.Add(char.ToLowerInvariant(folded[0]));
                }
            }
        }

        public HashSet<string> LatinFirstWords { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<char> OtherFirstChars { get; } = [];
    }

    private static string List(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        3 => $"{items[0]}, {items[1]} and {items[2]}",
        _ => $"{items[0]}, {items[1]}, {items[2]} and {items.Count - 3} more",
    };

    /// <summary>
    /// "Did you mean" hints for undefined footnote labels: the nearest label defined (once per label), for the first
    /// <see cref="MaxLookups"/> distinct undefined labels of an article. Each look-up compares with every label defined,
    /// so thousands of undefined markers against thousands of definitions (a fuzzed 130 KB article) took a second.
    /// </summary>
    private sealed class LabelHints(ArticleDocument doc)
    {
        private const int MaxLookups = 64;
        private readonly Dictionary<string, string?> _found = new(StringComparer.Ordinal);
        private List<string>? _defined;

        public string? For(string label)
        {
            if (_found.TryGetValue(label, out var hint))
            {
                return hint;
            }
            if (_found.Count >= MaxLookups)
            {
                return null;
            }
            _defined ??= doc.Definitions.Where(d => d.DuplicateOf is null).Select(d => d.Label).Distinct(StringComparer.Ordinal).ToList();
            return _found[label] = Values.Nearest(label, _defined);
        }
    }

    private static string UndefinedMessage(FootnoteMarker marker, LabelHints hints)
    {
        var where = marker.Block < 0 ? " in a footnote definition" : "";
        if (marker.Label.IndexOfAny([',', ';', '，', '；', '、']) >= 0)
        {
            var parts = marker.Label.Split([',', ';', '，', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => $"[^{p.TrimStart('^')}]");
            return $"footnote marker [^{marker.Label}]{where} names no footnote; to cite several, write {string.Concat(parts)}";
        }
        // Numbered labels are all one edit apart: a hint only helps with named ones ([^smith2023] for [^smith2032]).
        var hint = marker.Label.All(char.IsAsciiDigit) ? null : hints.For(marker.Label);
        return hint is null
            ? $"footnote [^{marker.Label}] is cited{where} but never defined"
            : $"footnote [^{marker.Label}] is cited{where} but never defined; did you mean [^{hint}]?";
    }

    /// <summary>
    /// Text for a message: white space collapsed, cut to about <see cref="QuoteLength"/> characters with an ellipsis.
    /// Only the start of the text is read (a passage may be a whole long paragraph, quoted once per marker in it).
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (collapsed, complete) = CollapsedPrefix(text, QuoteLength * 8);
        if (complete && collapsed.Length <= QuoteLength)
        {
            return collapsed; // no more text elements than characters: short enough without counting them
        }
        var info = new System.Globalization.StringInfo(collapsed);
        var elements = info.LengthInTextElements;
        if (complete && elements <= QuoteLength)
        {
            return collapsed;
        }
        // the prefix's last element may be cut short when the prefix is not the whole text: it is never kept
        var keep = Math.Min(QuoteLength - 1, complete ? elements : elements - 1);
        return new StringBuilder(info.SubstringByTextElements(0, Math.Max(0, keep)).TrimEnd()).Append('…').ToString();
    }

    /// <summary>The text with white space collapsed and trimmed, up to <paramref name="max"/> characters; whether that is all of it.</summary>
    private static (string Text, bool Complete) CollapsedPrefix(string text, int max)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (sb.Length >= max - 1)
            {
                return (sb.ToString(), false);
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return (sb.ToString(), true);
    }
}
