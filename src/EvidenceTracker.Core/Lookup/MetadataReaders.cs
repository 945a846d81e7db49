using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Model;

namespace EvidenceTracker.Lookup;

/// <summary>
/// Reads the answers of the look-up services into <see cref="SourceMetadata"/>: CSL-JSON (DOI content negotiation),
/// PubMed's esummary JSON, arXiv's Atom feed, a web page's own metadata, and Crossref's update records. Each is a pure
/// function of the bytes: it never throws for bad input, and says in one line what was wrong.
/// </summary>
public static class MetadataReaders
{
    /// <summary>A DOI's CSL-JSON, as doi.org answers <c>Accept: application/vnd.citationstyles.csl+json</c>.</summary>
    public static SourceMetadata? FromCslJson(byte[] body, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        BibParseResult parsed;
        try
        {
            parsed = CslJsonParser.Parse(body, "answer");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            problem = $"the answer is not CSL-JSON ({ex.GetType().Name})";
            return null;
        }
        if (parsed.Entries.Count == 0)
        {
            problem = "the answer is not CSL-JSON: " + (parsed.Findings.FirstOrDefault()?.Message ?? "no item");
            return null;
        }
        var e = parsed.Entries[0];
        string? pmcid = null, isbn = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                pmcid = Str(doc.RootElement, "PMCID");
                isbn = doc.RootElement.TryGetProperty("ISBN", out var i) ? (i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().Select(x => x.ToString()).FirstOrDefault() : i.ToString()) : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // the parser above already read what it could (InvalidOperationException: a string that is not UTF-8)
        }
        var doi = e.Doi is null ? null : Values.NormalizeDoi(e.Doi);
        return new SourceMetadata
        {
            Type = e.Type,
            Title = Clean(e.Title),
            Authors = e.Authors.Select(a => a.ToString()).Where(a => a.Length > 0).ToList(),
            Publisher = Clean(e.Publisher),
            Date = Valid(e.Date, Values.DateProblem),
            Url = Valid(e.Url, Values.UrlProblem),
            Doi = doi,
            Pmid = Valid(e.Pmid, Values.PmidProblem),
            Pmcid = Valid(pmcid, Values.PmcidProblem),
            Isbn = Valid(isbn, Values.IsbnProblem),
            Lang = Valid(e.Lang, Values.LangProblem),
            Volume = Clean(e.Volume),
            Issue = Clean(e.Issue),
            Pages = Clean(e.Pages),
        };
    }

    /// <summary>PubMed's <c>esummary.fcgi?db=pubmed&amp;retmode=json</c> answer, for <paramref name="pmid"/>.</summary>
    public static SourceMetadata? FromPubMedSummary(byte[] body, string pmid, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("result", out var result) || !result.TryGetProperty(pmid, out var item) || item.ValueKind != JsonValueKind.Object)
            {
                problem = $"PubMed has no record {pmid}";
                return null;
            }
            if (item.TryGetProperty("error", out var error))
            {
                problem = $"PubMed has no record {pmid}: {OneLine(error.ToString())}";
                return null;
            }
            var authors = item.TryGetProperty("authors", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Where(x => Str(x, "authtype") is null or "Author").Select(x => PubMedAuthor(Str(x, "name"))).OfType<string>().ToList()
                : [];
            string? doi = null, pmc = null;
            if (item.TryGetProperty("articleids", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray())
                {
                    switch (Str(id, "idtype"))
                    {
                        case "doi":
                            doi ??= Values.NormalizeDoi(Str(id, "value") ?? "");
                            break;
                        case "pmc":
                            pmc ??= Valid(Str(id, "value"), Values.PmcidProblem);
                            break;
                    }
                }
            }
            var types = item.TryGetProperty("pubtype", out var pt) && pt.ValueKind == JsonValueKind.Array
                ? pt.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            var updates = new List<UpdateNotice>();
            if (types.Contains("Retracted Publication"))
            {
                updates.Add(new UpdateNotice { Kind = "retraction", RecordedBy = "pubmed" });
            }
            var lang = item.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.Array ? l.EnumerateArray().Select(x => x.GetString()).FirstOrDefault() : null;
            return new SourceMetadata
            {
                Type = SourceType.JournalArticle,
                Title = Clean(Str(item, "title"))?.TrimEnd('.'),
                Authors = authors,
                Publisher = Clean(Str(item, "fulljournalname")) ?? Clean(Str(item, "source")),
                Date = PubMedDate(Str(item, "epubdate")) ?? PubMedDate(Str(item, "pubdate")),
                Doi = doi,
                Pmid = pmid,
                Pmcid = pmc,
                Lang = Iso639(lang),
                Volume = Clean(Str(item, "volume")),
                Issue = Clean(Str(item, "issue")),
                Pages = Clean(Str(item, "pages")),
                Updates = updates,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, found only when it is read
            problem = $"the answer is not PubMed's JSON: {OneLine(ex.Message)}";
            return null;
        }
    }

    /// <summary>arXiv's Atom answer to <c>query?id_list=…</c>.</summary>
    public static SourceMetadata? FromArxivAtom(byte[] body, string arxivId, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        if (XmlAnswer.Load(body, out var error) is not { } doc)
        {
            problem = $"the answer is not an Atom feed: {error}";
            return null;
        }
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace arxiv = "http://arxiv.org/schemas/atom";
        var entry = doc.Root?.Elements(atom + "entry").FirstOrDefault();
        var id = entry?.Element(atom + "id")?.Value ?? "";
        if (entry is null || id.Contains("/api/errors", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(entry.Element(atom + "title")?.Value))
        {
            problem = $"arXiv has no paper {arxivId}";
            return null;
        }
        var doi = entry.Element(arxiv + "doi")?.Value;
        return new SourceMetadata
        {
            Type = SourceType.Report,
            Title = Clean(entry.Element(atom + "title")?.Value),
            Authors = entry.Elements(atom + "author").Select(x => WesternName(x.Element(atom + "name")?.Value)).OfType<string>().ToList(),
            Publisher = "arXiv",
            Date = IsoDate(entry.Element(atom + "published")?.Value),
            Url = $"https://arxiv.org/abs/{arxivId}",
            Doi = doi is null ? null : Values.NormalizeDoi(doi),
            Arxiv = arxivId,
            Lang = "en",
        };
    }

    /// <summary>
    /// A web page's own metadata: Highwire <c>citation_*</c> meta tags first, then JSON-LD (<c>ScholarlyArticle</c>,
    /// <c>NewsArticle</c>, <c>Article</c>…), then OpenGraph, then <c>&lt;title&gt;</c>.
    /// </summary>
    public static SourceMetadata? FromHtml(byte[] body, string url, out string? problem) => FromHtml(body, url, null, out problem);

    /// <summary>
    /// As <see cref="FromHtml(byte[], string, out string?)"/>, the page read in the character set it declares (in
    /// <paramref name="contentType"/>, the HTTP header, or else in a <c>&lt;meta&gt;</c> tag), UTF-8 if none.
    /// </summary>
    public static SourceMetadata? FromHtml(byte[] body, string url, string? contentType, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        var text = Text.DeclaredCharset.Decode(body, contentType);
        if (Quotes.HtmlFallback.TooDeepForTreeBuilding(text))
        {
            // tags nested so deep that the tree builder would take time quadratic in their depth: the metadata is
            // read from the head alone, if the head is not so deep itself
            var headEnd = text.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
            text = headEnd < 0 ? "" : text[..headEnd];
            if (text.Length == 0 || Quotes.HtmlFallback.TooDeepForTreeBuilding(text))
            {
                problem = $"{url} nests its tags too deep to be read (its head could not be read alone)";
                return null;
            }
        }
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(text);
        string? Meta(string name) => document.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("name") ?? m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => Clean(m.GetAttribute("content"))).FirstOrDefault(v => v is not null);
        IReadOnlyList<string> Metas(string name) => document.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => Clean(m.GetAttribute("content"))).OfType<string>().ToList();

        var ld = JsonLd(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
        var journal = Meta("citation_journal_title");
        var authors = Metas("citation_author").Select(a => a.Contains(',', StringComparison.Ordinal) ? a : WesternName(a)).OfType<string>().ToList();
        if (authors.Count == 0 && ld?.Authors is { Count: > 0 } ldAuthors)
        {
            authors = ldAuthors.Select(WesternName).OfType<string>().ToList();
        }
        var first = Meta("citation_firstpage");
        var last = Meta("citation_lastpage");
        var title = Meta("citation_title") ?? ld?.Headline ?? Meta("og:title") ?? Clean(document.Title);
        if (title is null)
        {
            problem = $"{url} gives no title (no citation_title, JSON-LD, og:title or <title>)";
            return null;
        }
        var type = journal is not null || ld?.Type == "ScholarlyArticle" ? SourceType.JournalArticle
            : ld?.Type is "NewsArticle" or "ReportageNewsArticle" ? SourceType.News
            : ld?.Type == "Report" ? SourceType.Report
            : SourceType.WebPage;
        var lang = Meta("citation_language") ?? ld?.Language ?? document.DocumentElement.GetAttribute("lang");
        return new SourceMetadata
        {
            Type = type,
            Title = title,
            Authors = authors,
            Publisher = journal ?? Meta("citation_publisher") ?? ld?.Publisher ?? Meta("og:site_name"),
            Date = IsoDate(Meta("citation_publication_date") ?? Meta("citation_date") ?? Meta("citation_online_date") ?? ld?.Date ?? Meta("article:published_time")),
            Url = url,
            Doi = Meta("citation_doi") is { } d ? Values.NormalizeDoi(d) : null,
            Pmid = Valid(Meta("citation_pmid"), Values.PmidProblem),
            Arxiv = Meta("citation_arxiv_id") is { } x ? Values.NormalizeArxiv(x) : null,
            Isbn = Valid(Meta("citation_isbn"), Values.IsbnProblem),
            Lang = Valid(lang, Values.LangProblem),
            Volume = Meta("citation_volume"),
            Issue = Meta("citation_issue"),
            Pages = first is null ? null : last is null || last == first ? first : $"{first}-{last}",
        };
    }

    /// <summary>
    /// The most notices kept of one work: a work has one to a few (a retraction recorded by its publisher and by
    /// Retraction Watch, some corrections); every claim page citing the work repeats them.
    /// </summary>
    public const int MaxNotices = 20;

    /// <summary>The distinct notices, at most <see cref="MaxNotices"/>: those that withdraw the work first (retractions…), then expressions of concern, then the rest, each in the order given.</summary>
    private static List<UpdateNotice> Kept(List<UpdateNotice> notices)
    {
        var distinct = notices.Distinct().ToList();
        return distinct.Count <= MaxNotices
            ? distinct
            : [.. distinct.OrderBy(n => Checking.RetractionRule.SeverityOf(n.Kind) switch { Diagnostics.Severity.Error => 0, Diagnostics.Severity.Warning => 1, _ => 2 }).Take(MaxNotices)];
    }

    /// <summary>Crossref's <c>works/{doi}</c> answer: the notices in <c>message.updated-by</c> (at most <see cref="MaxNotices"/>).</summary>
    public static IReadOnlyList<UpdateNotice>? FromCrossrefWork(byte[] body, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                problem = "the answer is not a Crossref work (no message)";
                return null;
            }
            var notices = new List<UpdateNotice>();
            if (message.TryGetProperty("updated-by", out var updates) && updates.ValueKind == JsonValueKind.Array)
            {
                foreach (var u in updates.EnumerateArray())
                {
                    if (Str(u, "type") is not { } kind)
                    {
                        continue;
                    }
                    string? date = null;
                    if (u.TryGetProperty("updated", out var when) && !TryDateParts(when, out date))
                    {
                        // a notice whose date cannot be read is not half-read: the whole record is unreadable
                        problem = $"the date of its {Short(kind)} notice is not a date (date-parts holds a number that is not a whole number in range: {Short(when.GetRawText())})";
                        return null;
                    }
                    notices.Add(new UpdateNotice
                    {
                        Kind = kind.Replace('-', '_').ToLowerInvariant(),
                        Doi = Str(u, "DOI") is { } d ? Values.NormalizeDoi(d) : null,
                        RecordedBy = Str(u, "source") ?? "publisher",
                        Date = date,
                    });
                }
            }
            return Kept(notices);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, found only when it is read
            problem = $"the answer is not Crossref's JSON: {OneLine(ex.Message)}";
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private sealed record LinkedData(string? Type, string? Headline, IReadOnlyList<string> Authors, string? Publisher, string? Date, string? Language);

    private static readonly string[] ArticleTypes = ["ScholarlyArticle", "NewsArticle", "ReportageNewsArticle", "Article", "BlogPosting", "Report", "WebPage"];

    private static LinkedData? JsonLd(IEnumerable<string> scripts)
    {
        foreach (var script in scripts)
        {
            try
            {
                using var doc = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                foreach (var node in Nodes(doc.RootElement))
                {
                    var type = TypeOf(node);
                    if (type is null)
                    {
                        continue;
                    }
                    var authors = new List<string>();
                    if (node.TryGetProperty("author", out var a))
                    {
                        foreach (var x in a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [a])
                        {
                            if ((x.ValueKind == JsonValueKind.String ? x.GetString() : Str(x, "name")) is { } n && Clean(n) is { } c)
                            {
                                authors.Add(c);
                            }
                        }
                    }
                    var publisher = node.TryGetProperty("publisher", out var p) ? (p.ValueKind == JsonValueKind.String ? p.GetString() : Str(p, "name")) : null;
                    return new LinkedData(type, Clean(Str(node, "headline") ?? Str(node, "name")), authors, Clean(publisher), Str(node, "datePublished"), Str(node, "inLanguage"));
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                // a page's broken JSON-LD is skipped (not JSON, or text that cannot be transcoded); the other sources of metadata remain
            }
        }
        return null;
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in root.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.Object)
                {
                    yield return x;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in graph.EnumerateArray())
                {
                    if (x.ValueKind == JsonValueKind.Object)
                    {
                        yield return x;
                    }
                }
            }
            yield return root;
        }
    }

    private static string? TypeOf(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var t))
        {
            return null;
        }
        var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.ToString()).ToList() : [t.ToString()];
        return ArticleTypes.FirstOrDefault(types.Contains);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var flat = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? null : flat;
    }

    private static string? Valid(string? value, Func<string, string?> problem) =>
        Clean(value) is { } v && problem(v) is null ? v : null;

    /// <summary>A value from an answer, in one line of at most 60 characters, for a message.</summary>
    private static string Short(string text)
    {
        var line = OneLine(text);
        if (line.Length <= 60)
        {
            return line;
        }
        var cut = char.IsHighSurrogate(line[58]) ? 58 : 59;
        return string.Concat(line.AsSpan(0, cut), "…");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>PubMed's <c>Cao K</c> as <c>Cao, K</c>; a collective name stays as it is.</summary>
    private static string? PubMedAuthor(string? name)
    {
        var n = Clean(name);
        if (n is null)
        {
            return null;
        }
        var space = n.LastIndexOf(' ');
        return space > 0 && n[(space + 1)..].All(char.IsAsciiLetterUpper) ? $"{n[..space]}, {n[(space + 1)..]}" : n;
    }

    /// <summary><c>Kai Cao</c> as <c>Cao, Kai</c>; a name in CJK script, or a single word, stays as it is.</summary>
    private static string? WesternName(string? name)
    {
        var n = Clean(name);
        if (n is null)
        {
            return null;
        }
        var space = n.LastIndexOf(' ');
        return space > 0 && !n.Any(Text.CharInfo.IsCjk) ? $"{n[(space + 1)..]}, {n[..space]}" : n;
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>PubMed's <c>2023 Nov 20</c>, <c>2023 Dec</c> or <c>2023</c> as <c>2023-11-20</c>, <c>2023-12</c>, <c>2023</c>.</summary>
    private static string? PubMedDate(string? text)
    {
        var parts = (Clean(text) ?? "").Split(' ');
        if (parts.Length == 0 || parts[0].Length != 4 || !parts[0].All(char.IsAsciiDigit))
        {
            return null;
        }
        var date = parts[0];
        if (parts.Length > 1 && parts[1].Length >= 3 && Array.IndexOf(Months, parts[1][..3].ToLowerInvariant()) is var m and >= 0)
        {
            date += $"-{m + 1:00}";
            if (parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
            {
                date += $"-{day:00}";
            }
        }
        return Values.DateProblem(date) is null ? date : parts[0];
    }

    /// <summary>An ISO date or timestamp (<c>2023-11-20T08:00:00Z</c>, <c>2023/11/20</c>) as <c>YYYY[-MM[-DD]]</c>.</summary>
    private static string? IsoDate(string? text)
    {
        var t = Clean(text)?.Replace('/', '-');
        if (t is null || t.Length < 4)
        {
            return null;
        }
        foreach (var length in (ReadOnlySpan<int>)[10, 7, 4])
        {
            if (t.Length >= length && Values.DateProblem(t[..length]) is null)
            {
                return t[..length];
            }
        }
        return null;
    }

    /// <summary>
    /// A Crossref date (<c>{"date-parts": [[2022, 5, 2]]}</c>) as <c>YYYY[-MM[-DD]]</c>: false when a part is a number
    /// that is not a whole number within range (<c>2022.5</c>, <c>2147483648</c>, <c>1e400</c>; <c>2.0</c> is 2), which makes the date
    /// unreadable; true otherwise, with null for a date that is absent or not a calendar date.
    /// </summary>
    private static bool TryDateParts(JsonElement when, out string? date)
    {
        date = null;
        if (when.ValueKind != JsonValueKind.Object || !when.TryGetProperty("date-parts", out var dp) || dp.ValueKind != JsonValueKind.Array || dp.GetArrayLength() == 0)
        {
            return true;
        }
        var parts = new List<int>();
        if (dp[0].ValueKind == JsonValueKind.Array)
        {
            foreach (var x in dp[0].EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.Number)
                {
                    break; // a string or null ends the date: "2022" is not read as the year 0000
                }
                else if (x.TryGetInt32(out var v))
                {
                    parts.Add(v);
                }
                else if (x.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    parts.Add((int)d); // 2.0
                }
                else
                {
                    return false;
                }
            }
        }
        var text = parts.Count > 0 ? parts[0].ToString("0000", CultureInfo.InvariantCulture) : null;
        if (text is not null && parts.Count > 1)
        {
            text += $"-{parts[1].ToString("00", CultureInfo.InvariantCulture)}";
            if (parts.Count > 2)
            {
                text += $"-{parts[2].ToString("00", CultureInfo.InvariantCulture)}";
            }
        }
        date = text is not null && Values.DateProblem(text) is null ? text : null;
        return true;
    }

    /// <summary>PubMed's three-letter language codes for the common languages, as BCP 47.</summary>
    private static string? Iso639(string? code) => code switch
    {
        "eng" => "en",
        "chi" => "zh",
        "ger" => "de",
        "fre" => "fr",
        "spa" => "es",
        "jpn" => "ja",
        "rus" => "ru",
        "ita" => "it",
        "por" => "pt",
        "kor" => "ko",
        "dut" => "nl",
        _ => null,
    };
}
