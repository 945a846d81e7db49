using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Verification;

/// <summary>The results of verification: findings, and per claim (in the order of the set) its quote checks and figure verdict.</summary>
public sealed record VerificationResult
{
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>For each claim of the set, one <see cref="QuoteCheck"/> per citation.</summary>
    public required IReadOnlyList<IReadOnlyList<QuoteCheck>> Quotes { get; init; }

    /// <summary>For each claim of the set, whether one of its figures is stated by none of its supporting quotes.</summary>
    public required IReadOnlyList<bool> FigureMismatch { get; init; }

    public int Snapshots { get; init; }

    public int QuotesLookedUp { get; init; }

    /// <summary>Time spent reading, hashing, extracting and indexing the snapshots.</summary>
    public TimeSpan SnapshotTime { get; init; }

    /// <summary>Time spent looking quotes up and checking figures and chains.</summary>
    public TimeSpan ClaimTime { get; init; }
}
