using System.Text;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Reporting;

/// <summary>
/// The Markdown that <c>check --format github</c> appends to <c>$GITHUB_STEP_SUMMARY</c>: the counts, the support
/// levels and a table of every counted finding (up to <see cref="MaxRows"/>), each file linked to its line when a
/// link base (the repository's blob URL at the commit) is known. Every value is escaped.
/// </summary>
public static class GitHubStepSummary
{
    public const int MaxRows = 1000;

    /// <param name="linkBase">An http(s) URL that a finding's file path is appended to, or null for no links.</param>
    public static void Write(CheckReport report, TextWriter writer, string? linkBase)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        if (linkBase is not null && !(linkBase.StartsWith("https://", StringComparison.Ordinal) || linkBase.StartsWith("http://", StringComparison.Ordinal)))
        {
            linkBase = null;
        }
        var s = report.Summary;
        writer.Write("## evidence check\n\n");
        writer.Write($"**{TextFormatter.Plural(s.Errors, "error")}, {TextFormatter.Plural(s.Warnings, "warning")}, {TextFormatter.Plural(s.Notes, "note")}** in {TextFormatter.Plural(s.Claims, "claim")}, {TextFormatter.Plural(s.Sources, "source")}, {TextFormatter.Plural(s.Articles, "article")}");
        writer.Write(s.Suppressed > 0 ? $"; {s.Suppressed} suppressed" : "");
        writer.Write(Escape(TextFormatter.BaselineNote(s)));
        writer.Write("\n\n| support | claims |\n|---|---:|\n");
        foreach (var level in Enum.GetValues<SupportLevel>().Reverse().Where(l => l != SupportLevel.Draft || s.Support[l] > 0))
        {
            writer.Write($"| {Names.Of(level)} | {s.Support[level]} |\n");
        }
        var counted = report.Counted.ToList();
        if (counted.Count == 0)
        {
            writer.Write("\nNo findings.\n\n");
            return;
        }
        writer.Write("\n| severity | rule | where | message |\n|---|---|---|---|\n");
        foreach (var f in counted.Take(MaxRows))
        {
            writer.Write($"| {Rules.SeverityName(f.Severity)} | `{f.Rule}` | {Where(f, linkBase)} | {Escape(f.Message)} |\n");
        }
        if (counted.Count > MaxRows)
        {
            writer.Write($"\n… and {counted.Count - MaxRows} more findings (run `evidence check` to see them all).\n");
        }
        writer.Write('\n');
    }


    private static string Where(Finding f, string? linkBase)
    {
        if (f.File is null)
        {
            return "(repository)";
        }
        var text = Escape(TextFormatter.Location(f));
        if (linkBase is null)
        {
            return text;
        }
        var url = linkBase.TrimEnd('/') + "/" + string.Join('/', f.File.Split('/').Select(Uri.EscapeDataString))
            + (f.Line is int line ? $"#L{line}" : "");
        return $"[{text}]({url})";
    }

    /// <summary>Text safe in a Markdown table cell: no HTML, no Markdown syntax, no line break, no pipe.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '|': sb.Append("&#124;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '~' or '$': sb.Append('\\').Append(c); break;
                default: sb.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }
        return sb.ToString();
    }
}
