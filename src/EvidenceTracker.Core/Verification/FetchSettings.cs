using EvidenceTracker.Lookup;
using EvidenceTracker.Model;

namespace EvidenceTracker.Verification;

/// <summary>What <c>evidence snapshot SOURCE… [--all] [--from] [--refresh [--update]] [--wayback]</c> is asked to do.</summary>
public sealed record FetchSettings
{
    /// <summary>The repository, the services, the day, <c>--offline</c>.</summary>
    public required LookupSettings Lookup { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>Every cited source without a snapshot (with <see cref="Refresh"/>: every cited source with one).</summary>
    public bool All { get; init; }
    /// <summary>Where to fetch from; null: the source's url, else its PubMed abstract, else its DOI's landing page.</summary>
    public SnapshotOrigin? From { get; init; }
    /// <summary>Fetch again a source that has a snapshot, and report whether each of its quotes is still found.</summary>
    public bool Refresh { get; init; }
    /// <summary>With <see cref="Refresh"/>: archive the new copy (otherwise nothing changes).</summary>
    public bool Update { get; init; }
    /// <summary>Record <c>archive-url</c> from the Wayback Machine's closest copy.</summary>
    public bool Wayback { get; init; }
    public TimeSpan? LockTimeout { get; init; }
    /// <summary>Called with a line as each source of a long batch is done (the command writes it to stderr).</summary>
    public Action<string>? Progress { get; init; }
}
