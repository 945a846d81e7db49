using System.Text;
using System.Xml;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Reporting;

/// <summary>
/// JUnit XML: one test case per claim (failed when it has error-level findings; warnings and notes in its
/// output), plus one test case per file for the findings tied to no claim.
/// </summary>
public sealed class JUnitFormatter : IReportFormatter
{
    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var cases = new List<(string ClassName, string Name, string File, List<Finding> Findings)>();
        // Each claim's findings are looked up, not searched for: a scan of every finding per claim took hours at
        // 100,000 claims.
        var byClaim = new Dictionary<(string Claim, string? File), List<Finding>>();
        foreach (var f in report.Counted)
        {
            if (f.Claim is { } id)
            {
                (byClaim.TryGetValue((id, f.File), out var list) ? list : byClaim[(id, f.File)] = []).Add(f);
            }
        }
        var claimed = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        foreach (var status in report.Claims.OrderBy(c => c.Claim.File, StringComparer.Ordinal))
        {
            var claim = status.Claim;
            var mine = byClaim.TryGetValue((claim.Id, claim.File), out var found) ? [.. found] : new List<Finding>();
            claimed.UnionWith(mine);
            cases.Add(("claims", claim.Id, claim.File, mine));
        }
        foreach (var group in report.Counted.Where(f => !claimed.Contains(f)).GroupBy(f => f.File ?? "."))
        {
            cases.Add(("files", group.Key, group.Key, group.ToList()));
        }

        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        using var stream = new TextWriterStream(writer);
        using (var xml = XmlWriter.Create(stream, settings))
        {
            var failures = cases.Count(c => c.Findings.Any(f => f.Severity == Severity.Error));
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "evidence check");
            xml.WriteAttributeString("tests", Num(cases.Count));
            xml.WriteAttributeString("failures", Num(failures));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in cases.GroupBy(c => c.ClassName))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Key);
                xml.WriteAttributeString("tests", Num(suite.Count()));
                xml.WriteAttributeString("failures", Num(suite.Count(c => c.Findings.Any(f => f.Severity == Severity.Error))));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var c in suite)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", c.ClassName);
                    xml.WriteAttributeString("name", Clean(c.Name));
                    xml.WriteAttributeString("file", Clean(c.File));
                    var errors = c.Findings.Where(f => f.Severity == Severity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("type", errors[0].Rule);
                        xml.WriteAttributeString("message", Clean(errors.Count == 1 ? errors[0].Message : $"{errors.Count} errors; first: {errors[0].Message}"));
                        xml.WriteString(Clean(string.Join('\n', errors.Select(Line))));
                        xml.WriteEndElement();
                    }
                    var others = c.Findings.Where(f => f.Severity != Severity.Error).ToList();
                    if (others.Count > 0)
                    {
                        xml.WriteElementString("system-out", Clean(string.Join('\n', others.Select(Line))));
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        writer.Write('\n');
    }

    // text content keeps its line breaks (XML does not escape them): a message's own are escaped as in text output
    private static string Line(Finding f) => TerminalText.Format($"{TextFormatter.Location(f)}: {Rules.SeverityName(f.Severity)} {f.Rule}: {f.Message}");

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry control characters or lone surrogates; replace them.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(ch))
            {
                sb.Append(ch);
            }
            else
            {
                sb.Append('\uFFFD');
            }
        }
        return sb.ToString();
    }
}
