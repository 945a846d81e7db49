using EvidenceTracker.Diagnostics;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Bibliography;

/// <summary>The text and JSON reports of a bibliography import.</summary>
public static class ImportReport
{
    public static void Write(BibliographyImportResult result, string format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == "json")
        {
            WriteJson(result, writer);
        }
        else
        {
            WriteText(result, writer);
        }
    }

    private static string Origin(EntryOrigin e) => $"{e.File}:{e.Line}:{e.Column} {e.Label}";

    private static void WriteText(BibliographyImportResult r, TextWriter w)
    {
        var verb = r.DryRun ? "would " : "";
        foreach (var a in r.Created)
        {
            w.Write(TerminalText.Format($"{verb}create  {a.File}  from {Origin(a.Entry)}\n"));
        }
        foreach (var a in r.Merged)
        {
            var into = a.IntoExisting ? "existing " : "";
            w.Write(TerminalText.Format($"{verb}merge   {Origin(a.Entry)} into {into}{a.File} (same {Match(a.MatchedBy)}; adds {string.Join(", ", a.AddedFields)})\n"));
        }
        foreach (var a in r.Skipped)
        {
            var existing = a.IntoExisting ? "existing " : "";
            w.Write(TerminalText.Format($"{verb}skip    {Origin(a.Entry)}: duplicate of {existing}{a.File} (same {Match(a.MatchedBy)}), nothing new\n"));
        }
        foreach (var f in r.Findings)
        {
            var where = f.File is null ? "" : f.Line is int l ? $"{f.File}:{l}:{f.Column ?? 1}: " : $"{f.File}: ";
            w.Write(TerminalText.Format($"{where}{Rules.SeverityName(f.Severity)} {f.Rule}: {f.Message}\n"));
        }
        w.Write(Summary(r) + "\n");
    }

    private static string Match(string? by) => by switch
    {
        "title+year" => "title and year",
        "url" => "URL",
        "doi" => "DOI",
        _ => by ?? "",
    };

    public static string Summary(BibliographyImportResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        static string N(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
        var errors = r.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = r.Findings.Count(f => f.Severity == Severity.Warning);
        var notes = r.Findings.Count(f => f.Severity == Severity.Note);
        return $"{N(r.Entries, "entry", "entries")}: {r.Created.Count} {(r.DryRun ? "to create" : "created")}, {r.Merged.Count} {(r.DryRun ? "to merge" : "merged")}, {r.Skipped.Count} skipped; "
            + $"{N(errors, "error", "errors")}, {N(warnings, "warning", "warnings")}, {N(notes, "note", "notes")}"
            + (r.DryRun ? " (dry run: nothing written)" : "");
    }

    private static void WriteJson(BibliographyImportResult r, TextWriter writer) => Json.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteBoolean("dryRun", r.DryRun);
        json.WriteStartObject("summary");
        json.WriteNumber("entries", r.Entries);
        json.WriteNumber("created", r.Created.Count);
        json.WriteNumber("merged", r.Merged.Count);
        json.WriteNumber("skipped", r.Skipped.Count);
        json.WriteNumber("errors", r.Findings.Count(f => f.Severity == Severity.Error));
        json.WriteNumber("warnings", r.Findings.Count(f => f.Severity == Severity.Warning));
        json.WriteNumber("notes", r.Findings.Count(f => f.Severity == Severity.Note));
        json.WriteEndObject();
        void Actions(string name, IReadOnlyList<ImportAction> actions, bool merge)
        {
            json.WriteStartArray(name);
            foreach (var a in actions)
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                json.WriteString("file", a.File);
                json.WriteStartObject("entry");
                json.WriteString("file", a.Entry.File);
                json.WriteNumber("line", a.Entry.Line);
                json.WriteNumber("column", a.Entry.Column);
                json.WriteString("label", a.Entry.Label);
                json.StringOrNull("key", a.Entry.Key);
                json.WriteEndObject();
                if (a.MatchedBy is not null)
                {
                    json.WriteString("matchedBy", a.MatchedBy);
                    json.WriteBoolean("existing", a.IntoExisting);
                }
                if (merge)
                {
                    json.WriteStartArray("added");
                    foreach (var f in a.AddedFields)
                    {
                        json.WriteStringValue(f);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        Actions("created", r.Created, false);
        Actions("merged", r.Merged, true);
        Actions("skipped", r.Skipped, false);
        json.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            JsonFormatter.WriteFinding(json, f);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
