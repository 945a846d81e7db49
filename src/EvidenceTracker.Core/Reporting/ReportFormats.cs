using EvidenceTracker.Model;

namespace EvidenceTracker.Reporting;

/// <summary>The formatter of each <see cref="ReportFormat"/> (spelled as <see cref="Names.ReportFormats"/> says).</summary>
public static class ReportFormats
{
    public static IReportFormatter Create(ReportFormat format, bool color, string toolVersion) => format switch
    {
        ReportFormat.Text => new TextFormatter(color),
        ReportFormat.Json => new JsonFormatter(),
        ReportFormat.Sarif => new SarifFormatter(toolVersion),
        ReportFormat.Github => new GitHubFormatter(),
        ReportFormat.Junit => new JUnitFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };
}
