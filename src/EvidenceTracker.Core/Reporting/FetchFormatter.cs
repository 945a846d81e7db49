using System.Globalization;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Reporting;

/// <summary>Text and JSON for <c>evidence snapshot SOURCE…</c> (fetched snapshots): results on stdout, failures on stderr.</summary>
public static class FetchFormatter
{
    public static void Write(FetchReport report, OutputFormat format, TextWriter writer, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var id in report.UnknownIds)
        {
            errors.WriteLine(TerminalText.Format($"error: no source has the id '{id}'"));
        }
        foreach (var r in report.Results.Where(r => r.Problem is not null))
        {
            errors.WriteLine(TerminalText.Format($"error: {r.Id}: {r.Problem}"));
        }
        if (format == OutputFormat.Json)
        {
            WriteJson(report, writer);
            return;
        }
        int archived = 0, failed = 0, refreshed = 0, skipped = 0;
        foreach (var r in report.Results)
        {
            if (r.Problem is not null)
            {
                failed++;
                continue;
            }
            foreach (var q in r.Quotes)
            {
                writer.Write(q.Found
                    ? TerminalText.Format($"{r.Id}: quote of {q.Claim} still found\n")
                    : TerminalText.Format($"{r.Id}: quote of {q.Claim} NOT found in the copy fetched again (closest passage {Math.Floor(q.Similarity * 100).ToString(CultureInfo.InvariantCulture)}% similar)\n"));
            }
            if (r.Archive is { } archive)
            {
                archived++;
                SnapshotFormatter.Write(archive, OutputFormat.Text, writer);
                if (r.From is not null)
                {
                    writer.Write(TerminalText.Format($"  fetched from {r.From}\n"));
                }
            }
            else if (r.Differs is { } differs)
            {
                refreshed++;
                writer.Write(differs
                    ? TerminalText.Format($"{r.Id}: the copy fetched again differs from the archived one; nothing changed (--update archives it)\n")
                    : TerminalText.Format($"{r.Id}: the copy fetched again is the archived one, byte for byte\n"));
            }
            else
            {
                skipped++;
            }
            if (r.ArchiveUrl is { } a && r.Archive is not null)
            {
                writer.Write(TerminalText.Format($"  archive-url: {a}\n"));
            }
            if (r.Note is { } note)
            {
                writer.Write(TerminalText.Format($"note: {r.Id}: {note}\n"));
            }
        }
        var n = report.Results.Count;
        writer.Write(TerminalText.Format(
            $"snapshot: {n} source{(n == 1 ? "" : "s")}, {archived} archived, {refreshed} refreshed, {skipped} skipped, {failed} failed; " +
            $"{report.Requests} request{(report.Requests == 1 ? "" : "s")} made\n"));
    }

    private static void WriteJson(FetchReport report, TextWriter writer) => Json.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("sources");
        foreach (var r in report.Results)
        {
            json.WriteStartObject();
            json.WriteString("source", r.Id);
            json.WriteString("status", r.Problem is not null ? "failed" : r.Archive is not null ? "archived" : r.Differs is not null ? "refreshed" : "skipped");
            json.StringOrNull("from", r.From);
            json.StringOrNull("snapshot", r.Archive?.Snapshot);
            json.StringOrNull("snapshot-sha256", r.Archive?.Sha256);
            json.StringOrNull("archive-url", r.Archive is null ? null : r.ArchiveUrl);
            if (r.Differs is { } d)
            {
                json.WriteBoolean("differs", d);
            }
            json.StringOrNull("error", r.Problem);
            json.StringOrNull("note", r.Note);
            json.WriteStartArray("quotes");
            foreach (var q in r.Quotes)
            {
                json.WriteStartObject();
                json.WriteString("claim", q.Claim);
                json.WriteString("quote", q.Quote);
                json.WriteBoolean("found", q.Found);
                json.WriteNumber("similarity", Math.Round(q.Similarity, 3));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unknown");
        foreach (var id in report.UnknownIds)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
        json.WriteNumber("requests", report.Requests);
        json.WriteEndObject();
    });
}
