namespace EvidenceTracker.Site;

/// <summary>
/// Pages rendered together, under one digest of their inputs (<see cref="PageInputs"/>): those of one claim, source or
/// article (HTML and Markdown), or one page of the whole site. Every page of a keyed group has the path
/// <see cref="Stem"/> plus an extension (<c>claims/x</c> → <c>claims/x.html</c>, <c>claims/x.md</c>), which is how the
/// manifest ties a group's recorded digest to its files. A null <see cref="Inputs"/> means the group is always rendered.
/// </summary>
public sealed record PageGroup(string Stem, string? Inputs, Action<Action<string, PageContent>> Render)
{
    /// <summary>
    /// A page of the whole site (index, matrix, sources, README, evidence.json): each is as large as the evidence, so
    /// <see cref="RenderAll"/> renders these one at a time, never two at once.
    /// </summary>
    public bool WholeSite { get; init; }

    /// <summary>
    /// Runs <paramref name="render"/> on every group: the whole-site groups one after the other on one thread, the others
    /// in parallel beside them — the peak memory of a build is one whole-site page, not the sum of several.
    /// </summary>
    public static void RenderAll(IEnumerable<PageGroup> groups, Action<PageGroup> render)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(render);
        var all = groups.ToList();
        var whole = all.Where(g => g.WholeSite).ToList();
        var others = all.Where(g => !g.WholeSite).ToList();
        // Failures surface as from one Parallel.ForEach over all the groups: one AggregateException of the groups' exceptions.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        Parallel.Invoke(
            () =>
            {
                try
                {
                    foreach (var g in whole)
                    {
                        render(g);
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            },
            () =>
            {
                try
                {
                    Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(others, loadBalance: true), render);
                }
                catch (AggregateException e)
                {
                    foreach (var inner in e.InnerExceptions)
                    {
                        failures.Enqueue(inner);
                    }
                }
            });
        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }
    }

    /// <summary>The group a page belongs to: its path without the last extension (<c>claims/x.html</c> → <c>claims/x</c>).</summary>
    public static string StemOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') + 1 ? path[..dot] : path;
    }
}
