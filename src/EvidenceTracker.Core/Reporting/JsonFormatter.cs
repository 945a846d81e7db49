using System.Text.Json;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Reporting;

/// <summary>The contract's JSON report: version, summary, findings and the claims' support levels.</summary>
public sealed class JsonFormatter : IReportFormatter
{
    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        Json.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            WriteSummary(json, report.Summary, counts: true);
            json.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                WriteFinding(json, f);
                json.FlushIfFull();
            }
            json.WriteEndArray();
            json.WriteStartArray("claims");
            foreach (var c in report.Claims.OrderBy(c => c.Claim.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", c.Claim.Id);
                json.WriteString("support", Names.Of(c.Support));
                json.StringOrNull("verdict", c.Claim.Verdict is { } v ? Names.Of(v) : null);
                json.WriteEndObject();
                json.FlushIfFull();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The summary; <paramref name="counts"/> adds how many findings were suppressed and, with a baseline, left out.</summary>
    public static void WriteSummary(Utf8JsonWriter json, CheckSummary s, bool counts = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(s);
        json.WriteStartObject("summary");
        json.WriteNumber("claims", s.Claims);
        json.WriteNumber("sources", s.Sources);
        json.WriteNumber("articles", s.Articles);
        json.WriteNumber("errors", s.Errors);
        json.WriteNumber("warnings", s.Warnings);
        json.WriteNumber("notes", s.Notes);
        if (counts)
        {
            json.WriteNumber("suppressed", s.Suppressed);
            if (s.BaselineRemaining is int remaining)
            {
                json.WriteStartObject("baseline");
                json.WriteNumber("remaining", remaining);
                json.WriteNumber("fixed", s.BaselineFixed);
                json.WriteEndObject();
            }
        }
        json.WriteStartObject("support");
        foreach (var level in Enum.GetValues<SupportLevel>().Reverse())
        {
            json.WriteNumber(Names.Of(level), s.Support[level]);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(f);
        json.WriteStartObject();
        json.WriteString("rule", f.Rule);
        json.WriteString("severity", Rules.SeverityName(f.Severity));
        json.WriteString("message", f.Message);
        json.StringOrNull("file", f.File);
        json.NumberOrNull("line", f.Line);
        json.NumberOrNull("column", f.Column);
        json.StringOrNull("claim", f.Claim);
        json.StringOrNull("source", f.Source);
        json.StringOrNull("article", f.Article);
        if (f.Suppressed)
        {
            json.WriteBoolean("suppressed", true);
        }
        json.WriteEndObject();
    }
}
