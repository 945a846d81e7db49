using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// Reads the footnote definitions that real blogs write:
/// <c>[title](url)·publisher[·tagline]（2025/6/25）·检索日期2025/6/25</c> (with or without spaces around <c>·</c>),
/// a bare URL instead of the link or in brackets, <c>Title. Publisher, 2025-06-25. https://… (accessed 2025-06-26)</c>,
/// and free text with no URL. Whatever is not recognised stays in the title.
/// </summary>
public static partial class FootnoteReference
{
    private const string Months =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private const string DatePattern =
        @"(?<y>(?:19|20)\d\d)\s*(?:[-/.]\s*(?<m>\d{1,2})(?:\s*[-/.]\s*(?<d>\d{1,2}))?|年\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*日)?)(?!\d)" +
        @"|(?<mn>" + Months + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)" +
        @"|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mn>" + Months + @")\.?,?\s+(?<y>(?:19|20)\d\d)" +
        @"|(?<mn>" + Months + @")\.?\s+(?<y>(?:19|20)\d\d)";

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:" + DatePattern + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateRegex();

    /// <summary>A date exactly where the match starts (after 检索日期, accessed …).</summary>
    [GeneratedRegex(@"\G(?:" + DatePattern + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateHereRegex();

    [GeneratedRegex(@"(?:检索日期|检索时间|检索于|访问日期|访问时间|访问于|引用日期|获取日期|浏览日期|(?:last\s+)?(?:retrieved|accessed|access\s+date|viewed)(?:\s+on)?)\s*[:：]?\s*(?:于\s*)?(?=\S)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessMarkerRegex();

    // A link's destination holds balanced parentheses one level deep (a_(b)_c), as CommonMark reads it. The
    // destination's characters and its parentheses are disjoint, so a link that never closes fails in one pass
    // (an earlier form, where a character class also took '(', backtracked cubically on '[a](' repeated).
    [GeneratedRegex(@"\[(?<t>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?(?<u>(?:[^\s()>]|\([^\s()]*\))+)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex LinkRegex();

    [GeneratedRegex(@"https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlStartRegex();

    [GeneratedRegex(@"[（(]\s*((?:19|20)\d\d)\s*[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketYearRegex();

    [GeneratedRegex(@",\s*((?:19|20)\d\d)\s*(?=[.,;]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommaYearRegex();

    [GeneratedRegex(@"[（(\[【<「]\s*[)）\]】>」]", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyBracketsRegex();

    /// <summary>Labels that introduce a reference rather than name it: 来源：, Source:, See, cf.</summary>
    [GeneratedRegex(@"^(?:(?:来源|出处|参见|参考资料|参考|资料来源|引自|引用自|引用|见|source|sources|reference|ref|via|from)\s*[:：]\s*|(?:see also|see|cf\.)\s+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixRegex();

    /// <summary>A locator rather than a publisher: p. 12, pp. 3-5, section 2, fig. 4, 第3页.</summary>
    [GeneratedRegex(@"^(?:p|pp|page|pages|para|paragraph|section|sec|§|chapter|ch|fig|figure|table|slide)\.?\s*\d|^第\s*\d+\s*[页版章节段]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocatorRegex();

    [GeneratedRegex(@"\bdoi:\s*(10\.\d{4,9}/\S+?)(?=[\s,;)]|\.?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiRegex();

    /// <summary>APA: <c>Authors (2020). Title. Rest</c>.</summary>
    [GeneratedRegex(@"^(?<a>[^()]{2,300}?)\s*\((?<y>(?:19|20)\d\d)[a-z]?(?:,[^)]*)?\)\.?\s+(?<t>.+?[.?!])(?:\s+(?<r>.*))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ApaRegex();

    /// <summary>Volume(issue), pages at the start of what follows a journal's name: <c>12(3), 45-67</c>.</summary>
    [GeneratedRegex(@"^(?<v>\d{1,5})(?:\s*\((?<i>[^)]{1,20})\))?(?:\s*[,:]\s*(?<p>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?\.?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VolumeRegex();

    private const char LinkMark = '\u0002';

    private static readonly char[] SegmentSeparators = ['·', '•', '・', '|', '｜'];

    public static SourceDraft Parse(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = Collapse(definition);
        if (text.Length == 0)
        {
            return new SourceDraft { Title = "(empty footnote)" };
        }

        text = PrefixRegex().Replace(text, "", 1);

        // 1. The retrieval date, wherever it is.
        string? accessed = null;
        foreach (Match marker in AccessMarkerRegex().Matches(text))
        {
            var date = DateHereRegex().Match(text, marker.Index + marker.Length);
            if (date.Success && ToIsoDate(date) is { } iso)
            {
                accessed = iso;
                text = Remove(text, marker.Index, date.Index + date.Length - marker.Index);
                break;
            }
        }

        // 2. The title and URL of a Markdown link, or a bare URL (in brackets or not).
        string? title = null;
        string? url = null;
        var link = LinkRegex().Match(text);
        if (link.Success && Values.IsHttpUrl(link.Groups["u"].Value))
        {
            title = StripEmphasis(link.Groups["t"].Value);
            url = link.Groups["u"].Value;
            text = text[..link.Index] + LinkMark + text[(link.Index + link.Length)..];
            if (title.Length == 0 || Values.IsHttpUrl(title))
            {
                title = null;
            }
        }
        else if (FindBareUrl(text) is var (start, length) && length > 0)
        {
            url = text.Substring(start, length);
            text = Remove(text, start, length);
        }

        string? doi = url is not null ? DoiOf(url) : null;
        if (DoiRegex().Match(text) is { Success: true } d && Values.NormalizeDoi(d.Groups[1].Value) is { } bare)
        {
            doi ??= bare;
            url ??= "https://doi.org/" + bare;
            text = Remove(text, d.Index, d.Length);
        }

        // An APA-style reference: Authors (2020). Title. Journal, 12(3), 45-67.
        if (title is null && ApaRegex().Match(Tidy(text)) is { Success: true } apa)
        {
            return Apa(apa, url, doi, accessed);
        }

        // 3. The publication date: in brackets first, then anywhere; a bare year only in brackets or after a comma.
        string? published = null;
        foreach (Match m in DateRegex().Matches(text))
        {
            if (ToIsoDate(m) is { } iso)
            {
                published = iso;
                text = Remove(text, m.Index, m.Length);
                break;
            }
        }
        if (published is null && (BracketYearRegex().Match(text) is { Success: true } y1 ? y1 : CommaYearRegex().Match(text)) is { Success: true } y)
        {
            published = y.Groups[1].Value;
            text = Remove(text, y.Index, y.Length);
        }

        // 4. What is left: segments separated by ·, or "Title. Publisher" prose. Text before a link names its
        // publisher ("量子位：[title](url)"); a locator (p. 12) is no publisher.
        string? publisher = null;
        var leftovers = new List<string>();
        var mark = text.IndexOf(LinkMark, StringComparison.Ordinal);
        if (mark >= 0)
        {
            var before = Tidy(text[..mark]);
            text = text[(mark + 1)..];
            if (before.Length > 0)
            {
                if (before.Length <= 60 && Tidy(text).Length == 0)
                {
                    publisher = before;
                }
                else
                {
                    leftovers.Add(before);
                }
            }
        }
        text = Tidy(text);
        if (LocatorRegex().IsMatch(text))
        {
            leftovers.Add(text);
            text = "";
        }
        var segments = SplitSegments(text);
        if (segments.Count > 1)
        {
            var k = 0;
            if (title is null)
            {
                title = segments[k++];
            }
            if (k < segments.Count)
            {
                publisher = segments[k++];
            }
            if (k < segments.Count && segments.Count - k == 1 && segments[k].Length <= 40)
            {
                k++; // the publisher's tagline (关注前沿科技)
            }
            leftovers.AddRange(segments.Skip(k));
        }
        else if (text.Length > 0)
        {
            if (title is not null)
            {
                if (text.Length <= 100 && publisher is null)
                {
                    publisher = text;
                }
                else
                {
                    leftovers.Add(text);
                }
            }
            else
            {
                var parts = SplitProse(text);
                title = parts[0];
                if (parts.Count > 1)
                {
                    publisher = Tidy(parts[1]);
                    leftovers.AddRange(parts.Skip(2));
                }
            }
        }

        publisher = publisher is { Length: > 0 } ? StripEmphasis(publisher) : null;
        if (publisher is not null && Values.IsHttpUrl(publisher))
        {
            leftovers.Insert(0, publisher);
            publisher = null;
        }
        title = title is { Length: > 0 } ? title : publisher ?? url ?? Collapse(definition);
        var rest = leftovers.Select(Tidy).Where(l => l.Length > 0).ToList();
        if (rest.Count > 0)
        {
            title = $"{title} · {string.Join(" · ", rest)}";
        }
        return new SourceDraft { Title = title, Url = url, Publisher = publisher, Date = published, Accessed = accessed, Doi = doi };
    }

    private static string? DoiOf(string url) =>
        url.Contains("doi.org/", StringComparison.OrdinalIgnoreCase) ? Values.NormalizeDoi(url) : null;

    private static SourceDraft Apa(Match apa, string? url, string? doi, string? accessed)
    {
        var authors = Regex.Split(apa.Groups["a"].Value, @",?\s*&\s*|(?<=\.),\s+(?=\p{Lu})|;\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            .Select(a => a.Trim().TrimEnd(','))
            .Where(a => a.Length > 0)
            .ToList();
        var title = Tidy(apa.Groups["t"].Value);
        var rest = apa.Groups["r"].Success ? Tidy(apa.Groups["r"].Value) : "";
        string? publisher = null, volume = null, issue = null, pages = null;
        var leftovers = new List<string>();
        if (rest.Length > 0)
        {
            var comma = rest.IndexOf(',', StringComparison.Ordinal);
            publisher = Tidy(comma > 0 ? rest[..comma] : rest);
            var tail = comma > 0 ? Tidy(rest[(comma + 1)..]) : "";
            if (VolumeRegex().Match(tail) is { Success: true } v)
            {
                volume = v.Groups["v"].Value;
                issue = v.Groups["i"].Success ? v.Groups["i"].Value : null;
                pages = v.Groups["p"].Success ? v.Groups["p"].Value.Replace(" ", "", StringComparison.Ordinal) : null;
            }
            else if (tail.Length > 0)
            {
                leftovers.Add(tail);
            }
        }
        if (leftovers.Count > 0)
        {
            title = $"{title} · {string.Join(" · ", leftovers)}";
        }
        return new SourceDraft
        {
            Title = title.Length > 0 ? title : apa.Value,
            Url = url,
            Publisher = publisher is { Length: > 0 } ? publisher : null,
            Date = apa.Groups["y"].Value,
            Accessed = accessed,
            Doi = doi,
            Authors = authors,
            Volume = volume,
            Issue = issue,
            Pages = pages,
        };
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Remove(string text, int start, int length)
    {
        var before = text[..start];
        var after = text[(start + length)..];
        // A removed value leaves its brackets empty: drop them with it.
        return EmptyBracketsRegex().Replace(before + "\u0001" + after, m => "").Replace("\u0001", " ", StringComparison.Ordinal);
    }

    /// <summary>A URL that is not in a Markdown link: stops at white space, quotes, CJK punctuation and unbalanced brackets.</summary>
    private static (int Start, int Length) FindBareUrl(string text)
    {
        foreach (Match m in UrlStartRegex().Matches(text))
        {
            var end = m.Index + m.Length;
            var depth = 0;
            while (end < text.Length)
            {
                var c = text[end];
                if (char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '）' or '（' or '，' or '。' or '、' or '；' or '」' or '】' or '“' or '”' or '·' or '•' || c > '\u2E7F')
                {
                    break;
                }
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    if (depth == 0)
                    {
                        break;
                    }
                    depth--;
                }
                end++;
            }
            while (end > m.Index + m.Length && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ']' or '\'')
            {
                end--;
            }
            var url = text[m.Index..end];
            if (Values.IsHttpUrl(url))
            {
                return (m.Index, end - m.Index);
            }
        }
        return (0, 0);
    }

    private static string? ToIsoDate(Match m)
    {
        if (!int.TryParse(m.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }
        var month = 0;
        if (m.Groups["m"].Success)
        {
            _ = int.TryParse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out month);
        }
        else if (m.Groups["mn"].Success)
        {
            month = MonthNumber(m.Groups["mn"].Value);
        }
        var day = 0;
        if (m.Groups["d"].Success)
        {
            _ = int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out day);
        }
        var iso = month == 0
            ? year.ToString("D4", CultureInfo.InvariantCulture)
            : day == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}")
                : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        return month is >= 0 and <= 12 && Values.DateProblem(iso) is null && (month != 0 || day == 0) ? iso : null;
    }

    private static int MonthNumber(string name)
    {
        var key = name.ToLowerInvariant()[..3];
        return Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], key) + 1;
    }

    /// <summary>Trims separators, stray punctuation and empty brackets left around removed values.</summary>
    private static string Tidy(string text)
    {
        var t = Collapse(EmptyBracketsRegex().Replace(text, ""));
        string before;
        do
        {
            before = t;
            t = t.Trim().Trim(' ', ',', '，', '、', ';', '；', ':', '：', '-', '–', '—', '·', '•', '・', '|', '｜', '/');
            if (t.EndsWith('.') && !EndsWithAbbreviation(t))
            {
                t = t[..^1];
            }
            if (t.EndsWith('。'))
            {
                t = t[..^1];
            }
        }
        while (t != before);
        return t;
    }

    private static bool EndsWithAbbreviation(string t)
    {
        // "Inc." "Ltd." "Co." "U.S." keep their dot.
        var space = t.LastIndexOf(' ');
        var word = t[(space + 1)..];
        return word is "Inc." or "Ltd." or "Co." or "Corp." or "Jr." or "Sr." or "St." || (word.Length >= 4 && word[^3] == '.' && char.IsUpper(word[^2]));
    }

    private static string StripEmphasis(string text)
    {
        var t = Collapse(text);
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"), ("\"", "\""), ("“", "”"), ("`", "`")])
        {
            if (t.Length > open.Length + close.Length && t.StartsWith(open, StringComparison.Ordinal) && t.EndsWith(close, StringComparison.Ordinal))
            {
                t = t[open.Length..^close.Length].Trim();
            }
        }
        return t;
    }

    /// <summary>Splits on · • | outside 《》“”「」 and brackets, so 《自然·医学》 stays whole.</summary>
    private static List<string> SplitSegments(string text)
    {
        var segments = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '《' or '“' or '「' or '『' or '(' or '（' or '[' or '【')
            {
                depth++;
            }
            else if (c is '》' or '”' or '」' or '』' or ')' or '）' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (depth == 0 && Array.IndexOf(SegmentSeparators, c) >= 0)
            {
                segments.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        segments.Add(current.ToString());
        return segments.Select(Tidy).Where(s => s.Length > 0).ToList();
    }

    /// <summary>"Title. Publisher, …" — splits at ". " (not after an initial or abbreviation) and at 。.</summary>
    private static List<string> SplitProse(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c == '。' || (c is '.' or '?' or '!' && i + 1 < text.Length && text[i + 1] == ' ' && !IsInitialOrAbbreviation(text, i));
            if (end)
            {
                var part = text[start..(c == '.' ? i : i + 1)].Trim();
                if (c == '。')
                {
                    part = part.TrimEnd('。');
                }
                if (part.Length > 0)
                {
                    parts.Add(part);
                }
                start = i + 1;
            }
        }
        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            parts.Add(last);
        }
        var tidy = parts.Select(Tidy).Where(p => p.Length > 0).ToList();
        return tidy.Count > 0 ? tidy : [text];
    }

    private static bool IsInitialOrAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }
        var word = text[s..dot];
        return word.Length == 1 || word is "Dr" or "Mr" or "Mrs" or "Ms" or "Prof" or "St" or "Inc" or "Ltd" or "Co" or "Vol" or "No" or "pp" or "et al";
    }
}
