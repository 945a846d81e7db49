namespace EvidenceTracker.Verification;

/// <summary>One source's outcome.</summary>
public sealed record FetchResult
{
    public required string Id { get; init; }
    /// <summary>The URL the copy came from (after redirects), when it was fetched.</summary>
    public string? From { get; init; }
    public SnapshotArchive? Archive { get; init; }
    /// <summary>Why the source was not archived, in one line; null when it was (or when it was only refreshed).</summary>
    public string? Problem { get; init; }
    /// <summary>Not a failure: why nothing was done (it already has a snapshot) or what could not be added (no Wayback copy).</summary>
    public string? Note { get; init; }
    /// <summary>With <c>--refresh</c>: each quote of the source, in the copy fetched again.</summary>
    public IReadOnlyList<QuoteRecheck> Quotes { get; init; } = [];
    /// <summary>With <c>--refresh</c> and without <c>--update</c>: whether the copy fetched again has other bytes than the archived one.</summary>
    public bool? Differs { get; init; }
    public string? ArchiveUrl { get; init; }
}
