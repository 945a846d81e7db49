using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Tests.Output;

/// <summary>A large text report, formatted a window at a time on two threads, reads as one written finding by finding.</summary>
public class LargeReportTests
{
    [Theory]
    [InlineData(0, false, false)]
    [InlineData(1, false, false)]
    [InlineData(TextFormatter.Window, false, false)]
    [InlineData(2 * TextFormatter.Window, false, true)]
    [InlineData(2 * TextFormatter.Window + 1, true, false)]
    [InlineData(5 * TextFormatter.Window + 17, false, false)]
    [InlineData(5 * TextFormatter.Window + 17, true, true)]
    public void The_report_equals_its_findings_grouped_by_file_and_written_one_by_one(int count, bool color, bool unsorted)
    {
        var report = Report(count, unsorted);
        var formatter = new TextFormatter(color);
        var written = new StringWriter();

        formatter.Write(report, written);

        Assert.Equal(OneByOne(report, formatter, color), written.ToString());
    }

    /// <summary>
    /// A report of <paramref name="count"/> findings: runs of one to five per file, some of the repository itself, some
    /// suppressed, odd characters in messages; and a claim status for every fifth.
    /// </summary>
    private static CheckReport Report(int count, bool unsorted)
    {
        var random = new Random(count);
        var findings = new List<Finding>();
        for (var i = 0; i < count; i++)
        {
            // runs of one to five findings per file, some of the repository itself, some suppressed, odd characters in messages
            var file = random.Next(40) == 0 ? null : $"claims/c-{i / (1 + (i % 5)):D6}.yaml";
            findings.Add(new Finding
            {
                Rule = random.Next(3) == 0 ? Rules.MissingSnapshot : Rules.Schema,
                Severity = (Severity)random.Next(1, 4),
                Message = random.Next(10) == 0 ? $"message {i} with \u001b[2K and \n" : $"message {i}",
                File = file,
                Line = random.Next(4) == 0 ? null : random.Next(1, 50),
                Column = random.Next(1, 9),
                Suppressed = random.Next(20) == 0,
            });
        }
        var ordered = unsorted ? findings.OrderBy(_ => random.Next()).ToList() : findings.OrderBy(f => f.File ?? "", StringComparer.Ordinal).ToList();
        return new CheckReport
        {
            Set = new EvidenceSet
            {
                Root = "/r", Config = EvidenceConfig.Default, Claims = [], Sources = [], Articles = [], LoadFindings = [],
            },
            Findings = ordered,
            Claims = ClaimStatuses(count / 5, random),
        };
    }

    private static List<ClaimStatus> ClaimStatuses(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(i => new ClaimStatus(
            new Claim { Id = $"claim-{random.Next(1_000_000):D7}", File = $"claims/{i}.yaml", Statement = "S.", Verdict = random.Next(3) == 0 ? Verdict.Contradicted : null },
            (SupportLevel)random.Next(0, 6)))];

    /// <summary>The report as the formatter wrote it before it used windows: grouped by file, then each finding in turn.</summary>
    private static string OneByOne(CheckReport report, TextFormatter formatter, bool color)
    {
        string Paint(string code, string text) => color ? code + text + "\u001b[0m" : text;
        var sb = new StringBuilder();
        foreach (var group in report.Counted.GroupBy(f => f.File ?? ""))
        {
            sb.Append(Paint("\u001b[1m", group.Key.Length == 0 ? "(repository)" : TerminalText.Escape(group.Key))).Append('\n');
            foreach (var f in group)
            {
                var severity = f.Severity switch { Severity.Error => "\u001b[1;31m", Severity.Warning => "\u001b[1;33m", _ => "\u001b[1;36m" };
                sb.Append("  ").Append(TextFormatter.Location(f)).Append(": ")
                    .Append(Paint(severity, Rules.SeverityName(f.Severity))).Append(' ')
                    .Append(Paint("\u001b[2m", f.Rule)).Append(": ")
                    .Append(TerminalText.Escape(f.Message)).Append('\n');
            }
            sb.Append('\n');
        }
        return sb.Append(formatter.SummaryLine(report)).Append('\n').ToString();
    }
}
