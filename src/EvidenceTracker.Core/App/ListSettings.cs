using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Bibliography;

namespace EvidenceTracker.App;

public sealed record ListSettings
{
    public required string Root { get; init; }
    public required ListKind Kind { get; init; }
    public SupportLevel? Support { get; init; }
    public string? Tag { get; init; }
    public string Format { get; init; } = "text";
}
