using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// BibTeX entries as read (<see cref="BibTexParser"/>) onto sources: BibLaTeX's <c>crossref</c> inheritance, then each
/// entry's fields onto a <see cref="BibEntry"/>; a field it cannot use is reported with its position.
/// </summary>
internal sealed class BibTexEntryMapper(BibDiagnostics diag)
{
    /// <summary>The fields this reader maps onto a source; the others are reported as not imported.</summary>
    private static readonly HashSet<string> Consumed = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "subtitle", "author", "journal", "journaltitle", "booktitle", "publisher", "organization", "institution",
        "school", "howpublished", "date", "year", "month", "day", "urldate", "url", "doi", "pmid", "eprint", "eprinttype",
        "language", "langid", "volume", "number", "issue", "pages", "crossref", "entrysubtype", "type",
    };

    public List<BibEntry> Resolve(List<BibTexRawEntry> raw)
    {
        var byKey = new Dictionary<string, BibTexRawEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in raw)
        {
            if (e.Key.Length > 0)
            {
                byKey.TryAdd(e.Key, e);
            }
        }
        var result = new List<BibEntry>(raw.Count);
        foreach (var e in raw)
        {
            if (e.Fields.TryGetValue("crossref", out var cr))
            {
                var parentKey = Latex.Decode(cr.Value);
                if (byKey.TryGetValue(parentKey, out var parent) && !ReferenceEquals(parent, e))
                {
                    Inherit(e, parent);
                }
                else
                {
                    diag.Warning($"@{e.Type}{{{e.Key}: crossref '{parentKey}' names no entry of this file; nothing inherited", cr.At);
                }
            }
            result.Add(Map(e));
        }
        return result;
    }

    /// <summary>BibLaTeX's default inheritance: every missing field, and the parent's title as the child's booktitle.</summary>
    private static void Inherit(BibTexRawEntry child, BibTexRawEntry parent)
    {
        foreach (var name in parent.Order)
        {
            var target = name switch
            {
                "title" => "booktitle",
                "subtitle" => "booksubtitle",
                "author" when child.Type is "inbook" or "bookinbook" or "suppbook" => "bookauthor",
                _ => name,
            };
            if (name is "crossref" or "ids" or "entryset" or "xdata")
            {
                continue;
            }
            if (!child.Fields.ContainsKey(target))
            {
                child.Fields[target] = parent.Fields[name];
                child.Order.Add(target);
            }
        }
    }

    /// <summary>
    /// A field biblatex reads verbatim (<c>url</c>, <c>doi</c>): no LaTeX is decoded, but the escapes that .bib files
    /// often put in one anyway (<c>\%</c>, <c>\_</c>, <c>\&amp;</c>, <c>\#</c>) are undone, and runs of white space collapsed.
    /// </summary>
    private static string Verbatim(string value) => Latex.CollapseSpace(value.Replace("\\%", "%", StringComparison.Ordinal)
        .Replace("\\_", "_", StringComparison.Ordinal).Replace("\\&", "&", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal));

    private BibEntry Map(BibTexRawEntry e)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "crossref" };
        string? Text(string name)
        {
            if (e.Fields.TryGetValue(name, out var f) && Latex.Decode(f.Value) is { Length: > 0 } v)
            {
                used.Add(name);
                return v;
            }
            return null;
        }
        string Used(string name, string value)
        {
            used.Add(name);
            return value;
        }
        string? Peek(string name) =>
            e.Fields.TryGetValue(name, out var f) && Latex.Decode(f.Value) is { Length: > 0 } v ? v : null;
        Position? At(string name) => e.Fields.TryGetValue(name, out var f) ? f.At : null;
        var label = $"@{e.Type}{{{e.Key}}}";
        var entry = new BibEntry { Key = e.Key.Length > 0 ? e.Key : null, Label = label, Start = e.Start };
        var subtype = Peek("entrysubtype")?.ToLowerInvariant();
        var typeField = Peek("type");
        entry.Type = TypeOf(e.Type, subtype, typeField, e.Fields.ContainsKey("urldate") && e.Fields.ContainsKey("url"));
        if (subtype is "newspaper" or "regulatory" || (subtype is not null && entry.Type == SourceType.JournalArticle))
        {
            used.Add("entrysubtype");
        }
        if (typeField is not null && SourceTypes.IsPressRelease(typeField))
        {
            used.Add("type");
        }

        var title = Text("title");
        if (title is not null && Text("subtitle") is { } sub)
        {
            title = title.TrimEnd() + (title.EndsWith('?') || title.EndsWith('!') || title.EndsWith(':') ? " " : ": ") + sub;
        }
        entry.Title = title;
        if (e.Fields.TryGetValue("author", out var authors))
        {
            entry.Authors.AddRange(BibNames.ParseList(authors.Value, out _));
            used.Add("author");
        }

        var isArticle = e.Type is "article" or "periodical" or "suppperiodical";
        var isInProceedings = e.Type is "inproceedings" or "conference";
        string? publisher = entry.Type switch
        {
            SourceType.JournalArticle or SourceType.News => Text("journaltitle") ?? Text("journal") ?? (isInProceedings ? Text("booktitle") : null) ?? Text("publisher"),
            SourceType.WebPage => Text("organization") ?? Text("publisher") ?? NonUrl(Text("howpublished")) ?? Text("journaltitle") ?? Text("journal"),
            SourceType.Report => Text("institution") ?? Text("school") ?? Text("organization") ?? Text("publisher"),
            _ => Text("publisher") ?? Text("organization") ?? Text("institution") ?? Text("school") ?? NonUrl(Text("howpublished")),
        };
        entry.Publisher = publisher;

        // dates: BibLaTeX's date, else year + month + day
        if (Text("date") is { } date)
        {
            entry.Date = BibDates.Parse(date.Split('/')[0]) ?? BibDates.Parse(date);
            if (entry.Date is null)
            {
                diag.Warning($"{label}: date '{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); left out", At("date"));
            }
        }
        else if (Text("year") is { } yearText)
        {
            var year = yearText.Length >= 4 && yearText[..4].All(char.IsAsciiDigit) && (yearText.Length == 4 || !char.IsAsciiDigit(yearText[4]))
                ? int.Parse(yearText.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture)
                : (int?)null;
            if (year is null)
            {
                diag.Warning($"{label}: year '{yearText}' is not a year; left out", At("year"));
            }
            else
            {
                int? month = null;
                int? day = Text("day") is { } dayText ? BibDates.Ordinal(dayText) : null;
                if (Text("month") is { } monthText)
                {
                    month = BibDates.Month(monthText);
                    if (month is null)
                    {
                        // "July 30th", "2 sep": a month name with a day
                        foreach (var word in monthText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (BibDates.Month(word) is int m && !char.IsAsciiDigit(word[0]))
                            {
                                month = m;
                            }
                            else if (BibDates.Ordinal(word) is int d)
                            {
                                day ??= d;
                            }
                        }
                    }
                    if (month is null)
                    {
                        diag.Warning($"{label}: month '{monthText}' is not a month; the year alone is kept", At("month"));
                    }
                }
                entry.Date = BibDates.FromParts(year.Value, month, month is null ? null : day);
            }
        }

        if (Text("urldate") is { } urldate)
        {
            entry.Accessed = BibDates.Parse(urldate);
            if (entry.Accessed is null)
            {
                diag.Warning($"{label}: urldate '{urldate}' is not a date; left out", At("urldate"));
            }
        }
        var url = e.Fields.TryGetValue("url", out var u) ? Verbatim(u.Value) : null;
        if (!string.IsNullOrEmpty(url))
        {
            used.Add("url");
        }
        else if (Peek("howpublished") is { } how && how.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            url = Text("howpublished");
        }
        entry.Url = string.IsNullOrEmpty(url) ? null : url;
        // biblatex reads a DOI verbatim, as a URL: no LaTeX in it (10.1000/a--b is not an en dash, nor ~ a space)
        entry.Doi = e.Fields.TryGetValue("doi", out var doi) && Verbatim(doi.Value) is { Length: > 0 } verbatimDoi ? Used("doi", verbatimDoi) : null;
        entry.Pmid = Text("pmid");
        if (entry.Pmid is null && Peek("eprinttype") is { } eprintType && eprintType.Equals("pubmed", StringComparison.OrdinalIgnoreCase))
        {
            entry.Pmid = Text("eprint");
            used.Add("eprinttype");
        }
        var lang = Text("langid") ?? Text("language");
        if (lang is not null)
        {
            entry.Lang = Languages.ToTag(lang);
            if (entry.Lang is null)
            {
                diag.Warning($"{label}: language '{lang}' is not a language this reader knows; left out (write a BCP 47 tag such as en or zh)", At(e.Fields.ContainsKey("langid") ? "langid" : "language"));
            }
        }
        entry.Volume = Text("volume");
        // number is the issue of an article; of a book, report or proceedings it is a series or report number
        var usesNumber = isArticle;
        entry.Issue = usesNumber ? Text("number") ?? Text("issue") : null;
        if (e.Fields.TryGetValue("pages", out var pages) && Latex.Decode(pages.Value, pages: true) is { Length: > 0 } p)
        {
            entry.Pages = p;
            used.Add("pages");
        }
        foreach (var name in e.Order)
        {
            if (!used.Contains(name) && Peek(name) is not null && !(Consumed.Contains(name) && name is "day" or "month" or "year" && entry.Date is not null))
            {
                entry.Unmapped.Add(name);
            }
        }
        return entry;
    }

    private static string? NonUrl(string? text) =>
        text is null || text.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : text;

    /// <summary>The source type of a BibTeX/BibLaTeX entry type.</summary>
    public static SourceType TypeOf(string type, string? subtype, string? typeField, bool hasUrlDate)
    {
        if (typeField is not null && SourceTypes.IsPressRelease(typeField))
        {
            return SourceType.PressRelease;
        }
        if (subtype == "regulatory")
        {
            return SourceType.Regulatory;
        }
        return type switch
        {
            "article" or "periodical" or "suppperiodical" => subtype is "newspaper" ? SourceType.News : SourceType.JournalArticle,
            "inproceedings" or "conference" => SourceType.JournalArticle,
            "book" or "mvbook" or "booklet" or "inbook" or "incollection" or "bookinbook" or "suppbook" or "collection"
                or "mvcollection" or "suppcollection" or "reference" or "mvreference" or "inreference" or "proceedings"
                or "mvproceedings" => SourceType.Book,
            "techreport" or "report" or "manual" or "mastersthesis" or "phdthesis" or "thesis" or "standard" => SourceType.Report,
            "online" or "electronic" or "www" or "webpage" => SourceType.WebPage,
            "dataset" or "data" => SourceType.Dataset,
            "legislation" or "legal" or "jurisdiction" or "law" => SourceType.Regulatory,
            "misc" when hasUrlDate => SourceType.WebPage,
            _ => SourceType.Other,
        };
    }
}
