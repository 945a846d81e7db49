namespace EvidenceTracker.App;

public sealed record BuildSettings
{
    public required string Root { get; init; }
    /// <summary>The site folder; default <c>site/</c> under the root.</summary>
    public string? Out { get; init; }
    public bool CheckOnly { get; init; }
    /// <summary>Write into a folder that holds files no build wrote (they are kept; those at a page's path are replaced).</summary>
    public bool Force { get; init; }
    /// <summary>Render every page and compare it with the folder, even those whose inputs are unchanged since the last build.</summary>
    public bool Full { get; init; }
    /// <summary>How long to wait for another build of the same folder to finish (<see cref="SiteService.DefaultLockTimeout"/> when null).</summary>
    public TimeSpan? LockTimeout { get; init; }
}
