using EvidenceTracker.Checking;

namespace EvidenceTracker.App;

public sealed record CheckSettings
{
    public required string Root { get; init; }
    public string Format { get; init; } = "text";
    public string? Output { get; init; }
    /// <summary>A baseline file (full path): its findings are left out of the report and the exit code.</summary>
    public string? Baseline { get; init; }
}
