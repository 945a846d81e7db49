using EvidenceTracker.Authoring;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.Model;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// Formatted references in GB/T 7714-2015 (numeric), APA 7th and Vancouver (NLM), modelled on the CSL styles of those
/// names as a CSL processor renders them from the CSL-JSON that <c>evidence export</c> writes (differences in the README).
/// </summary>
public static partial class ReferenceFormatter
{
    private const char ItalicOn = '\uE000';
    private const char ItalicOff = '\uE001';

    private static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string StyleName(ReferenceStyle style) => style switch
    {
        ReferenceStyle.GbT7714 => "gb-t-7714",
        ReferenceStyle.Vancouver => "vancouver",
        _ => "apa",
    };

    public static ReferenceStyle ParseStyle(string name) => name switch
    {
        "gb-t-7714" => ReferenceStyle.GbT7714,
        "vancouver" => ReferenceStyle.Vancouver,
        "apa" => ReferenceStyle.Apa,
        _ => throw new ArgumentException($"unknown reference style '{name}'; use gb-t-7714, apa or vancouver", nameof(name)),
    };

    /// <summary>
    /// The style of a repository: <c>style:</c> in evidence.yaml; else GB/T 7714 when its articles are mainly Chinese
    /// (more ideographs than Latin letters), or, with no article, when most of its sources are Chinese; else APA.
    /// </summary>
    public static ReferenceStyle DefaultStyle(EvidenceConfig config, IEnumerable<Article> articles, IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(sources);
        if (config.Style is { } style)
        {
            return ParseStyle(style);
        }
        long cjk = 0, latin = 0;
        foreach (var a in articles)
        {
            foreach (var c in a.Text)
            {
                if (CharInfo.IsIdeograph(c))
                {
                    cjk++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
            }
        }
        if (cjk + latin > 0)
        {
            return cjk > latin ? ReferenceStyle.GbT7714 : ReferenceStyle.Apa;
        }
        var list = sources.ToList();
        var chinese = list.Count(s => Languages.IsChinese(s.Lang, s.Title));
        return list.Count > 0 && chinese * 2 > list.Count ? ReferenceStyle.GbT7714 : ReferenceStyle.Apa;
    }

    /// <summary>One reference, without a list number.</summary>
    public static string Format(Source source, ReferenceStyle style, ReferenceMarkup markup = ReferenceMarkup.Text)
    {
        ArgumentNullException.ThrowIfNull(source);
        var raw = style switch
        {
            ReferenceStyle.GbT7714 => GbT(source),
            ReferenceStyle.Vancouver => Vancouver(source),
            _ => Apa(source),
        };
        return Render(raw, markup);
    }

    /// <summary>
    /// A reference list: numbered <c>[1] </c> (GB/T 7714) or <c>1. </c> (Vancouver) in the given order (the order of
    /// first citation); APA unnumbered, sorted by author, year and title.
    /// </summary>
    public static IReadOnlyList<string> FormatList(IReadOnlyList<Source> sources, ReferenceStyle style, ReferenceMarkup markup = ReferenceMarkup.Text)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (style == ReferenceStyle.Apa)
        {
            return sources
                .Select(s => (Key: SortKey(s), Text: Format(s, style, markup)))
                .OrderBy(x => x.Key, StringComparer.Ordinal)
                .ThenBy(x => x.Text, StringComparer.Ordinal)
                .Select(x => x.Text)
                .ToList();
        }
        return sources.Select((s, i) => (style == ReferenceStyle.GbT7714 ? $"[{i + 1}] " : $"{i + 1}. ") + Format(s, style, markup)).ToList();
    }

    private static string SortKey(Source s)
    {
        var first = s.Authors.Count > 0 ? PersonName.Parse(s.Authors[0]) : null;
        var who = first is null ? s.Title : first.Literal ?? first.Family ?? "";
        return $"{Slugs.ToAscii(who).ToLowerInvariant()}|{s.Date ?? "9999"}|{Slugs.ToAscii(s.Title).ToLowerInvariant()}";
    }

    private static string Render(string raw, ReferenceMarkup markup)
    {
        switch (markup)
        {
            case ReferenceMarkup.Text:
                return raw.Replace(ItalicOn.ToString(), "", StringComparison.Ordinal).Replace(ItalicOff.ToString(), "", StringComparison.Ordinal);
            case ReferenceMarkup.Html:
                return WebUtility.HtmlEncode(raw).Replace(ItalicOn.ToString(), "<i>", StringComparison.Ordinal).Replace(ItalicOff.ToString(), "</i>", StringComparison.Ordinal);
            default:
                var sb = new StringBuilder(raw.Length + 8);
                foreach (var c in raw)
                {
                    switch (c)
                    {
                        case ItalicOn:
                        case ItalicOff:
                            sb.Append('*');
                            break;
                        case '*' or '_' or '[' or ']' or '\\' or '`' or '<':
                            sb.Append('\\').Append(c);
                            break;
                        default:
                            sb.Append(c);
                            break;
                    }
                }
                return sb.ToString();
        }
    }

    private static string Italic(string text) => $"{ItalicOn}{text}{ItalicOff}";

    // ---------------------------------------------------------------- shared pieces

    [GeneratedRegex(@"^\s*([A-Za-z]?)(\d+)\s*[-–—‐]+\s*([A-Za-z]?)(\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PageRange();

    /// <summary>A page range in full ("3033-43" → "3033-3043") or minimal ("3033-3043" → "3033-43") form, with a delimiter.</summary>
    private static string Pages(string pages, bool minimal, string delimiter)
    {
        var m = PageRange().Match(pages);
        if (!m.Success)
        {
            return pages.Replace("--", "-", StringComparison.Ordinal).Replace("-", delimiter, StringComparison.Ordinal);
        }
        var prefix = m.Groups[1].Value;
        var first = m.Groups[2].Value;
        var last = m.Groups[4].Value;
        if (last.Length < first.Length)
        {
            last = first[..(first.Length - last.Length)] + last; // expand
        }
        if (minimal && last.Length == first.Length)
        {
            var k = 0;
            while (k < first.Length - 1 && first[k] == last[k])
            {
                k++;
            }
            last = last[k..];
        }
        // minimal form drops a repeated letter prefix too: "e100-e110" → "e100-10"
        var lastPrefix = minimal && m.Groups[3].Value == prefix ? "" : m.Groups[3].Value;
        return $"{prefix}{first}{delimiter}{lastPrefix}{last}";
    }

    private static (int Year, int? Month, int? Day)? DateParts(string? date)
    {
        if (date is null || Values.DateProblem(date) is not null)
        {
            return null;
        }
        var p = date.Split('-');
        int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        return (I(p[0]), p.Length > 1 ? I(p[1]) : null, p.Length > 2 ? I(p[2]) : null);
    }

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ends a piece with a period unless it already ends with sentence punctuation.</summary>
    private static string Period(string text)
    {
        var t = text.TrimEnd();
        var last = t.Length == 0 ? ' ' : t[^1] == ItalicOff && t.Length > 1 ? t[^2] : t[^1];
        return last is '.' or '?' or '!' or '。' or '？' or '！' ? t : t + ".";
    }

    private static bool DoiUrl(Source s) =>
        s.Url is not null && s.Doi is not null && Values.NormalizeDoi(s.Url) == s.Doi;

    private static string InitialsJoined(PersonName n, string after, string between, bool keepHyphen)
    {
        var sb = new StringBuilder();
        foreach (var initial in n.Initials())
        {
            if (initial.StartsWith('-'))
            {
                sb.Append(keepHyphen ? "-" : between).Append(initial[1..]).Append(after);
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append(between);
                }
                sb.Append(initial).Append(after);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The authors of a source; a last entry <c>others</c> (BibTeX's convention), <c>et al.</c> or <c>等</c>
    /// marks a partial list, so that every style shows that more authors exist.
    /// </summary>
    internal static (List<PersonName> Names, bool More) AuthorsOf(Source s)
    {
        var list = s.Authors.ToList();
        var more = list.Count > 0 && list[^1].Trim().TrimEnd('.') is { } last
            && (last.Equals("others", StringComparison.OrdinalIgnoreCase) || last.Equals("et al", StringComparison.OrdinalIgnoreCase) || last == "等");
        if (more)
        {
            list.RemoveAt(list.Count - 1);
        }
        return (list.Select(PersonName.Parse).ToList(), more);
    }

    // ---------------------------------------------------------------- GB/T 7714-2015

    private static string GbT(Source s)
    {
        var chinese = Languages.IsChinese(s.Lang, s.Title);
        var parts = new List<string>();
        var (names, more) = AuthorsOf(s);
        if (names.Count > 0)
        {
            var shown = names.Take(names.Count > 3 ? 3 : names.Count).Select(GbTName).ToList();
            if (names.Count > 3 || more)
            {
                shown.Add(chinese ? "等" : "et al");
            }
            parts.Add(string.Join(", ", shown));
        }
        var online = s.Url is not null || s.Doi is not null;
        var mark = s.Type switch
        {
            SourceType.JournalArticle => "J",
            SourceType.News => "N",
            SourceType.WebPage => "EB",
            SourceType.PressRelease or SourceType.Report => "R",
            SourceType.Book => "M",
            SourceType.Dataset => "DS",
            SourceType.Regulatory => "A",
            _ => "Z",
        };
        parts.Add($"{s.Title}[{mark}{(online ? "/OL" : "")}]");
        var date = DateParts(s.Date);
        var fullDate = date is null ? null : s.Date; // a date that is not a valid date is left out, as the CSL export leaves it
        var accessed = online && DateParts(s.Accessed) is not null ? $"[{s.Accessed}]" : "";
        var issuedYear = date is { } d ? Year(d.Year) : DateParts(s.Accessed) is { } a ? $"[{Year(a.Year)}]" : null;
        switch (s.Type)
        {
            case SourceType.JournalArticle:
            {
                var head = string.Join(", ", new[] { s.Publisher, issuedYear, s.Volume }.Where(x => x is not null));
                if (s.Issue is not null)
                {
                    head += $"({s.Issue})";
                }
                var container = string.Join(": ", new[] { head.Length > 0 ? head : null, s.Pages is null ? null : Pages(s.Pages, false, "-") }.Where(x => x is not null));
                if (container.Length + accessed.Length > 0)
                {
                    parts.Add(container + accessed);
                }
                break;
            }
            case SourceType.News:
            {
                var container = string.Join(", ", new[] { s.Publisher, fullDate }.Where(x => x is not null));
                if (s.Pages is not null)
                {
                    container += $"({s.Pages})";
                }
                if (container.Length + accessed.Length > 0)
                {
                    parts.Add(container + accessed);
                }
                break;
            }
            default:
            {
                // web pages carry their site as container-title, not publisher: no publisher group for them
                var publisher = s.Type == SourceType.WebPage ? null : s.Publisher;
                string? pub;
                if (publisher is not null || s.Pages is not null || s.Type == SourceType.Book)
                {
                    var group = string.Join(", ", new[] { publisher, issuedYear }.Where(x => x is not null));
                    pub = string.Join(": ", new[] { group.Length > 0 ? group : null, s.Pages }.Where(x => x is not null)) + accessed;
                }
                else if (online)
                {
                    pub = (fullDate is null ? "" : $"({fullDate})") + accessed;
                }
                else
                {
                    pub = issuedYear;
                }
                if (!string.IsNullOrEmpty(pub))
                {
                    parts.Add(pub);
                }
                break;
            }
        }
        var access = new List<string>();
        if (s.Url is not null)
        {
            access.Add(s.Url);
        }
        if (s.Doi is not null)
        {
            access.Add("DOI:" + s.Doi);
        }
        if (access.Count > 0)
        {
            parts.Add(string.Join(". ", access));
        }
        return JoinPeriods(parts) + ".";
    }

    /// <summary>Joins with ". ", without doubling a period that a part already ends with.</summary>
    private static string JoinPeriods(List<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (sb.Length > 0)
            {
                if (sb[^1] != '.')
                {
                    sb.Append('.');
                }
                sb.Append(' ');
            }
            sb.Append(p);
        }
        if (sb.Length > 0 && sb[^1] == '.')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    private static string GbTName(PersonName n)
    {
        if (n.IsLiteral)
        {
            return n.Literal!;
        }
        if (n.IsCjk)
        {
            return n.Family + n.Given;
        }
        var family = n.Family!.ToUpperInvariant();
        var initials = InitialsJoined(n, "", " ", keepHyphen: false);
        var name = initials.Length == 0 ? family : $"{family} {initials}";
        return n.Suffix is null ? name : $"{name} {n.Suffix.TrimEnd('.')}"; // KING M L Jr, without the abbreviation point
    }

    // ---------------------------------------------------------------- APA 7th

    private static string Apa(Source s)
    {
        var (names, more) = AuthorsOf(s);
        // an article's title is in italics when it stands alone: with no journal or newspaper to be part of
        var italicTitle = s.Type is not (SourceType.JournalArticle or SourceType.News) || s.Publisher is null;
        var description = s.Type switch
        {
            SourceType.Dataset => " [Data set]",
            SourceType.PressRelease => " [Press release]",
            _ => "",
        };
        var title = (italicTitle ? Italic(s.Title) : s.Title) + description;
        var sb = new StringBuilder();
        var date = ApaDate(s);
        if (names.Count > 0)
        {
            // A partial list (ending in "others") ends in "et al." rather than "&" before a last author.
            sb.Append(Period(more ? string.Join(", ", names.Select(ApaName)) + ", et al." : ApaNames(names))).Append(' ').Append(date).Append(". ");
            sb.Append(Period(title));
        }
        else
        {
            sb.Append(Period(title)).Append(' ').Append(date).Append('.');
        }
        var literalAuthors = names.Where(n => n.IsLiteral).Select(n => n.Literal).ToHashSet(StringComparer.Ordinal);
        string? source = null;
        switch (s.Type)
        {
            case SourceType.JournalArticle:
                if (s.Publisher is not null)
                {
                    var j = new StringBuilder(Italic(s.Publisher));
                    if (s.Volume is not null)
                    {
                        j.Append(", ").Append(Italic(s.Volume));
                    }
                    if (s.Issue is not null)
                    {
                        j.Append(s.Volume is null ? ", " : "").Append('(').Append(s.Issue).Append(')');
                    }
                    if (s.Pages is not null)
                    {
                        j.Append(", ").Append(Pages(s.Pages, false, "–"));
                    }
                    source = j.ToString();
                }
                break;
            case SourceType.News:
                if (s.Publisher is not null)
                {
                    source = Italic(s.Publisher) + (s.Pages is null ? "" : ", " + Pages(s.Pages, false, "–"));
                }
                break;
            default:
                if (s.Publisher is not null && !literalAuthors.Contains(s.Publisher))
                {
                    source = s.Publisher;
                }
                break;
        }
        if (source is not null)
        {
            sb.Append(' ').Append(Period(source));
        }
        if (s.Doi is not null)
        {
            sb.Append(" https://doi.org/").Append(s.Doi);
        }
        else if (s.Url is not null)
        {
            if (s.Date is null && DateParts(s.Accessed) is { } a)
            {
                sb.Append(" Retrieved ").Append(LongMonths[(a.Month ?? 1) - 1]).Append(a.Day is int dd ? $" {dd}" : "").Append(", ").Append(Year(a.Year)).Append(", from");
            }
            sb.Append(' ').Append(s.Url);
        }
        return sb.ToString();
    }

    private static string ApaDate(Source s)
    {
        if (DateParts(s.Date) is not { } d)
        {
            return "(n.d.)";
        }
        var full = s.Type is SourceType.News or SourceType.WebPage or SourceType.PressRelease;
        if (!full || d.Month is null)
        {
            return $"({Year(d.Year)})";
        }
        return d.Day is int day
            ? $"({Year(d.Year)}, {LongMonths[d.Month.Value - 1]} {day})"
            : $"({Year(d.Year)}, {LongMonths[d.Month.Value - 1]})";
    }

    private static string ApaName(PersonName n)
    {
        if (n.IsLiteral)
        {
            return n.Literal!;
        }
        if (n.IsCjk)
        {
            return n.Family + n.Given;
        }
        var initials = InitialsJoined(n, ".", " ", keepHyphen: true);
        var name = initials.Length == 0 ? n.Family! : $"{n.Family}, {initials}";
        return n.Suffix is null ? name : $"{name}, {n.Suffix}";
    }

    private static string ApaNames(List<PersonName> names)
    {
        var formatted = names.Select(ApaName).ToList();
        if (formatted.Count == 1)
        {
            return formatted[0];
        }
        if (formatted.Count > 20)
        {
            return string.Join(", ", formatted.Take(19)) + ", … " + formatted[^1];
        }
        return string.Join(", ", formatted.Take(formatted.Count - 1)) + ", & " + formatted[^1];
    }

    // ---------------------------------------------------------------- Vancouver (NLM)

    private static string Vancouver(Source s)
    {
        // As the CSL style (NLM citation-sequence) builds it: "Authors. Title [Genre] [Internet]. Container [Internet].
        // Publisher; Date [cited …];Volume(Issue):Pages. Available from: URL doi:DOI PubMed PMID: N."
        var parts = new List<string>();
        var (names, more) = AuthorsOf(s);
        if (names.Count > 0)
        {
            var shown = names.Take(names.Count > 6 ? 6 : names.Count).Select(VancouverName).ToList();
            if (names.Count > 6 || more)
            {
                shown.Add("et al");
            }
            parts.Add(string.Join(", ", shown));
        }
        var serial = s.Type is SourceType.JournalArticle or SourceType.News;
        var container = SourceTypes.PublisherIsContainer(s.Type) ? s.Publisher : null;
        // a web page's site comes first, as the title of the whole, and the page's own title after the date
        var site = s.Type == SourceType.WebPage ? container : null;
        // a journal article found by its DOI or PMID is cited without its URL, [Internet] and [cited …]; a URL that is
        // only the DOI's own address is never printed (it repeats the doi:…)
        var identified = s.Type == SourceType.JournalArticle && (s.Doi is not null || s.Pmid is not null);
        var url = identified || DoiUrl(s) ? null : s.Url;
        var internet = url is not null ? "[Internet]" : null;
        var cited = url is not null && DateParts(s.Accessed) is { } a ? $"[cited {VancouverDate(a)}]" : null;

        var genre = s.Type == SourceType.PressRelease ? "[Press release]" : null;
        parts.Add(Spaced(site ?? s.Title, genre, container is null || site is not null ? internet : null));
        if (container is not null && site is null)
        {
            parts.Add(Spaced(container, internet));
        }
        var date = DateParts(s.Date);
        string? when;
        if (serial)
        {
            when = Spaced(date is { } d ? VancouverDate(d) : null, cited);
            if (s.Type == SourceType.News && s.Pages is not null)
            {
                when = string.Join(":", new[] { when, s.Pages }.Where(x => !string.IsNullOrEmpty(x)));
            }
        }
        else
        {
            // reports (and press releases, CSL reports) with year and month; everything else with the year
            var issued = date is { } d ? s.Type is SourceType.Report or SourceType.PressRelease && d.Month is int m ? $"{Year(d.Year)} {ShortMonths[m - 1]}" : Year(d.Year) : null;
            when = Spaced(issued, cited);
        }
        string? serialId = null;
        if (s.Type == SourceType.JournalArticle)
        {
            var volume = (s.Volume ?? "") + (s.Issue is null ? "" : $"({s.Issue})");
            serialId = string.Join(":", new[] { volume, s.Pages is null ? null : Pages(s.Pages, true, "-") }.Where(x => !string.IsNullOrEmpty(x)));
        }
        var dated = string.Join(";", new[] { when, serialId }.Where(x => !string.IsNullOrEmpty(x)));
        var publisher = serial || s.Type == SourceType.WebPage ? null : s.Publisher;
        var published = string.Join("; ", new[] { publisher, dated }.Where(x => !string.IsNullOrEmpty(x)));
        if (published.Length > 0)
        {
            parts.Add(published);
        }
        if (!serial && s.Type != SourceType.Book && s.Pages is not null)
        {
            parts.Add("p. " + Pages(s.Pages, true, "-"));
        }
        if (site is not null)
        {
            parts.Add(s.Title);
        }

        var sb = new StringBuilder(Period(string.Join(" ", parts.Select((p, i) => i < parts.Count - 1 ? Period(p) : p))));
        if (url is not null)
        {
            sb.Append(" Available from: ").Append(url);
        }
        if (s.Doi is not null)
        {
            sb.Append(" doi:").Append(s.Doi);
        }
        if (s.Pmid is not null)
        {
            sb.Append(" PubMed PMID: ").Append(s.Pmid).Append('.');
        }
        return sb.ToString();
    }

    /// <summary>The pieces that are there, joined by spaces.</summary>
    private static string Spaced(params string?[] pieces) => string.Join(" ", pieces.Where(p => !string.IsNullOrEmpty(p)));

    private static string VancouverDate((int Year, int? Month, int? Day) d) =>
        Year(d.Year) + (d.Month is int m ? " " + ShortMonths[m - 1] + (d.Day is int day ? " " + day.ToString(CultureInfo.InvariantCulture) : "") : "");

    private static string VancouverName(PersonName n)
    {
        if (n.IsLiteral)
        {
            return n.Literal!;
        }
        if (n.IsCjk)
        {
            return n.Family + n.Given;
        }
        // "Jean-Paul" → JP: NLM drops the hyphen of a hyphenated given name (the CSL style: initialize-with-hyphen="false")
        var initials = InitialsJoined(n, "", "", keepHyphen: false);
        var name = initials.Length == 0 ? n.Family! : $"{n.Family} {initials}";
        return n.Suffix is null ? name : $"{name} {n.Suffix.TrimEnd('.')}";
    }
}
