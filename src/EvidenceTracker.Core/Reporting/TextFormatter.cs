using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Reporting;

/// <summary>
/// Findings grouped by file, one per line as <c>file:line:col: severity rule: message</c> (a form editors
/// and terminals make clickable), then a one-line summary. ANSI colours only when asked; values are escaped
/// (<see cref="TerminalText"/>).
/// </summary>
public sealed class TextFormatter(bool color) : IReportFormatter
{
    private const string Reset = "\u001b[0m";

    /// <summary>Findings formatted on two threads at a time, this many each, when a report has more than that.</summary>
    internal const int Window = 4_096;

    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var findings = report.Counted.ToArray();
        if (!ContiguousByFile(findings))
        {
            // a report whose findings are not in file order (built by hand): grouped, in order of first appearance
            findings = [.. findings.GroupBy(f => f.File ?? "").SelectMany(g => g)];
        }
        // Each finding's lines depend only on it and its neighbours' files (a file's heading before its first finding,
        // a blank line after its last), so a large report is formatted a window at a time, on two threads, and written
        // in order: at 100,000 claims the report was a serial 0.2 s at the end of a check.
        var left = new StringBuilder();
        var right = new StringBuilder();
        for (var start = 0; start < findings.Length; start += 2 * Window)
        {
            var middle = Math.Min(start + Window, findings.Length);
            var end = Math.Min(start + (2 * Window), findings.Length);
            left.Clear();
            right.Clear();
            if (end - middle > 0)
            {
                Parallel.Invoke(() => Format(findings, start, middle, left), () => Format(findings, middle, end, right));
            }
            else
            {
                Format(findings, start, middle, left);
            }
            writer.Write(left);
            writer.Write(right);
        }
        writer.Write(SummaryLine(report));
        writer.Write('\n');
    }

    /// <summary>Whether the findings of each file stand together (as a report's do: they are sorted by file).</summary>
    private static bool ContiguousByFile(Finding[] findings)
    {
        for (var i = 1; i < findings.Length; i++)
        {
            if (string.CompareOrdinal(findings[i - 1].File ?? "", findings[i].File ?? "") > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The lines of findings [<paramref name="from"/>, <paramref name="to"/>), with their files' headings.</summary>
    private void Format(Finding[] findings, int from, int to, StringBuilder text)
    {
        for (var i = from; i < to; i++)
        {
            var f = findings[i];
            var file = f.File ?? "";
            if (i == 0 || !string.Equals(findings[i - 1].File ?? "", file, StringComparison.Ordinal))
            {
                text.Append(Paint("\u001b[1m", file.Length == 0 ? "(repository)" : TerminalText.Escape(file))).Append('\n');
            }
            text.Append("  ").Append(Location(f)).Append(": ")
                .Append(Paint(SeverityColor(f.Severity), Rules.SeverityName(f.Severity))).Append(' ')
                .Append(Paint("\u001b[2m", f.Rule)).Append(": ")
                .Append(TerminalText.Escape(f.Message)).Append('\n');
            if (i == findings.Length - 1 || !string.Equals(findings[i + 1].File ?? "", file, StringComparison.Ordinal))
            {
                text.Append('\n');
            }
        }
    }

    public static string Location(Finding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var file = f.File ?? ".";
        return f.Line is int line ? TerminalText.Format($"{file}:{line}:{f.Column ?? 1}") : TerminalText.Escape(file);
    }

    public string SummaryLine(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var support = string.Join(", ", Enum.GetValues<SupportLevel>().Reverse()
            .Where(l => s.Support[l] > 0)
            .Select(l => $"{s.Support[l]} {Names.Of(l)}"));
        var counts = $"{Plural(s.Errors, "error")}, {Plural(s.Warnings, "warning")}, {Plural(s.Notes, "note")}";
        var head = s.Errors > 0 ? Paint("\u001b[1;31m", counts) : Paint("\u001b[1;32m", counts);
        return $"{head} in {Plural(s.Claims, "claim")}, {Plural(s.Sources, "source")}, {Plural(s.Articles, "article")}"
            + (support.Length > 0 ? $" (support: {support})" : "")
            + (s.Suppressed > 0 ? $"; {s.Suppressed} suppressed" : "")
            + BaselineNote(s);
    }

    /// <summary>With a baseline: how many of its findings remain (not shown) and how many are fixed.</summary>
    public static string BaselineNote(CheckSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.BaselineRemaining is not int remaining)
        {
            return "";
        }
        var note = $"; {Plural(remaining, "baseline finding")} remain{(remaining == 1 ? "s" : "")}";
        return s.BaselineFixed > 0 ? note + $", {s.BaselineFixed} fixed (run `evidence baseline` to drop them)" : note;
    }

    /// <summary>"1 claim", "2 claims": a count and its noun (regular plurals only).</summary>
    internal static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static string SeverityColor(Severity s) => s switch
    {
        Severity.Error => "\u001b[1;31m",
        Severity.Warning => "\u001b[1;33m",
        _ => "\u001b[1;36m",
    };

    private string Paint(string code, string text) => color ? code + text + Reset : text;
}
