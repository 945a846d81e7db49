using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceTracker.Checking;

namespace EvidenceTracker.Reporting;

/// <summary>One way of writing a check report. Every output format implements it.</summary>
public interface IReportFormatter
{
    void Write(CheckReport report, TextWriter writer);
}

public static class ReportFormats
{
    public static readonly string[] Names = ["text", "json", "sarif", "github", "junit"];

    public static IReportFormatter Create(string name, bool color, string toolVersion) => name switch
    {
        "text" => new TextFormatter(color),
        "json" => new JsonFormatter(),
        "sarif" => new SarifFormatter(toolVersion),
        "github" => new GitHubFormatter(),
        "junit" => new JUnitFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown format"),
    };
}

/// <summary>Writes JSON with readable non-ASCII text, two-space indentation and \n line ends.</summary>
public static class Json
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            body(json);
        }
        writer.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.Write('\n');
    }

    public static void StringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }
        json.WriteEndArray();
    }

    public static void NumberOrNull(this Utf8JsonWriter json, string name, int? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is int v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
