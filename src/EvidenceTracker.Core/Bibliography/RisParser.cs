using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// RIS: <c>TY</c> … <c>ER</c> records of <c>XX  - value</c> lines (a BOM, blank and stray lines before a record,
/// empty tags and multi-line values accepted), and the Web of Science export (<c>PT J</c> … <c>ER</c>).
/// Tags that a source has no place for are reported by name; tags that are not RIS at all are reported with their values.
/// </summary>
internal static partial class RisParser
{
    [GeneratedRegex(@"^([A-Z][A-Z0-9])  -( (.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TagLine();

    [GeneratedRegex(@"^([A-Z][A-Z0-9])(?: (.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex WosLine();

    /// <summary>Tags of the RIS specification that a source has no place for (listed in the README).</summary>
    private static readonly HashSet<string> KnownTags = new(StringComparer.Ordinal)
    {
        "A2", "A3", "A4", "A5", "A6", "AB", "AD", "AN", "BT", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "CA", "CN", "CP",
        "CT", "CY", "DB", "DP", "ED", "ET", "FN", "ID", "J1", "J2", "JA", "KW", "L1", "L2", "L3", "L4", "LB", "M1", "M2", "M3",
        "N1", "N2", "NV", "OP", "RI", "RN", "RP", "SE", "SN", "ST", "TA", "TT", "U1", "U2", "U3", "U4", "U5", "VO", "Y3", "H1",
        "H2", "PP", "AV", "BN", "IN", "CR", "T3", "A1", "AU", "TI", "T1", "JO", "JF", "T2", "PY", "Y1", "DA", "Y2", "UR", "DO",
        "VL", "IS", "SP", "EP", "LA", "PB", "TY", "ER",
    };

    private sealed record Tag(string Name, string Value, Position At);

    public static BibParseResult Parse(string text, string file)
    {
        var diag = new BibDiagnostics(file);
        var lines = text.Split('\n');
        var isWos = IsWebOfScience(lines);
        var entries = new List<BibEntry>();
        List<Tag>? record = null;
        Position recordStart = default;
        var index = 0;
        // continuation lines of the record's last tag, joined once the tag is complete (not one concatenation a line)
        var continued = new StringBuilder();
        var continuing = false;
        void Continue(string part)
        {
            if (!continuing)
            {
                continued.Clear().Append(record![^1].Value);
                continuing = true;
            }
            if (continued.Length > 0)
            {
                continued.Append('\n');
            }
            continued.Append(part);
        }
        void Fold()
        {
            if (continuing)
            {
                record![^1] = record[^1] with { Value = continued.ToString() };
                continuing = false;
            }
        }
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (n == 0)
            {
                line = line.TrimStart('\uFEFF');
            }
            var at = new Position(n + 1, 1);
            string? name = null;
            string? value = null;
            if (isWos)
            {
                if (line.StartsWith("   ", StringComparison.Ordinal) && record is { Count: > 0 })
                {
                    Continue(line.Trim());
                    continue;
                }
                var w = WosLine().Match(line);
                if (w.Success)
                {
                    name = w.Groups[1].Value;
                    value = w.Groups[2].Value.Trim();
                    name = name switch { "PT" => "TY", _ => name };
                }
            }
            else
            {
                var m = TagLine().Match(line.TrimEnd());
                if (m.Success)
                {
                    name = m.Groups[1].Value;
                    value = m.Groups[3].Value.Trim();
                }
            }
            if (name is null)
            {
                if (record is { Count: > 0 } && line.Trim().Length > 0)
                {
                    Continue(line.Trim());
                }
                continue; // text outside records ("1.", "Record #1 of 2", blank lines) is ignored
            }
            Fold();
            if (name == "TY")
            {
                if (record is not null)
                {
                    diag.Warning($"the record that starts at line {recordStart.Line} has no ER line before this TY; read as ended here", at);
                    entries.Add(Map(record, recordStart, ++index, diag, isWos));
                }
                record = [new Tag("TY", value ?? "", at)];
                recordStart = at;
                continue;
            }
            if (name == "ER")
            {
                if (record is null)
                {
                    if (!isWos || entries.Count == 0)
                    {
                        diag.Warning("ER line with no record open (no TY before it); ignored", at);
                    }
                    continue;
                }
                entries.Add(Map(record, recordStart, ++index, diag, isWos));
                record = null;
                continue;
            }
            if (record is null)
            {
                if (!(isWos && name is "FN" or "VR" or "EF"))
                {
                    diag.Warning($"tag {name} outside a record (records start with TY); ignored", at);
                }
                continue;
            }
            record.Add(new Tag(name, value ?? "", at));
        }
        Fold();
        if (record is not null)
        {
            diag.Warning($"the record that starts at line {recordStart.Line} has no ER line; read to the end of the file", recordStart);
            entries.Add(Map(record, recordStart, ++index, diag, isWos));
        }
        return new BibParseResult(entries, diag.Findings);
    }

    private static bool IsWebOfScience(string[] lines)
    {
        foreach (var raw in lines.Take(20))
        {
            var line = raw.TrimStart('\uFEFF').TrimEnd('\r');
            if (line.StartsWith("FN ", StringComparison.Ordinal) || line.StartsWith("PT ", StringComparison.Ordinal))
            {
                return true;
            }
            if (TagLine().IsMatch(line.TrimEnd()))
            {
                return false;
            }
        }
        return false;
    }

    private static BibEntry Map(List<Tag> tags, Position start, int index, BibDiagnostics diag, bool wos)
    {
        string? First(params string[] names)
        {
            foreach (var n in names)
            {
                foreach (var t in tags)
                {
                    if (t.Name == n && OneLine(t.Value) is { Length: > 0 } v)
                    {
                        return v;
                    }
                }
            }
            return null;
        }
        Tag? FirstTag(params string[] names) => tags.FirstOrDefault(t => names.Contains(t.Name) && t.Value.Length > 0);
        var ty = OneLine(tags[0].Value);
        var entry = new BibEntry { Label = $"TY {ty} (record {index})", Start = start };
        var used = new HashSet<string>(StringComparer.Ordinal) { "TY" };
        if (wos)
        {
            MapWos(tags, entry, First, used);
        }
        else
        {
            entry.Type = TypeOf(ty, First("M3"));
            if (entry.Type == SourceType.PressRelease)
            {
                used.Add("M3");
            }
            entry.Key = First("ID");
            entry.Title = First("TI", "T1", "CT");
            if (entry.Title is null && First("ST") is { } shortTitle)
            {
                entry.Title = shortTitle; // only a short title: better than none
                used.Add("ST");
            }
            foreach (var t in tags)
            {
                if (t.Name is "AU" or "A1" && OneLine(t.Value) is { Length: > 0 } author)
                {
                    entry.Authors.Add(ParseAuthor(author));
                }
            }
            entry.Publisher = SourceTypes.PublisherIsContainer(entry.Type)
                ? First("T2", "JF", "JO", "JA", "J2", "BT") ?? First("PB")
                : entry.Type == SourceType.Book && tags.Any(t => t.Name == "BT") && entry.Title is null ? First("PB") : First("PB") ?? First("T2", "BT");
            if (entry.Title is null && First("BT") is { } bt && entry.Type == SourceType.Book)
            {
                entry.Title = bt;
            }
            var py = FirstTag("PY", "Y1");
            var da = FirstTag("DA");
            var pyDate = py is null ? null : BibDates.Parse(OneLine(py.Value));
            var daDate = da is null ? null : BibDates.Parse(OneLine(da.Value));
            if (py is not null && pyDate is null)
            {
                diag.Warning($"{entry.Label}: {py.Name} '{OneLine(py.Value)}' is not a date; left out", py.At);
            }
            // DA is the full date; PY the year. The more precise wins when they agree on the year.
            entry.Date = daDate is not null && (pyDate is null || (daDate.Length > pyDate.Length && daDate[..4] == pyDate[..4])) ? daDate : pyDate;
            if (da is not null && daDate is not null && entry.Date == daDate)
            {
                used.Add("DA");
            }
            if (FirstTag("Y2") is { } y2)
            {
                entry.Accessed = BibDates.Parse(OneLine(y2.Value));
                if (entry.Accessed is null)
                {
                    diag.Warning($"{entry.Label}: Y2 (access date) '{OneLine(y2.Value)}' is not a date; left out", y2.At);
                }
            }
            var urls = tags.Where(t => t.Name == "UR").SelectMany(t => t.Value.Split([';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
            entry.Url = urls.FirstOrDefault();
            if (urls.Count > 1)
            {
                diag.Note($"{entry.Label}: {urls.Count} URLs; the first is kept, not: {string.Join(", ", urls.Skip(1))}", FirstTag("UR")?.At);
            }
            entry.Doi = First("DO");
            entry.Volume = First("VL", "VO");
            entry.Issue = First("IS", "CP");
            var sp = First("SP");
            var ep = First("EP");
            entry.Pages = sp is null ? null : ep is null || sp.Contains('-', StringComparison.Ordinal) ? Latex.CollapseSpace(sp, pages: true) : $"{sp}-{ep}";
            if (First("LA") is { } la)
            {
                entry.Lang = Languages.ToTag(la);
                if (entry.Lang is null)
                {
                    diag.Warning($"{entry.Label}: LA '{la}' is not a language this reader knows; left out", FirstTag("LA")?.At);
                }
            }
            // PubMed ids: AN with DB PubMed/MEDLINE (what export writes), or a "PMID: n" line in N1, M1 or AN
            var db = First("DB") ?? "";
            if (First("AN") is { } an && an.All(char.IsAsciiDigit) && (db.Contains("pubmed", StringComparison.OrdinalIgnoreCase) || db.Contains("medline", StringComparison.OrdinalIgnoreCase)))
            {
                entry.Pmid = an;
                used.Add("AN");
                used.Add("DB");
            }
            foreach (var t in tags.Where(t => t.Name is "N1" or "M1" or "AN" or "C1"))
            {
                var m = Regex.Match(t.Value, @"PMID:\s*(\d+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                if (entry.Pmid is null && m.Success)
                {
                    entry.Pmid = m.Groups[1].Value;
                }
            }
            foreach (var n in (string[])["ID", "TI", "T1", "CT", "AU", "A1", "PY", "Y1", "Y2", "UR", "DO", "VL", "VO", "IS", "CP", "SP", "EP", "LA", "ER"])
            {
                if (tags.Any(t => t.Name == n))
                {
                    used.Add(n);
                }
            }
            foreach (var n in (string[])["T2", "JF", "JO", "JA", "J2", "BT", "PB"])
            {
                if (First(n) is { } v && (v == entry.Publisher || v == entry.Title))
                {
                    used.Add(n);
                }
            }
        }
        var unknown = new List<Tag>();
        foreach (var t in tags)
        {
            if (used.Contains(t.Name) || t.Value.Length == 0)
            {
                continue;
            }
            if (wos || KnownTags.Contains(t.Name))
            {
                if (!entry.Unmapped.Contains(t.Name))
                {
                    entry.Unmapped.Add(t.Name);
                }
            }
            else
            {
                unknown.Add(t);
            }
        }
        if (unknown.Count > 0)
        {
            var shown = string.Join("; ", unknown.Select(t => $"{t.Name} = {Shorten(OneLine(t.Value), 60)}"));
            diag.Note($"{entry.Label}: tags that are not RIS are not imported: {shown}", unknown[0].At);
        }
        return entry;
    }

    private static void MapWos(List<Tag> tags, BibEntry entry, Func<string[], string?> first, HashSet<string> used)
    {
        string? First(params string[] n) => first(n);
        var pt = First("TY");
        var dt = First("DT") ?? "";
        entry.Type = pt == "B" ? SourceType.Book : dt.Contains("Proceedings", StringComparison.OrdinalIgnoreCase) || pt is "J" or "S" or "C" ? SourceType.JournalArticle : SourceType.Other;
        entry.Key = First("UT");
        entry.Title = First("TI");
        var names = tags.FirstOrDefault(t => t.Name == "AF" && t.Value.Length > 0) ?? tags.FirstOrDefault(t => t.Name == "AU" && t.Value.Length > 0);
        if (names is not null)
        {
            foreach (var line in names.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                entry.Authors.Add(PersonName.Parse(line.Trim()));
            }
        }
        entry.Publisher = entry.Type == SourceType.JournalArticle ? First("SO") : First("PU");
        var year = First("PY");
        var pd = First("PD");
        entry.Date = year is null ? null : BibDates.Parse(pd is null ? year : $"{pd} {year}") ?? BibDates.Parse(year);
        entry.Doi = First("DI");
        entry.Pmid = First("PM");
        entry.Volume = First("VL");
        entry.Issue = First("IS");
        var bp = First("BP");
        var ep = First("EP");
        entry.Pages = bp is null ? First("AR") : ep is null ? bp : $"{bp}-{ep}";
        entry.Lang = Languages.ToTag(First("LA"));
        foreach (var n in (string[])["TY", "UT", "TI", "AF", "AU", "SO", "PU", "PY", "PD", "DI", "PM", "VL", "IS", "BP", "EP", "AR", "LA", "DT"])
        {
            used.Add(n);
        }
    }

    [GeneratedRegex(@"^(\S.*?) ((?:[A-Z]\.? ?){1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex FamilyInitials();

    /// <summary>"Family, Given", or PubMed's "Family GA" with the initials after the family name.</summary>
    private static PersonName ParseAuthor(string text)
    {
        if (!text.Contains(',', StringComparison.Ordinal) && FamilyInitials().Match(text) is { Success: true } m)
        {
            return PersonName.Of(m.Groups[1].Value, m.Groups[2].Value.Trim());
        }
        return PersonName.Parse(text);
    }

    private static string OneLine(string value) => Latex.CollapseSpace(value);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The source type of an RIS reference type (abbreviations, and EndNote's long names).</summary>
    public static SourceType TypeOf(string ty, string? typeOfWork)
    {
        if (typeOfWork is not null && SourceTypes.IsPressRelease(typeOfWork))
        {
            return SourceType.PressRelease;
        }
        return ty.ToUpperInvariant() switch
        {
            "JOUR" or "JFULL" or "ABST" or "INPR" or "EJOUR" or "MGZN" or "CONF" or "CPAPER" or "JOURNAL ARTICLE"
                or "MAGAZINE ARTICLE" or "CONFERENCE PAPER" or "CONFERENCE PROCEEDINGS" => SourceType.JournalArticle,
            "NEWS" or "NEWSPAPER ARTICLE" => SourceType.News,
            "ELEC" or "WEB" or "BLOG" or "WEB PAGE" or "ONLINE MULTIMEDIA" => SourceType.WebPage,
            "RPRT" or "THES" or "STAND" or "GOVDOC" or "REPORT" or "THESIS" or "STANDARD" or "GOVERNMENT DOCUMENT" => SourceType.Report,
            "BOOK" or "EBOOK" or "EDBOOK" or "CHAP" or "ECHAP" or "ENCYC" or "DICT" or "SER" or "CLSWK" or "PAMP"
                or "BOOK SECTION" or "EDITED BOOK" or "ELECTRONIC BOOK" or "ENCYCLOPEDIA" or "DICTIONARY" => SourceType.Book,
            "DATA" or "DBASE" or "AGGR" or "DATASET" => SourceType.Dataset,
            "BILL" or "UNBILL" or "LEGAL" or "STAT" or "HEAR" or "CASE" or "LEGAL RULE OR REGULATION" or "STATUTE" => SourceType.Regulatory,
            _ => SourceType.Other,
        };
    }
}
