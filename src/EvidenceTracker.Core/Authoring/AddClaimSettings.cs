namespace EvidenceTracker.Authoring;

public sealed record AddClaimSettings
{
    public required string Root { get; init; }
    public required string Statement { get; init; }
    public string? Id { get; init; }
    public string? Article { get; init; }
    public string? Excerpt { get; init; }
    public IReadOnlyList<CitationSpec> Citations { get; init; } = [];
    public string? Verdict { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}
