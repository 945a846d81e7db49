using System.Text.Json;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Checking;

/// <summary>
/// The findings a repository knows of and accepts for now (<c>evidence baseline</c>), so that
/// <c>check --baseline</c> reports only new ones. Each finding is stored by its <see cref="FindingKey"/>, with its rule,
/// ids and message for the reader; a key held twice stands for two findings.
/// </summary>
public sealed class Baseline
{
    public const int Version = 1;
    public const string DefaultFile = ".evidence-baseline.json";

    private Baseline(IReadOnlyList<string> keys) => Keys = keys;

    /// <summary>The keys, sorted, one per finding.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The counted (unsuppressed) findings of <paramref name="report"/>, written by <see cref="Write"/>.</summary>
    public static void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Sorted by what stays put when lines move (file, rule, message, key), so that a new baseline diffs well.
        var entries = report.Counted.Select(f => (Key: FindingKey.Of(f), Finding: f))
            .OrderBy(e => e.Finding.File, StringComparer.Ordinal)
            .ThenBy(e => e.Finding.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Finding.Message, StringComparer.Ordinal)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        Json.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("tool", "evidence");
            json.WriteStartArray("findings");
            foreach (var (key, f) in entries)
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", Rules.SeverityName(f.Severity));
                json.StringOrNull("claim", f.Claim);
                json.StringOrNull("source", f.Source);
                json.StringOrNull("article", f.Article);
                json.StringOrNull("file", f.File);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
                json.FlushIfFull();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>How many findings <paramref name="report"/> would write.</summary>
    public static int CountOf(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Counted.Count();
    }

    /// <summary>Reads a baseline; every problem is a <see cref="BaselineException"/> with a one-line message.</summary>
    public static Baseline Read(string path, string shown)
    {
        if (!File.Exists(path))
        {
            throw new BaselineException(Directory.Exists(path)
                ? $"baseline '{shown}' is a folder, not a baseline file"
                : $"baseline '{shown}' does not exist; write one with `evidence baseline --output {shown}`");
        }
        byte[] bytes;
        try
        {
            // A pipe is read (`--baseline <(git show main:.evidence-baseline.json)`), within the cap; a device is not.
            bytes = Storage.UserFile.ReadAllBytes(path, shown, Storage.UserFile.MaxBaselineBytes, pipes: true);
        }
        catch (Storage.UserFileException ex)
        {
            throw new BaselineException($"baseline {ex.Message}", ex);
        }
        if (bytes.Length == 0)
        {
            // an empty file, or a named pipe that no process writes to (read at once as empty, not waited on)
            throw new BaselineException($"baseline '{shown}' is empty (or a pipe nothing was written to); write it with `evidence baseline --output {shown}`");
        }
        return Parse(bytes, shown);
    }

    public static Baseline Parse(ReadOnlySpan<byte> utf8, string shown)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // The JSON reader finds such text only when a string is read, as an InvalidOperationException.
            throw new BaselineException($"baseline '{shown}' is not UTF-8 text; write it again with `evidence baseline`");
        }
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a byte order mark, as some editors write: JSON does not allow it, but it says nothing
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            // the reader counts lines and bytes from 0; its message repeats them that way
            var message = OneLine(ex.Message);
            var counted = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var at = ex.LineNumber is { } line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : "";
            throw new BaselineException($"baseline '{shown}' is not JSON{at}: {(counted > 0 ? message[..counted] : message)}", ex);
        }
        using (doc)
        {
            try
            {
                return Read(doc.RootElement, shown);
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate escape ("\ud800") in a name or a string: JSON, but no text. The reader finds it only
                // when the name is compared or the string read.
                throw new BaselineException($"baseline '{shown}' holds a lone surrogate escape (\\ud800 and the like), which is no text; write it again with `evidence baseline`");
            }
        }
    }

    private static Baseline Read(JsonElement root, string shown)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version))
        {
            throw new BaselineException($"baseline '{shown}' is not an evidence baseline (no \"version\")");
        }
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != Version)
        {
            throw new BaselineException($"baseline '{shown}' has version {OneLine(version.GetRawText())}; this evidence reads version {Version} (write it again with `evidence baseline`)");
        }
        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
        {
            throw new BaselineException($"baseline '{shown}' has no \"findings\" list");
        }
        var keys = new List<string>(findings.GetArrayLength());
        var i = 0;
        foreach (var item in findings.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
            {
                throw new BaselineException($"baseline '{shown}': finding {i + 1} has no \"key\"");
            }
            keys.Add(key.GetString()!);
            i++;
        }
        keys.Sort(StringComparer.Ordinal);
        return new Baseline(keys);
    }

    /// <summary>
    /// The report without the findings this baseline holds (each key matched as many times as it is held), with
    /// how many of them remain and how many are fixed. Suppressed findings stay as they are.
    /// </summary>
    public CheckReport Apply(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in Keys)
        {
            left[k] = left.GetValueOrDefault(k) + 1;
        }
        var kept = new List<Finding>(report.Findings.Count);
        var matched = 0;
        foreach (var f in report.Findings)
        {
            if (!f.Suppressed && left.TryGetValue(FindingKey.Of(f), out var n) && n > 0)
            {
                left[FindingKey.Of(f)] = n - 1;
                matched++;
                continue;
            }
            kept.Add(f);
        }
        return report with { Findings = kept, Baseline = (matched, Keys.Count - matched) };
    }

    /// <summary>Whether the file at <paramref name="path"/> is a baseline this tool wrote (so that it may be replaced).</summary>
    public static bool IsBaseline(string path)
    {
        try
        {
            var bytes = Storage.UserFile.ReadAllBytes(path, path, Storage.UserFile.MaxBaselineBytes, pipes: false);
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.String && tool.GetString() == "evidence"
                && doc.RootElement.TryGetProperty("findings", out _);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
        {
            return false; // not JSON, a string that is not UTF-8, or no regular file (a pipe, a device) of a sane size
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
