using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;

namespace EvidenceTracker.Checking;

/// <summary>What <c>evidence show</c> found: a claim (with its status) or a source, and their findings.</summary>
public sealed record ShowResult
{
    public ClaimStatus? Claim { get; init; }
    public Source? Source { get; init; }
    /// <summary>For a source: its reference, in the repository's reference style.</summary>
    public string? Reference { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>Claims citing the shown source.</summary>
    public IReadOnlyList<ClaimStatus> CitedBy { get; init; } = [];
    public required CheckReport Report { get; init; }
}
