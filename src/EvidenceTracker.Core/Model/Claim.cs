
namespace EvidenceTracker.Model;

public sealed record Claim
{
    public required string Id { get; init; }
    /// <summary>Path relative to the evidence root, with / separators.</summary>
    public required string File { get; init; }
    public required string Statement { get; init; }
    public string? Article { get; init; }
    public string? Excerpt { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public Verdict? Verdict { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>When the verdict was given (<c>reviewed:</c>, a date).</summary>
    public string? Reviewed { get; init; }
    /// <summary>Who gave the verdict (<c>reviewer:</c>).</summary>
    public string? Reviewer { get; init; }
    /// <summary>Findings of this claim kept on purpose (<c>suppress:</c>).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
    public FieldPositions Positions { get; init; } = FieldPositions.Empty;
}
