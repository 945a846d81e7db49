using System.Collections.Immutable;

namespace EvidenceTracker.Text;

/// <summary>
/// Finds strong words — firsts, superlatives and hype such as 首次, 全球首个, 最大, 唯一, first, largest, unprecedented —
/// which make a claim that needs support even when it carries no figure. Chinese words match as substrings; English
/// words match whole words, case-insensitively ("first" but not "firstly"). Overlapping matches keep the longest
/// (全球首个 rather than 首个). The English rank words of <see cref="ContextualEnglishWords"/> count only in a phrase that
/// asserts rank or novelty about the world ("the first study to show", "the world's largest", "most patients", "only 3%
/// of"), not as ordinary words ("our first post", "most people", "the only way I know", "not only"); words added by
/// configuration always count.
/// </summary>
public sealed class StrongWordDetector
{
    /// <summary>Default Chinese strong words.</summary>
    public static readonly ImmutableArray<string> DefaultChineseWords =
    [
        "首次", "首个", "全球首个", "国内首个", "第一个", "首创", "最大", "最高", "最低", "最多", "最快", "最先", "最早", "唯一",
        "突破性", "里程碑", "革命性", "颠覆",
    ];

    /// <summary>Default English strong words: strong wherever they stand.</summary>
    public static readonly ImmutableArray<string> DefaultEnglishWords =
    [
        "unprecedented", "breakthrough", "world-leading", "never before", "groundbreaking", "record-breaking",
    ];

    /// <summary>English rank and novelty words that are strong only in a phrase that asserts rank or novelty (see the summary).</summary>
    public static ImmutableArray<string> ContextualEnglishWords { get; } = [.. EnglishStrongPhrases.ContextualWords];

    private readonly string[] _words;
    private readonly bool[] _isChinese;
    private readonly string[] _allWords;
    private readonly HashSet<string> _explicit;

    /// <summary>A detector with the default lists.</summary>
    public StrongWordDetector()
        : this([])
    {
    }

    /// <summary>A detector with the default lists plus <paramref name="extraWords"/> (e.g. from configuration).</summary>
    public StrongWordDetector(IEnumerable<string> extraWords)
    {
        ArgumentNullException.ThrowIfNull(extraWords);
        _words =
        [
            .. DefaultChineseWords.Concat(DefaultEnglishWords).Concat(extraWords)
                .Select(word => word?.Trim() ?? string.Empty)
                .Where(word => word.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(word => word.Length)
                .ThenBy(word => word, StringComparer.Ordinal),
        ];
        _isChinese = [.. _words.Select(word => word.Any(CharInfo.IsCjk))];
        _explicit = new HashSet<string>(_words, StringComparer.OrdinalIgnoreCase);
        _allWords = [.. _words.Concat(ContextualEnglishWords.Where(word => !_explicit.Contains(word))).OrderByDescending(word => word.Length).ThenBy(word => word, StringComparer.Ordinal)];
    }

    /// <summary>All words this detector looks for (the contextual English words included), longest first.</summary>
    public IReadOnlyList<string> Words => _allWords;

    /// <summary>Returns the strong words in <paramref name="text"/>, in order, with <c>Word</c> as listed (not as cased in the text).</summary>
    public IReadOnlyList<(int Start, int Length, string Word)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string folded = CharInfo.Fold(text);
        var result = new List<(int Start, int Length, string Word)>();
        int i = 0;
        while (i < folded.Length)
        {
            string? match = null;
            for (int w = 0; w < _words.Length; w++)
            {
                string word = _words[w];
                if (_isChinese[w] ? CharInfo.StartsAt(folded, i, word) : CharInfo.WordAt(folded, i, word))
                {
                    match = word;
                    break;
                }
            }

            if (match is null)
            {
                i++;
                continue;
            }

            result.Add((i, match.Length, match));
            i += match.Length;
        }

        var phrases = new List<(int Start, int Length, string Word)>();
        EnglishStrongPhrases.Find(folded, phrases);
        if (phrases.Count == 0)
        {
            return result;
        }

        // A phrase is dropped when it overlaps a word found above (in order, apart: found by binary search) or a phrase
        // kept before it (phrases in order: the furthest end kept so far says it); comparing each phrase with every
        // match cost their product, 5·10⁸ steps for 'the first to ' 23,000 times.
        var words = result.Count;
        var keptEnd = int.MinValue;
        foreach (var phrase in phrases.OrderBy(p => p.Start))
        {
            var end = phrase.Start + phrase.Length;
            bool covered = _explicit.Contains(phrase.Word) || keptEnd > phrase.Start || OverlapsWord(result, words, phrase.Start, end);
            if (!covered)
            {
                result.Add(phrase);
                keptEnd = Math.Max(keptEnd, end);
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>Whether any of the first <paramref name="count"/> matches (in order, not overlapping) overlaps [start, end).</summary>
    private static bool OverlapsWord(List<(int Start, int Length, string Word)> matches, int count, int start, int end)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (matches[mid].Start + matches[mid].Length <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo < count && matches[lo].Start < end;
    }
}
