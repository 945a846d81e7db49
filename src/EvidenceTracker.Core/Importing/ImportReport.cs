using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Importing;

/// <summary>
/// What <c>evidence import</c> prints: one line per file (text), or one JSON object. Bibliography entries come first
/// (a line per entry, the findings, a summary), then articles (a line per file, a summary); each part is printed
/// when the import had inputs of its kind.
/// </summary>
public static class ImportReport
{
    public static void Write(ImportResult result, OutputFormat format, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (format == OutputFormat.Json)
        {
            WriteJson(result, output);
        }
        else
        {
            WriteText(result, output, error);
        }
    }

    private static string Kind(ImportKind kind) => kind switch
    {
        ImportKind.Article => "article",
        ImportKind.Source => "source",
        _ => "claim",
    };

    private static string Action(ImportAction action) => action switch
    {
        ImportAction.Create => "create",
        ImportAction.Unchanged => "unchanged",
        ImportAction.Reuse => "reuse",
        ImportAction.Merge => "merge",
        _ => "skip",
    };

    private static bool HasArticlePart(ImportResult result) => result.ArticleInputs > 0 || result.BibliographyInputs == 0;

    private static IEnumerable<ImportedFile> ArticleFiles(ImportResult result) => result.Files.Where(f => f.Entry is null);

    private static IEnumerable<ImportedFile> EntryFiles(ImportResult result) => result.Files.Where(f => f.Entry is not null);

    private static void WriteText(ImportResult result, TextWriter output, TextWriter error)
    {
        foreach (var problem in result.Problems)
        {
            error.Write(TerminalText.Format($"error: {problem.Message}\n"));
        }
        foreach (var skipped in result.Skipped)
        {
            error.Write(TerminalText.Format($"skipped: {skipped.Message}\n"));
        }
        if (result.Problems.Any(p => p.IsUsage))
        {
            error.Write("nothing was imported\n");
            return;
        }
        if (result.BibliographyInputs > 0)
        {
            WriteEntriesText(result, output);
        }
        else
        {
            // what the articles' front matter named and could not be read (bibliography: missing.bib)
            WriteFindings(result, output);
        }
        if (result.Problems.Count > 0)
        {
            error.Write(result.BibliographyInputs > 0 ? "no article was imported\n" : "nothing was imported\n");
            return;
        }
        if (HasArticlePart(result))
        {
            foreach (var f in ArticleFiles(result))
            {
                var verb = f.Action switch
                {
                    ImportAction.Create => result.DryRun ? "would create" : "created",
                    ImportAction.Unchanged => "unchanged",
                    _ => "reuses",
                };
                var from = f.Kind == ImportKind.Article ? $" (from {f.From})" : f.From is null ? "" : $" ({f.From} of {f.Article})";
                output.Write(TerminalText.Format($"{verb} {f.Path}{from}\n"));
            }
            output.Write(Summary(result) + "\n");
        }
    }

    private static string Origin(EntryOrigin e) => $"{e.File}:{e.Line}:{e.Column} {e.Label}";

    private static void WriteEntriesText(ImportResult r, TextWriter w)
    {
        var verb = r.DryRun ? "would " : "";
        foreach (var a in EntryFiles(r))
        {
            var line = a.Action switch
            {
                ImportAction.Create => $"{verb}create  {a.Path}  from {Origin(a.Entry!)}",
                ImportAction.Merge => $"{verb}merge   {Origin(a.Entry!)} into {(a.IntoExisting ? "existing " : "")}{a.Path} (same {Match(a.MatchedBy)}; adds {string.Join(", ", a.AddedFields)})",
                _ => $"{verb}skip    {Origin(a.Entry!)}: duplicate of {(a.IntoExisting ? "existing " : "")}{a.Path} (same {Match(a.MatchedBy)}), nothing new",
            };
            w.Write(TerminalText.Escape(line) + "\n");
        }
        WriteFindings(r, w);
        w.Write(EntriesSummary(r) + "\n");
    }

    private static void WriteFindings(ImportResult r, TextWriter w)
    {
        foreach (var f in r.Findings)
        {
            var where = f.File is null ? "" : f.Line is int l ? $"{f.File}:{l}:{f.Column ?? 1}: " : $"{f.File}: ";
            w.Write(TerminalText.Format($"{where}{Rules.SeverityName(f.Severity)} {f.Rule}: {f.Message}\n"));
        }
    }

    private static string Match(string? by) => by switch
    {
        "title+year" => "title and year",
        "url" => "URL",
        "doi" => "DOI",
        _ => by ?? "",
    };

    /// <summary>The summary line of the bibliography part: entries read, what became of them, and the findings.</summary>
    public static string EntriesSummary(ImportResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        static string N(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
        var errors = r.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = r.Findings.Count(f => f.Severity == Severity.Warning);
        var notes = r.Findings.Count(f => f.Severity == Severity.Note);
        int Of(ImportAction action) => EntryFiles(r).Count(f => f.Action == action);
        return $"{N(r.Entries, "entry", "entries")}: {Of(ImportAction.Create)} {(r.DryRun ? "to create" : "created")}, {Of(ImportAction.Merge)} {(r.DryRun ? "to merge" : "merged")}, {Of(ImportAction.Skip)} skipped; "
            + $"{N(errors, "error", "errors")}, {N(warnings, "warning", "warnings")}, {N(notes, "note", "notes")}"
            + (r.DryRun ? " (dry run: nothing written)" : "");
    }

    /// <summary>The summary line of the article part: articles, sources and draft claims created.</summary>
    public static string Summary(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = ArticleFiles(result).ToList();
        int Count(ImportKind kind, ImportAction action) => files.Count(f => f.Kind == kind && f.Action == action);
        var parts = new List<string>
        {
            Reporting.TextFormatter.Plural(Count(ImportKind.Article, ImportAction.Create), "article"),
            Reporting.TextFormatter.Plural(Count(ImportKind.Source, ImportAction.Create), "source"),
            Reporting.TextFormatter.Plural(Count(ImportKind.Claim, ImportAction.Create), "draft claim"),
        };
        var head = result.DryRun ? "dry run: would create " : "import: created ";
        var tail = new List<string>();
        if (Count(ImportKind.Article, ImportAction.Unchanged) is > 0 and var unchanged)
        {
            tail.Add($"{Reporting.TextFormatter.Plural(unchanged, "article")} unchanged");
        }
        if (Count(ImportKind.Source, ImportAction.Reuse) is > 0 and var reused)
        {
            tail.Add($"{Reporting.TextFormatter.Plural(reused, "existing source")} reused");
        }
        if (result.Skipped.Count > 0)
        {
            tail.Add($"{Reporting.TextFormatter.Plural(result.Skipped.Count, "file")} skipped");
        }
        var text = head + $"{parts[0]}, {parts[1]} and {parts[2]}";
        if (tail.Count > 0)
        {
            text += "; " + string.Join(", ", tail);
        }
        return result.DryRun ? text + "; nothing written" : text;
    }


    private static void WriteJson(ImportResult result, TextWriter output) => Json.Write(output, json =>
    {
        // When the import was refused nothing was written: the files and counts are empty, the errors say why.
        var refused = result.Problems.Count > 0;
        var files = refused ? [] : ArticleFiles(result).ToList();
        int Count(ImportKind kind, ImportAction action) => files.Count(f => f.Kind == kind && f.Action == action);
        var articles = HasArticlePart(result);
        var entries = result.BibliographyInputs > 0;
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteBoolean("dryRun", result.DryRun);
        json.WriteStartObject("summary");
        if (articles)
        {
            foreach (var kind in (ReadOnlySpan<ImportKind>)[ImportKind.Article, ImportKind.Source, ImportKind.Claim])
            {
                json.WriteStartObject(Kind(kind) + "s");
                json.WriteNumber("create", Count(kind, ImportAction.Create));
                if (kind == ImportKind.Article)
                {
                    json.WriteNumber("unchanged", Count(kind, ImportAction.Unchanged));
                    json.WriteNumber("skipped", refused ? 0 : result.Skipped.Count);
                }
                if (kind == ImportKind.Source)
                {
                    json.WriteNumber("reuse", Count(kind, ImportAction.Reuse));
                }
                json.WriteEndObject();
            }
        }
        if (entries)
        {
            int Of(ImportAction action) => EntryFiles(result).Count(f => f.Action == action);
            json.WriteNumber("entries", result.Entries);
            json.WriteNumber("created", Of(ImportAction.Create));
            json.WriteNumber("merged", Of(ImportAction.Merge));
            json.WriteNumber("skipped", Of(ImportAction.Skip));
            json.WriteNumber("errors", result.Findings.Count(f => f.Severity == Severity.Error));
            json.WriteNumber("warnings", result.Findings.Count(f => f.Severity == Severity.Warning));
            json.WriteNumber("notes", result.Findings.Count(f => f.Severity == Severity.Note));
        }
        json.WriteEndObject();
        if (articles)
        {
            json.WriteStartArray("files");
            foreach (var f in files)
            {
                json.WriteStartObject();
                json.WriteString("kind", Kind(f.Kind));
                json.WriteString("id", f.Id);
                json.WriteString("path", f.Path);
                json.WriteString("action", Action(f.Action));
                json.StringOrNull("from", f.From);
                json.StringOrNull("article", f.Article);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var p in result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("message", p.Message);
                json.StringOrNull("file", p.File);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (articles || refused)
        {
            json.WriteStartArray("errors");
            foreach (var p in result.Problems)
            {
                json.WriteStartObject();
                json.WriteString("message", p.Message);
                json.StringOrNull("file", p.File);
                json.WriteBoolean("usage", p.IsUsage);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (entries)
        {
            WriteEntriesJson(json, result);
        }
        json.WriteEndObject();
    });

    private static void WriteEntriesJson(System.Text.Json.Utf8JsonWriter json, ImportResult r)
    {
        void Actions(string name, ImportAction action)
        {
            json.WriteStartArray(name);
            foreach (var a in EntryFiles(r).Where(f => f.Action == action))
            {
                json.WriteStartObject();
                json.WriteString("id", a.Id);
                json.WriteString("file", a.Path);
                json.WriteStartObject("entry");
                json.WriteString("file", a.Entry!.File);
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
                if (action == ImportAction.Merge)
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
        Actions("created", ImportAction.Create);
        Actions("merged", ImportAction.Merge);
        Actions("skipped", ImportAction.Skip);
        json.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            JsonFormatter.WriteFinding(json, f);
        }
        json.WriteEndArray();
    }
}
