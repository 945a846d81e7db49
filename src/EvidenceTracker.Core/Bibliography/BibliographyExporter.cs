using System.Globalization;
using System.Text;
using System.Text.Json;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// Writes sources as CSL-JSON, BibTeX (BibLaTeX fields), RIS or Hayagriva YAML, ordered by id. CSL-JSON carries every
/// field of a source (EvidenceTracker's own under <c>custom</c>); the others carry every bibliographic field.
/// </summary>
public static class BibliographyExporter
{
    /// <summary>The formats <see cref="Export"/> writes, in the order help lists them.</summary>
    public static IReadOnlyList<BibliographyFormat> Formats { get; } =
        [BibliographyFormat.CslJson, BibliographyFormat.BibTex, BibliographyFormat.Ris, BibliographyFormat.Hayagriva];

    public static string Export(IEnumerable<Source> sources, BibliographyFormat format)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var ordered = sources.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        return format switch
        {
            BibliographyFormat.CslJson => CslJson(ordered),
            BibliographyFormat.BibTex => BibTex(ordered),
            BibliographyFormat.Ris => Ris(ordered),
            BibliographyFormat.Hayagriva => Hayagriva(ordered),
            _ => throw new ArgumentException($"{Names.Of(format)} is not an export format", nameof(format)),
        };
    }

    private static (int Year, int? Month, int? Day) Parts(string date)
    {
        var p = date.Split('-');
        int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        return (I(p[0]), p.Length > 1 ? I(p[1]) : null, p.Length > 2 ? I(p[2]) : null);
    }

    // ---------------------------------------------------------------- CSL-JSON

    private static string CslJson(List<Source> sources)
    {
        using var writer = new StringWriter();
        Json.Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var s in sources)
            {
                WriteCsl(json, s);
            }
            json.WriteEndArray();
        });
        return writer.ToString();
    }

    /// <summary>One CSL-JSON item for a source.</summary>
    public static void WriteCsl(Utf8JsonWriter json, Source s)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(s);
        json.WriteStartObject();
        json.WriteString("id", s.Id);
        json.WriteString("type", SourceTypes.ToCsl(s.Type));
        if (s.Type == SourceType.PressRelease)
        {
            json.WriteString("genre", "Press release");
        }
        json.WriteString("title", s.Title);
        if (s.Authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (var a in s.Authors.Select(PersonName.Parse))
            {
                json.WriteStartObject();
                if (a.IsLiteral)
                {
                    json.WriteString("literal", a.Literal);
                }
                else
                {
                    json.WriteString("family", a.Family);
                    if (a.Given is not null)
                    {
                        json.WriteString("given", a.Given);
                    }
                    if (a.Suffix is not null)
                    {
                        json.WriteString("suffix", a.Suffix);
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (s.Publisher is not null)
        {
            json.WriteString(SourceTypes.PublisherIsContainer(s.Type) ? "container-title" : "publisher", s.Publisher);
        }
        void Date(string name, string? date)
        {
            if (date is null || Values.DateProblem(date) is not null)
            {
                return;
            }
            var (y, m, d) = Parts(date);
            json.WriteStartObject(name);
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(y);
            if (m is int mm)
            {
                json.WriteNumberValue(mm);
            }
            if (d is int dd)
            {
                json.WriteNumberValue(dd);
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        Date("issued", s.Date);
        Date("accessed", s.Accessed);
        void Str(string name, string? value)
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }
        }
        Str("URL", s.Url);
        Str("DOI", s.Doi);
        Str("PMID", s.Pmid);
        Str("language", s.Lang);
        Str("volume", s.Volume);
        Str("issue", s.Issue);
        Str("page", s.Pages);
        if (s.Level is not null || s.ReportsOn.Count > 0 || s.Snapshot is not null || s.SnapshotSha256 is not null || s.Archived is not null)
        {
            json.WriteStartObject("custom");
            Str("level", s.Level is { } l ? Names.Of(l) : null);
            if (s.ReportsOn.Count > 0)
            {
                json.WriteStartArray("reports-on");
                foreach (var r in s.ReportsOn)
                {
                    json.WriteStringValue(r);
                }
                json.WriteEndArray();
            }
            Str("snapshot", s.Snapshot);
            Str("snapshot-sha256", s.SnapshotSha256);
            Str("archived", s.Archived);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    // ---------------------------------------------------------------- BibTeX

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static string BibTex(List<Source> sources)
    {
        var sb = new StringBuilder();
        foreach (var s in sources)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }
            var (type, extra) = s.Type switch
            {
                SourceType.JournalArticle => ("article", null),
                SourceType.News => ("article", "newspaper"),
                SourceType.WebPage => ("online", null),
                SourceType.PressRelease => ("misc", null),
                SourceType.Report => ("report", null),
                SourceType.Book => ("book", null),
                SourceType.Dataset => ("dataset", null),
                SourceType.Regulatory => ("misc", "regulatory"),
                _ => ("misc", (string?)null),
            };
            sb.Append('@').Append(type).Append('{').Append(s.Id).Append(",\n");
            void Field(string name, string? value, bool raw = false, bool escaped = false)
            {
                if (value is not null)
                {
                    sb.Append("  ").Append(name).Append(" = {").Append(escaped ? value : raw ? RawBib(value) : EscapeBib(value)).Append("},\n");
                }
            }
            if (extra is not null)
            {
                Field("entrysubtype", extra);
            }
            if (s.Type == SourceType.PressRelease)
            {
                Field("type", "Press release");
            }
            Field("title", ProtectCase(EscapeBib(s.Title)), escaped: true);
            if (s.Authors.Count > 0)
            {
                Field("author", string.Join(" and ", s.Authors.Select(a => BibName(PersonName.Parse(a)))), escaped: true);
            }
            var publisherField = s.Type switch
            {
                SourceType.JournalArticle or SourceType.News => "journaltitle",
                SourceType.WebPage => "organization",
                SourceType.Report => "institution",
                _ => "publisher",
            };
            Field(publisherField, s.Publisher);
            if (s.Date is not null && Values.DateProblem(s.Date) is null)
            {
                Field("date", s.Date);
                var (y, m, _) = Parts(s.Date);
                sb.Append("  year = {").Append(y.ToString("D4", CultureInfo.InvariantCulture)).Append("},\n");
                if (m is int mm)
                {
                    sb.Append("  month = ").Append(MonthMacros[mm - 1]).Append(",\n");
                }
            }
            Field("urldate", s.Accessed);
            Field("url", s.Url, raw: true);
            Field("doi", s.Doi, raw: true);
            Field("pmid", s.Pmid);
            Field("langid", s.Lang);
            Field("volume", s.Volume);
            Field(s.Type is SourceType.JournalArticle or SourceType.News ? "number" : "issue", s.Issue);
            Field("pages", s.Pages is null ? null : EscapePages(s.Pages), escaped: true);
            sb.Length -= 2; // the last ",\n"
            sb.Append("\n}\n");
        }
        return sb.ToString();
    }

    private static string BibName(PersonName n)
    {
        if (n.IsLiteral)
        {
            return "{" + EscapeBib(n.Literal!) + "}";
        }
        var family = EscapeBib(n.Family!);
        // a family name of several words that starts uppercase is braced, so it is not split into first and von parts
        if (family.Contains(' ', StringComparison.Ordinal) && char.IsUpper(family[0]))
        {
            family = "{" + family + "}";
        }
        if (n.Given is null && n.Suffix is null)
        {
            return family.Contains(' ', StringComparison.Ordinal) && family[0] != '{' ? "{" + family + "}" : family;
        }
        return n.Suffix is null ? $"{family}, {EscapeBib(n.Given!)}" : $"{family}, {EscapeBib(n.Suffix)}, {EscapeBib(n.Given ?? "")}";
    }

    /// <summary>Text for a braced BibTeX value: LaTeX specials escaped, so that reading it back gives the same text.</summary>
    public static string EscapeBib(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in Printable(text))
        {
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{': sb.Append("\\{"); break;
                case '}': sb.Append("\\}"); break;
                case '&': sb.Append("\\&"); break;
                case '%': sb.Append("\\%"); break;
                case '$': sb.Append("\\$"); break;
                case '#': sb.Append("\\#"); break;
                case '_': sb.Append("\\_"); break;
                case '~': sb.Append("\\textasciitilde{}"); break;
                case '^': sb.Append("\\textasciicircum{}"); break;
                case '–': sb.Append('\u0001'); break;
                case '—': sb.Append('\u0002'); break;
                case '“': sb.Append("``"); break;
                case '”': sb.Append("''"); break;
                case '‘': sb.Append('`'); break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        // two hyphens typed as such would read back as an en dash, two apostrophes as a closing quote
        var result = sb.ToString();
        while (result.Contains("--", StringComparison.Ordinal))
        {
            result = result.Replace("--", "-{}-", StringComparison.Ordinal);
        }
        return result.Replace("''", "'{}'", StringComparison.Ordinal)
            .Replace("\u0001", "--", StringComparison.Ordinal).Replace("\u0002", "---", StringComparison.Ordinal);
    }

    /// <summary>Words with capitals after their first letter (CT, DAMO, iPhone) braced, so styles that change case keep them.</summary>
    private static string ProtectCase(string escaped)
    {
        var words = escaped.Split(' ');
        for (var k = 0; k < words.Length; k++)
        {
            var w = words[k];
            if (w.Length > 1 && !w.Contains('\\', StringComparison.Ordinal) && !w.Contains('{', StringComparison.Ordinal) && w.Skip(1).Any(char.IsUpper))
            {
                words[k] = "{" + w + "}";
            }
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// A page range for BibTeX: a hyphen between pages is the range dash <c>--</c>, and LaTeX specials (<c>%</c>, braces…)
    /// are escaped as in any text field, so that reading it back gives the same range. (Range dashes — en dashes too —
    /// read back as one hyphen, the form sources keep.)
    /// </summary>
    public static string EscapePages(string pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var sb = new StringBuilder(pages.Length + 4);
        foreach (var part in Latex.CollapseSpace(Printable(pages), pages: true).Split('-'))
        {
            if (sb.Length > 0 || part.Length == 0)
            {
                sb.Append("--");
            }
            sb.Append(EscapeBib(part));
        }
        return sb.ToString();
    }

    /// <summary>
    /// URLs and DOIs, which biblatex reads verbatim: as they are, braces kept when they pair up (a brace that does not
    /// would end the value or leave it open, and is written as its URL escape).
    /// </summary>
    private static string RawBib(string text)
    {
        var printable = Printable(text);
        var depth = 0;
        foreach (var c in printable)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                break;
            }
        }
        return depth == 0 ? printable : printable.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal);
    }

    /// <summary>
    /// A value as one line of text: line breaks and tabs become spaces and other control characters (ESC, BEL, NUL…)
    /// are left out, so that no export carries a terminal escape or breaks its line-based format; the same string
    /// when there is none.
    /// </summary>
    internal static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- RIS

    private static string Ris(List<Source> sources)
    {
        var sb = new StringBuilder();
        foreach (var s in sources)
        {
            var ty = s.Type switch
            {
                SourceType.JournalArticle => "JOUR",
                SourceType.News => "NEWS",
                SourceType.WebPage => "ELEC",
                SourceType.PressRelease => "GEN",
                SourceType.Report => "RPRT",
                SourceType.Book => "BOOK",
                SourceType.Dataset => "DATA",
                SourceType.Regulatory => "LEGAL",
                _ => "GEN",
            };
            void Tag(string tag, string? value)
            {
                if (value is not null)
                {
                    sb.Append(tag).Append("  - ").Append(Printable(value)).Append("\r\n");
                }
            }
            Tag("TY", ty);
            Tag("ID", s.Id);
            if (s.Type == SourceType.PressRelease)
            {
                Tag("M3", "Press release");
            }
            Tag("TI", s.Title);
            foreach (var a in s.Authors)
            {
                Tag("AU", a); // an organisation with a comma in its name keeps its braces, so it reads back whole
            }
            Tag(SourceTypes.PublisherIsContainer(s.Type) ? "T2" : "PB", s.Publisher);
            if (s.Date is not null && Values.DateProblem(s.Date) is null)
            {
                Tag("PY", s.Date[..4]);
                Tag("DA", s.Date.Replace('-', '/'));
            }
            Tag("Y2", s.Accessed?.Replace('-', '/'));
            Tag("VL", s.Volume);
            Tag("IS", s.Issue);
            if (s.Pages is not null)
            {
                var dash = s.Pages.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && s.Pages.IndexOf('-', dash + 1) < 0 && !s.Pages.Contains(',', StringComparison.Ordinal))
                {
                    Tag("SP", s.Pages[..dash]);
                    Tag("EP", s.Pages[(dash + 1)..]);
                }
                else
                {
                    Tag("SP", s.Pages);
                }
            }
            Tag("DO", s.Doi);
            Tag("UR", s.Url);
            if (s.Pmid is not null)
            {
                Tag("AN", s.Pmid);
                Tag("DB", "PubMed");
            }
            Tag("LA", s.Lang);
            sb.Append("ER  - \r\n\r\n");
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- Hayagriva

    private static string Hayagriva(List<Source> sources)
    {
        var sb = new StringBuilder();
        foreach (var s in sources)
        {
            var (type, parentType) = s.Type switch
            {
                SourceType.JournalArticle => ("article", "periodical"),
                SourceType.News => ("article", "newspaper"),
                SourceType.WebPage => ("web", "web"),
                SourceType.PressRelease => ("report", null),
                SourceType.Report => ("report", null),
                SourceType.Book => ("book", null),
                SourceType.Dataset => ("repository", null),
                SourceType.Regulatory => ("legislation", null),
                _ => ("misc", (string?)null),
            };
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }
            sb.Append(s.Id).Append(":\n");
            void Field(string indent, string name, string? value)
            {
                if (value is not null)
                {
                    sb.Append(indent).Append(name).Append(": ").Append(YamlScalarWriter.Scalar(value, date: YamlWriter.IsDateField(name))).Append('\n');
                }
            }
            Field("  ", "type", type);
            Field("  ", "title", s.Title);
            if (s.Type == SourceType.PressRelease)
            {
                Field("  ", "genre", "Press release");
            }
            if (s.Type == SourceType.Dataset)
            {
                Field("  ", "genre", "Dataset");
            }
            if (s.Authors.Count > 0)
            {
                sb.Append("  author:\n");
                foreach (var a in s.Authors.Select(PersonName.Parse))
                {
                    sb.Append("    - ").Append(YamlScalarWriter.Scalar(a.IsLiteral ? a.Literal! : a.Suffix is null ? $"{a.Family}, {a.Given}".TrimEnd(',', ' ') : $"{a.Family}, {a.Given}, {a.Suffix}")).Append('\n');
                }
            }
            Field("  ", "date", s.Date);
            Field("  ", "page-range", s.Pages);
            Field("  ", "language", s.Lang);
            if (s.Url is not null)
            {
                if (s.Accessed is not null)
                {
                    sb.Append("  url:\n");
                    Field("    ", "value", s.Url);
                    Field("    ", "date", s.Accessed);
                }
                else
                {
                    Field("  ", "url", s.Url);
                }
            }
            if (s.Doi is not null || s.Pmid is not null)
            {
                sb.Append("  serial-number:\n");
                Field("    ", "doi", s.Doi);
                Field("    ", "pmid", s.Pmid);
            }
            if (parentType is not null && (s.Publisher is not null || s.Volume is not null || s.Issue is not null))
            {
                sb.Append("  parent:\n");
                Field("    ", "type", parentType);
                Field("    ", "title", s.Publisher);
                Field("    ", "volume", s.Volume);
                Field("    ", "issue", s.Issue);
            }
            else
            {
                Field("  ", "publisher", s.Publisher);
                Field("  ", "volume", s.Volume);
                Field("  ", "issue", s.Issue);
            }
        }
        return sb.ToString();
    }
}
