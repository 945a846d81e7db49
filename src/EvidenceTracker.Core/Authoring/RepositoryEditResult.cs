namespace EvidenceTracker.Authoring;

/// <summary>What <c>evidence mv</c> or <c>evidence rm</c> did: each file changed (relative paths), or why nothing was.</summary>
public sealed record RepositoryEditResult
{
    public string? Id { get; init; }
    /// <summary>One line per change: <c>renamed A -> B</c>, <c>edited F (…)</c>, <c>removed F</c>, <c>kept F (…)</c>.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Ok => Problems.Count == 0;

    public static RepositoryEditResult Refused(params string[] problems) => new() { Problems = problems };
}
