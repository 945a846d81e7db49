namespace EvidenceTracker.Site;

/// <summary>
/// Pages rendered together, under one digest of their inputs (<see cref="PageInputs"/>): those of one claim, source or
/// article (HTML and Markdown), or one page of the whole site. Every page of a keyed group has the path
/// <see cref="Stem"/> plus an extension (<c>claims/x</c> → <c>claims/x.html</c>, <c>claims/x.md</c>), which is how the
/// manifest ties a group's recorded digest to its files. A null <see cref="Inputs"/> means the group is always rendered.
/// </summary>
public sealed record PageGroup(string Stem, string? Inputs, Action<Action<string, byte[]>> Render)
{
    /// <summary>The group a page belongs to: its path without the last extension (<c>claims/x.html</c> → <c>claims/x</c>).</summary>
    public static string StemOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') + 1 ? path[..dot] : path;
    }
}
