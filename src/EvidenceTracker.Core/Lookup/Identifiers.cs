
namespace EvidenceTracker.Lookup;

/// <summary>The identifiers to look up for one new source (<c>add source --doi|--pmid|--arxiv|--url</c>).</summary>
public sealed record Identifiers
{
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Arxiv { get; init; }
    public string? Url { get; init; }

    public bool Any => Doi is not null || Pmid is not null || Arxiv is not null || Url is not null;
}
