using EvidenceTracker.Model;

namespace EvidenceTracker.App;

public sealed record CheckSettings
{
    public required string Root { get; init; }
    public ReportFormat Format { get; init; }
    public string? Output { get; init; }
    /// <summary>A baseline file (full path): its findings are left out of the report and the exit code.</summary>
    public string? Baseline { get; init; }
}
