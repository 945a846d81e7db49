using EvidenceTracker.Model;

namespace EvidenceTracker.Authoring;

/// <summary>What a write did: the id and path it wrote, or the problems that made it refuse (nothing written).</summary>
public sealed record WriteResult
{
    public string? Id { get; init; }
    /// <summary>Path relative to the root, with / separators.</summary>
    public string? Path { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public Claim? Claim { get; init; }
    public Source? Source { get; init; }

    public bool Ok => Problems.Count == 0;

    public static WriteResult Refused(params string[] problems) => new() { Problems = problems };
}
