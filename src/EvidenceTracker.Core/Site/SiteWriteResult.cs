namespace EvidenceTracker.Site;

/// <summary>What writing (or checking) the site found: the files written, unchanged, removed, or stale.</summary>
public sealed record SiteWriteResult(IReadOnlyList<string> Written, int Unchanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Stale)
{
    /// <summary>The number of files the site has.</summary>
    public int Files { get; init; }

    /// <summary>Files an earlier build wrote that this one no longer writes but that were changed since: kept, and no longer listed.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];

    /// <summary>
    /// Files left as they are without being rendered (counted in <see cref="Unchanged"/> too): their group's inputs are
    /// what the manifest recorded, and the files are still there as the build wrote them.
    /// </summary>
    public int Reused { get; init; }

    /// <summary>
    /// Whether the repository was the one the last build recorded (<see cref="RepositoryDigest"/>) and every page still
    /// there: nothing was checked or rendered (every file is counted in <see cref="Reused"/>).
    /// </summary>
    public bool UpToDate { get; init; }
}
