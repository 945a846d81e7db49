using EvidenceTracker.Loading;
using EvidenceTracker.Site;

namespace EvidenceTracker.App;

public sealed record BuildSettings
{
    public required string Root { get; init; }
    /// <summary>The site folder; default <c>site/</c> under the root.</summary>
    public string? Out { get; init; }
    public bool CheckOnly { get; init; }
}

public static class SiteService
{
    public static (SiteWriteResult Result, string OutDir, int Files) Build(BuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = RepositoryLoader.ResolveRoot(settings.Root);
        var outDir = Path.GetFullPath(settings.Out ?? Path.Combine(root, "site"), root);
        var relative = Path.GetRelativePath(outDir, root);
        if (relative == "." || !relative.StartsWith("..", StringComparison.Ordinal) || HoldsEvidence(outDir))
        {
            throw new EvidenceRootException($"--out '{settings.Out ?? outDir}' would hold the evidence itself; give a folder of its own, such as site/");
        }
        var report = EvidenceQueries.Check(root);
        return Write(report, outDir, settings.CheckOnly);
    }

    /// <summary>A folder with settings or YAML claims and sources in it is an evidence repository, not a site.</summary>
    private static bool HoldsEvidence(string dir) =>
        File.Exists(Path.Combine(dir, RepositoryLoader.ConfigFile))
        || (Directory.Exists(Path.Combine(dir, "claims")) && Directory.EnumerateFiles(Path.Combine(dir, "claims"), "*.yaml", SearchOption.AllDirectories).Any())
        || (Directory.Exists(Path.Combine(dir, "sources")) && Directory.EnumerateFiles(Path.Combine(dir, "sources"), "*.yaml").Any());

    private static (SiteWriteResult Result, string OutDir, int Files) Write(Checking.CheckReport report, string outDir, bool checkOnly)
    {
        // Each page is compared and written as soon as it is rendered: a large site is never all in memory.
        var result = SiteWriter.Write(outDir, sink => SiteBuilder.Build(report, sink), checkOnly);
        return (result, outDir, result.Files);
    }
}
