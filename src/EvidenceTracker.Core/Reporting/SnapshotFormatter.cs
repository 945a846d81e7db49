using System.Globalization;
using EvidenceTracker.Model;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Reporting;

/// <summary>Text and JSON for <c>evidence snapshot</c>.</summary>
public static class SnapshotFormatter
{
    public static void Write(SnapshotArchive archive, OutputFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == OutputFormat.Json)
        {
            Json.Write(writer, json =>
            {
                json.WriteStartObject();
                json.WriteString("source", archive.SourceId);
                json.WriteString("file", archive.SourceFile);
                json.WriteString("snapshot", archive.Snapshot);
                json.WriteString("snapshot-file", archive.SnapshotFile);
                json.WriteString("snapshot-sha256", archive.Sha256);
                json.WriteString("archived", archive.Archived);
                json.WriteNumber("bytes", archive.Bytes);
                json.WriteBoolean("changed", !archive.Unchanged);
                json.StringOrNull("previous", archive.Previous);
                json.WriteBoolean("previous-removed", archive.PreviousRemoved);
                json.WriteStartArray("strays-removed");
                foreach (var stray in archive.StraysRemoved)
                {
                    json.WriteStringValue($"sources/{SnapshotFiles.Folder}/{stray}");
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return;
        }
        var bytes = archive.Bytes.ToString("N0", CultureInfo.InvariantCulture);
        writer.Write(archive.Unchanged
            ? TerminalText.Format($"{archive.SnapshotFile} already archived for {archive.SourceId} ({bytes} bytes, sha256 {archive.Sha256[..12]}…); nothing changed\n")
            : TerminalText.Format($"archived {archive.SnapshotFile} for {archive.SourceId} ({bytes} bytes, sha256 {archive.Sha256[..12]}…)\n" +
              $"{archive.SourceFile}: snapshot: {archive.Snapshot}, archived: {archive.Archived}\n"));
        if (archive.Previous is { } previous)
        {
            writer.Write(archive.PreviousRemoved
                ? TerminalText.Format($"removed the previous snapshot sources/{previous}\n")
                : TerminalText.Format($"note: the previous snapshot sources/{previous} is no longer referenced; delete it if it is not needed\n"));
        }
        foreach (var stray in archive.StraysRemoved)
        {
            writer.Write(TerminalText.Format($"removed sources/{SnapshotFiles.Folder}/{stray}, left by an interrupted snapshot\n"));
        }
    }
}
