using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Reporting;

/// <summary>
/// GitHub Actions workflow commands: each finding becomes an annotation on its file and line, at most
/// <see cref="MaxPerSeverity"/> of each severity (GitHub shows no more); a last line counts the rest. Suppressed
/// findings are left out. Values are escaped by GitHub's rules (a message cannot end its line and start a command of
/// its own) and then as in text output.
/// </summary>
public sealed class GitHubFormatter : IReportFormatter
{
    public const int MaxPerSeverity = 10;

    public void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var shown = new Dictionary<Severity, int>();
        var hidden = new Dictionary<Severity, int>();
        foreach (var f in report.Counted)
        {
            if (shown.GetValueOrDefault(f.Severity) >= MaxPerSeverity)
            {
                hidden[f.Severity] = hidden.GetValueOrDefault(f.Severity) + 1;
                continue;
            }
            shown[f.Severity] = shown.GetValueOrDefault(f.Severity) + 1;
            var command = f.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var props = new List<string>();
            if (f.File is not null)
            {
                props.Add("file=" + Property(f.File));
            }
            if (f.Line is int line)
            {
                props.Add($"line={line}");
                if (f.Column is int col)
                {
                    props.Add($"col={col}");
                }
            }
            props.Add("title=" + Property(f.Rule));
            writer.Write($"::{command} {string.Join(',', props)}::{Data(f.Message)}\n");
        }
        var s = report.Summary;
        writer.Write($"evidence check: {TextFormatter.Plural(s.Errors, "error")}, {TextFormatter.Plural(s.Warnings, "warning")}, {TextFormatter.Plural(s.Notes, "note")} in "
            + $"{TextFormatter.Plural(s.Claims, "claim")}, {TextFormatter.Plural(s.Sources, "source")}, {TextFormatter.Plural(s.Articles, "article")}"
            + (s.Suppressed > 0 ? $"; {s.Suppressed} suppressed" : "") + TextFormatter.BaselineNote(s) + "\n");
        if (hidden.Count > 0)
        {
            var counts = new[] { (Severity.Error, "errors"), (Severity.Warning, "warnings"), (Severity.Note, "notes") }
                .Where(x => hidden.ContainsKey(x.Item1)).Select(x => $"{hidden[x.Item1]} more {x.Item2}");
            writer.Write($"evidence check: {string.Join(", ", counts)} not shown as annotations (GitHub shows {MaxPerSeverity} of each kind); see the job summary or run `evidence check`\n");
        }
    }

    /// <summary>GitHub's escaping of a command's message (%, CR and LF), then every other control or bidi character
    /// shown as an escape, as in text output: GitHub's log renders ANSI sequences.</summary>
    private static string Data(string text) =>
        TerminalText.Escape(text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
