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

    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var group in report.Counted.GroupBy(f => f.File ?? ""))
        {
            writer.Write(Paint("\u001b[1m", group.Key.Length == 0 ? "(repository)" : TerminalText.Escape(group.Key)));
            writer.Write('\n');
            foreach (var f in group)
            {
                writer.Write("  ");
                writer.Write(Location(f));
                writer.Write(": ");
                writer.Write(Paint(SeverityColor(f.Severity), Rules.SeverityName(f.Severity)));
                writer.Write(' ');
                writer.Write(Paint("\u001b[2m", f.Rule));
                writer.Write(": ");
                writer.Write(TerminalText.Escape(f.Message));
                writer.Write('\n');
            }
            writer.Write('\n');
        }
        writer.Write(SummaryLine(report));
        writer.Write('\n');
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
