using EvidenceTracker.Model;

namespace EvidenceTracker.Authoring;

public sealed record AddSourceSettings
{
    public required string Root { get; init; }
    public required string Title { get; init; }
    public string? Id { get; init; }
    public SourceType Type { get; init; } = SourceType.WebPage;
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Accessed { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Lang { get; init; }
    public string? Level { get; init; }
    public IReadOnlyList<string> ReportsOn { get; init; } = [];
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Pmcid { get; init; }
    public string? Arxiv { get; init; }
    public string? Isbn { get; init; }

    /// <summary>Write the source even when another has its DOI, PMID, PMCID, arXiv id or normalised URL.</summary>
    public bool AllowDuplicate { get; init; }
}
