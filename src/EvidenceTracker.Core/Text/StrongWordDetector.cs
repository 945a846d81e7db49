using System.Collections.Immutable;

namespace EvidenceTracker.Text;

/// <summary>
/// Finds strong words — firsts, superlatives and hype such as 首次, 全球首个, 最大, 唯一, first, largest, unprecedented —
/// which make a claim that needs support even when it carries no figure. Chinese words match as substrings; English
/// words match whole words, case-insensitively ("first" but not "firstly"). Overlapping matches keep the longest
/// (全球首个 rather than 首个).
/// </summary>
public sealed class StrongWordDetector
{
    /// <summary>Default Chinese strong words.</summary>
    public static readonly ImmutableArray<string> DefaultChineseWords =
    [
        "首次", "首个", "全球首个", "国内首个", "第一个", "首创", "最大", "最高", "最低", "最多", "最快", "最先", "最早", "唯一",
        "突破性", "里程碑", "革命性", "颠覆",
    ];

    /// <summary>Default English strong words.</summary>
    public static readonly ImmutableArray<string> DefaultEnglishWords =
    [
        "first", "largest", "biggest", "highest", "lowest", "only", "record", "unprecedented", "breakthrough", "best", "most",
        "world-leading", "never before",
    ];

    private readonly string[] _words;
    private readonly bool[] _isChinese;

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
    }

    /// <summary>All words this detector looks for, longest first.</summary>
    public IReadOnlyList<string> Words => _words;

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

        return result;
    }
}
