
namespace EvidenceTracker.Verification;

/// <summary>The outcome of looking one citation's quote up.</summary>
public sealed record QuoteCheck
{
    public static QuoteCheck NoQuote { get; } = new() { Status = QuoteStatus.None };

    public static readonly string[] StatusNames = ["none", "verified", "not-found", "unverified"];

    public required QuoteStatus Status { get; init; }

    /// <summary>The snapshot looked in, relative to the root.</summary>
    public string? Snapshot { get; init; }

    /// <summary>The 1-based line (of the snapshot's text) of the passage found, or of the closest passage.</summary>
    public int? Line { get; init; }

    /// <summary>1 when found; else the similarity of the closest passage (0 when none).</summary>
    public double Similarity { get; init; }

    /// <summary>Why a quote is unverified, in words.</summary>
    public string? Reason { get; init; }

    public string StatusName => StatusNames[(int)Status];
}
