namespace EvidenceTracker.Site;

/// <summary>How <see cref="SiteWriter"/> treats the output folder.</summary>
public sealed record SiteWriteOptions
{
    /// <summary>Write nothing; report the files that differ from what a build would write.</summary>
    public bool CheckOnly { get; init; }

    /// <summary>Write into a folder holding files no build wrote (they are kept), replacing those at the pages' paths.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// In a folder without a manifest, treat the files shaped like pages (<see cref="SiteFolder.ShapedLikeAPage"/>) as
    /// written by an earlier build: the default <c>site/</c> of a repository built before manifests existed.
    /// </summary>
    public bool AdoptPages { get; init; }

    /// <summary>Render every page and compare it with the folder, whatever inputs the manifest recorded.</summary>
    public bool Full { get; init; }

    /// <summary>The digest of the repository the pages are built from (<see cref="RepositoryDigest"/>), recorded in the manifest when the build succeeds.</summary>
    public string? Repository { get; init; }
}
