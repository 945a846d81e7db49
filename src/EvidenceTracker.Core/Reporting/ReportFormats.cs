using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvidenceTracker.Reporting;

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
