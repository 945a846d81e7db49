using EvidenceTracker.Storage;

namespace EvidenceTracker.Authoring;

public sealed record CiteSettings
{
    public required string Root { get; init; }
    public required string Claim { get; init; }
    public required CitationSpec Citation { get; init; }

    /// <summary>Add a second citation of a source the claim already cites, instead of completing the one that is there.</summary>
    public bool Again { get; init; }

    /// <summary>How long to wait while another edit of the claim's folder finishes (<see cref="EditLock.DefaultTimeout"/> when null).</summary>
    public TimeSpan? LockTimeout { get; init; }
}
