using EvidenceTracker.Model;

namespace EvidenceTracker.App;

public sealed record ShowSettings
{
    public required string Root { get; init; }
    public required string Id { get; init; }
    public OutputFormat Format { get; init; }
}
