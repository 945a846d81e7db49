using System.Text;
using System.Text.Json;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Bibliography;

/// <summary>
/// CSL-YAML, as Pandoc writes it (<c>references:</c> holding a list of CSL items, alone or in a front matter) or a bare
/// list of items: read with the project's YAML reader and handed to the CSL-JSON reader as JSON, each item on the line
/// where it starts in the YAML, so that findings point at the right line.
/// </summary>
internal static class CslYaml
{
    public static BibParseResult Parse(byte[] bytes, string file)
    {
        var diag = new BibDiagnostics(file);
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            diag.Error("the file is not valid UTF-8; nothing in this file is imported", new Position(1, 1));
            return new BibParseResult([], diag.Findings);
        }
        var text = Encoding.UTF8.GetString(span);
        // a Pandoc metadata block (--- … ---) holding references:
        var sink = new FindingSink(file);
        var root = YamlTreeReader.Read(StripDocumentMarkers(text), sink);
        if (sink.Findings.Count > 0)
        {
            var f = sink.Findings[0];
            diag.Error($"not valid YAML: {f.Message}; nothing in this file is imported", new Position(f.Line ?? 1, f.Column ?? 1));
            return new BibParseResult([], diag.Findings);
        }
        var items = root switch
        {
            YSequence seq => seq,
            YMapping map => map.Entries.FirstOrDefault(e => e.Key.Value == "references").Value as YSequence,
            _ => null,
        };
        if (items is null)
        {
            diag.Error("CSL-YAML is a list of items, or a mapping whose references: holds one; nothing in this file is imported", new Position(1, 1));
            return new BibParseResult([], diag.Findings);
        }
        var json = new StringBuilder("[");
        var line = 1;
        var first = true;
        foreach (var item in items.Items)
        {
            if (!first)
            {
                json.Append(',');
            }
            first = false;
            while (line < item.Start.Line)
            {
                json.Append('\n');
                line++;
            }
            json.Append(ToJson(item));
        }
        json.Append(']');
        return CslJsonParser.Parse(Encoding.UTF8.GetBytes(json.ToString()), file);
    }

    /// <summary>The text with a leading <c>---</c> line and the <c>---</c>/<c>...</c> line that closes it blanked (lines kept).</summary>
    private static string StripDocumentMarkers(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r').TrimEnd() != "---")
        {
            return text;
        }
        lines[0] = "";
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r').TrimEnd() is "---" or "...")
            {
                lines[i] = "";
                for (var j = i + 1; j < lines.Length; j++)
                {
                    lines[j] = ""; // the body of a Markdown file is not YAML
                }
                break;
            }
        }
        return string.Join('\n', lines);
    }

    private static string ToJson(YNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YNode node)
    {
        switch (node)
        {
            case YMapping map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key.Value);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YSequence seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case YScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case YScalar s:
                writer.WriteStringValue(s.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
