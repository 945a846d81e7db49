using EvidenceTracker.Model;

namespace EvidenceTracker.App;

public sealed record ListSettings
{
    public required string Root { get; init; }
    public required ListKind Kind { get; init; }
    public SupportLevel? Support { get; init; }
    public string? Tag { get; init; }
    public OutputFormat Format { get; init; }
}
