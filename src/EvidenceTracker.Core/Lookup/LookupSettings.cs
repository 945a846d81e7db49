using EvidenceTracker.Network;

namespace EvidenceTracker.Lookup;

/// <summary>What look-ups need: the repository (for its cache), the services, the day, and whether to ask the network.</summary>
public sealed record LookupSettings
{
    public required string Root { get; init; }
    public required ServiceEndpoints Endpoints { get; init; }
    /// <summary>The tool's version, for the User-Agent.</summary>
    public required string Version { get; init; }
    /// <summary>The day recorded as an answer's <c>fetched</c> date.</summary>
    public required DateOnly Today { get; init; }
    /// <summary>Use the cache only; never open a connection.</summary>
    public bool Offline { get; init; }
    /// <summary>Ask the services again even where the cache has an answer.</summary>
    public bool Refresh { get; init; }
}
