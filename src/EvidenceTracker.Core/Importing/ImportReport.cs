using EvidenceTracker.Reporting;

namespace EvidenceTracker.Importing;

/// <summary>What <c>evidence import</c> prints: one line per file (text), or one JSON object.</summary>
public static class ImportReport
{
    public static void Write(ImportResult result, string format, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (format == "json")
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
        _ => "reuse",
    };

    private static void WriteText(ImportResult result, TextWriter output, TextWriter error)
    {
        foreach (var problem in result.Problems)
        {
            error.Write(TerminalText.Format($"error: {problem.Message}\n"));
        }
        if (result.Problems.Count > 0)
        {
            error.Write("nothing was imported\n");
            return;
        }
        foreach (var f in result.Files)
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

    public static string Summary(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = new List<string>
        {
            Plural(result.Count(ImportKind.Article, ImportAction.Create), "article"),
            Plural(result.Count(ImportKind.Source, ImportAction.Create), "source"),
            Plural(result.Count(ImportKind.Claim, ImportAction.Create), "draft claim"),
        };
        var head = result.DryRun ? "dry run: would create " : "import: created ";
        var tail = new List<string>();
        if (result.Count(ImportKind.Article, ImportAction.Unchanged) is > 0 and var unchanged)
        {
            tail.Add($"{Plural(unchanged, "article")} unchanged");
        }
        if (result.Count(ImportKind.Source, ImportAction.Reuse) is > 0 and var reused)
        {
            tail.Add($"{Plural(reused, "existing source")} reused");
        }
        var text = head + $"{parts[0]}, {parts[1]} and {parts[2]}";
        if (tail.Count > 0)
        {
            text += "; " + string.Join(", ", tail);
        }
        return result.DryRun ? text + "; nothing written" : text;
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static void WriteJson(ImportResult result, TextWriter output) => Json.Write(output, json =>
    {
        // When the import was refused nothing was written: the files and counts are empty, the errors say why.
        var files = result.Problems.Count > 0 ? [] : result.Files;
        int Count(ImportKind kind, ImportAction action) => files.Count(f => f.Kind == kind && f.Action == action);
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteBoolean("dryRun", result.DryRun);
        json.WriteStartObject("summary");
        foreach (var kind in (ReadOnlySpan<ImportKind>)[ImportKind.Article, ImportKind.Source, ImportKind.Claim])
        {
            json.WriteStartObject(Kind(kind) + "s");
            json.WriteNumber("create", Count(kind, ImportAction.Create));
            if (kind == ImportKind.Article)
            {
                json.WriteNumber("unchanged", Count(kind, ImportAction.Unchanged));
            }
            if (kind == ImportKind.Source)
            {
                json.WriteNumber("reuse", Count(kind, ImportAction.Reuse));
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
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
        json.WriteEndObject();
    });
}
