using System.Text.RegularExpressions;
using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>
/// The sources a footnote definition names, as people write footnotes: none for an explanatory note (no URL, DOI,
/// PMID, arXiv id or ISBN, and no bibliographic shape — a quoted title, an author-year reference, a publisher with a
/// date); one per link when it holds several (<c>Wikipedia: [A](u1) and [B](u2).</c> is two sources, each titled from
/// its link's text, with the label before the first link as their publisher); else the one source
/// <see cref="FootnoteReference"/> reads. Titles and publishers hold text, never Markdown.
/// </summary>
public static partial class FootnoteSources
{
    [GeneratedRegex(@"\b10\.\d{4,9}/\S|\bdoi:\s*10\.|\bPMID\s*:?\s*\d{4,9}\b|\bPMCID\s*:?\s*PMC\d+|\barXiv\s*:\s*\d{4}\.\d{4,5}|\bISBN(?:-1[03])?\s*:?\s*[\d-]{9,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierRegex();

    /// <summary>A quoted title: “…”, "…", 《…》, 「…」, 『…』.</summary>
    [GeneratedRegex(@"“[^”]{3,}”|""[^""]{3,}""|《[^》]{1,}》|「[^」]{2,}」|『[^』]{2,}』", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitleRegex();

    /// <summary>An emphasised title (<c>*The Book*</c>) counts with a year beside it.</summary>
    [GeneratedRegex(@"(?<![\w*])\*[^*\s][^*]{2,}\*(?![\w*])|(?<![\w_])_[^_\s][^_]{2,}_(?![\w_])", RegexOptions.CultureInvariant)]
    private static partial Regex EmphasisedTitleRegex();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"https?://[^\s<>""）（，。、；」】“”·•]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrlRegex();

    /// <summary>Words and marks that join links in one definition (<c>[A](u1) and [B](u2)</c>), at either end of a part.</summary>
    [GeneratedRegex(@"^(?:\s|[,;，；、&]|\band\b|\bor\b|\bas well as\b|以及|和|与|及)+|(?:\s|[,;，；、&]|\band\b|\bor\b|以及|和|与|及)+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectorsRegex();

    // Inline Markdown, for PlainText.
    [GeneratedRegex(@"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)|!?\[([^\[\]]*)\]\[[^\[\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLinkRegex();

    [GeneratedRegex(@"(\*\*|__|~~|==)(?=\S)(.+?)(?<=\S)\1", RegexOptions.CultureInvariant)]
    private static partial Regex StrongRegex();

    [GeneratedRegex(@"(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w\\])_(?=\S)([^_]+?)(?<=\S)_(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex EmphasisRegex();

    [GeneratedRegex(@"`+([^`]*)`+|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex CodeOrTagRegex();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();

    /// <summary>The sources of a definition (none for a note), in the order written, one per distinct URL.</summary>
    public static IReadOnlyList<SourceDraft> Parse(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = Collapse(definition);
        var links = Links(text);
        if (links.Count == 0)
        {
            return IsBibliographic(text) ? [Clean(FootnoteReference.Parse(definition))] : [];
        }
        if (links.Select(l => Urls.Normalize(l.Url) ?? l.Url).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return [Clean(FootnoteReference.Parse(definition))];
        }
        // Several links: each with the words after it up to the next; a short label before the first (Wikipedia:) is
        // every part's publisher.
        var before = text[..links[0].Start].Trim();
        var label = before.Length is > 0 and <= 60 && before[^1] is ':' or '：' ? before + " " : "";
        var drafts = new List<SourceDraft>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < links.Count; i++)
        {
            var end = i + 1 < links.Count ? links[i + 1].Start : text.Length;
            var tail = ConnectorsRegex().Replace(text[links[i].End..end], "");
            var part = $"{label}{text[links[i].Start..links[i].End]} {tail}".Trim();
            var draft = Clean(FootnoteReference.Parse(part));
            if (seen.Add(Urls.Normalize(draft.Url) ?? draft.Url ?? draft.Title))
            {
                drafts.Add(draft);
            }
        }
        return drafts;
    }

    /// <summary>
    /// Whether a definition is an explanatory note: it names no source (<see cref="Parse"/> finds none). Decided without
    /// reading the sources: a definition with a link names at least one, one without names one when it is bibliographic.
    /// </summary>
    public static bool IsNote(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = Collapse(definition);
        return !HasLink(text) && !IsBibliographic(text);
    }

    /// <summary>Punctuation that ends a sentence after a bare URL rather than the URL itself.</summary>
    private static readonly char[] UrlTrailers = ['.', ',', ';', ':', '!', '?', ')', ']', '\''];

    /// <summary>Whether <see cref="Links"/> would find any link, decided at the first one (checks read every footnote).</summary>
    private static bool HasLink(string text)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Either kind of link will do, so the bare URLs are looked at first: the usual reference, "[Title](https://…)",
        // holds its URL bare as well, and this pattern allocates nothing where the Markdown one allocates a match, its
        // groups and a stack at every call (checks read every footnote: 100,000 took 130 ms and 78 MB that way).
        foreach (var m in BareUrlRegex().EnumerateMatches(text))
        {
            if (Values.IsHttpUrl(text.AsSpan(m.Index, m.Length).TrimEnd(UrlTrailers).ToString()))
            {
                return true;
            }
        }
        for (var m = text.Contains("](", StringComparison.Ordinal) ? FootnoteReference.LinkRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
        {
            if (Values.IsHttpUrl(m.Groups["u"].Value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text with every run of white space made one space, trimmed (the text itself when it is so already).</summary>
    internal static string Collapse(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1])))
            {
                return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return text;
    }

    /// <summary>The http(s) links of a text, Markdown links and bare URLs, in order.</summary>
    private static List<(int Start, int End, string Url)> Links(string text)
    {
        var links = new List<(int Start, int End, string Url)>();
        foreach (Match m in FootnoteReference.LinkRegex().Matches(text))
        {
            if (Values.IsHttpUrl(m.Groups["u"].Value))
            {
                links.Add((m.Index, m.Index + m.Length, m.Groups["u"].Value));
            }
        }
        foreach (Match m in BareUrlRegex().Matches(text))
        {
            var url = m.Value.TrimEnd(UrlTrailers);
            if (Values.IsHttpUrl(url) && !links.Any(l => m.Index < l.End && m.Index + m.Length > l.Start))
            {
                links.Add((m.Index, m.Index + url.Length, url));
            }
        }
        links.Sort((a, b) => a.Start.CompareTo(b.Start));
        return links;
    }

    private static bool IsBibliographic(string text)
    {
        if (IdentifierRegex().IsMatch(text) || QuotedTitleRegex().IsMatch(text)
            || (EmphasisedTitleRegex().IsMatch(text) && YearRegex().IsMatch(text)))
        {
            return true;
        }
        var draft = FootnoteReference.Parse(text);
        return draft.Authors.Count > 0 || draft.Doi is not null || (draft.Publisher is not null && draft.Date is not null);
    }

    private static SourceDraft Clean(SourceDraft draft)
    {
        var title = PlainText(draft.Title);
        var publisher = draft.Publisher is { } p ? PlainText(p) : null;
        return draft with
        {
            Title = title.Length > 0 ? title : draft.Url ?? draft.Title,
            Publisher = publisher is { Length: > 0 } ? publisher : null,
        };
    }

    /// <summary>Longer titles and publishers keep their Markdown (see <see cref="PlainText"/>).</summary>
    public const int MaxMarkdownLength = 10_000;

    /// <summary>
    /// The text of inline Markdown: links and images as their text, emphasis, strong, strike-through, marks and code as
    /// their content, HTML tags dropped, backslash escapes resolved.
    /// </summary>
    public static string PlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxMarkdownLength)
        {
            // a "title" this long is a mistake in the article; its Markdown is left as written rather than risk the time
            return string.Join(' ', markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        var text = MarkdownLinkRegex().Replace(markdown, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        string before;
        var rounds = 0;
        do
        {
            before = text;
            text = StrongRegex().Replace(text, "$2");
            text = EmphasisRegex().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        }
        while (text != before && ++rounds < 4);
        text = CodeOrTagRegex().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : "");
        text = EscapeRegex().Replace(text, "$1");
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
