using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, one rule descriptor per rule id with help text,
/// results with repository-relative locations under <c>%SRCROOT%</c>.
/// </summary>
public sealed class SarifFormatter(string toolVersion) : IReportFormatter
{
    public const string InformationUri = "https://github.com/evidencetracker/evidence";

    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = Rules.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Json.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "evidence");
            json.WriteString("semanticVersion", toolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                var severity = report.Set.Config.RuleSeverities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", PascalCase(rule.Id));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", rule.Help);
                json.WriteString("markdown", $"**{rule.Id}**: {rule.Summary}\n\n{rule.Help}");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(severity));
                json.WriteBoolean("enabled", severity != Severity.Off);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue("evidence");
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", "file:///");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var f in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.Rule);
                if (index.TryGetValue(f.Rule, out var i))
                {
                    json.WriteNumber("ruleIndex", i);
                }
                json.WriteString("level", Level(f.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", f.Message);
                json.WriteEndObject();
                if (f.File is not null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", Uri.EscapeDataString(f.File).Replace("%2F", "/", StringComparison.Ordinal));
                    json.WriteString("uriBaseId", "%SRCROOT%");
                    json.WriteEndObject();
                    if (f.Line is int line)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", line);
                        json.WriteNumber("startColumn", f.Column ?? 1);
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteStartObject("partialFingerprints");
                json.WriteString("evidenceFinding/v2", FindingKey.Of(f));
                json.WriteEndObject();
                if (f.Suppressed)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "inSource");
                    json.WriteString("status", "accepted");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                json.FlushIfFull();
            }
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Level(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
