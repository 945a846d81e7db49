using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public sealed record Citation
{
    public required string Source { get; init; }
    public string? Quote { get; init; }
    public string? Locator { get; init; }
    public Stance Stance { get; init; } = Stance.Supports;
    public required Position Start { get; init; }
    public required Position SourcePosition { get; init; }
    public Position? QuotePosition { get; init; }
}
