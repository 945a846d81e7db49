using System.Runtime.ExceptionServices;
using EvidenceTracker.Loading;
using EvidenceTracker.Site;

namespace EvidenceTracker.App;

public static class SiteService
{
    /// <summary>The folders of the evidence: an output folder may not be one of them, inside one, or hold one.</summary>
    private static readonly string[] EvidenceFolders = ["claims", "sources", "articles", ".git"];

    /// <summary>How long a build waits for another build of its folder: a build of 100,000 claims takes a minute or two.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(10);

    public static (SiteWriteResult Result, string OutDir, int Files) Build(BuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = RepositoryLoader.ResolveRoot(settings.Root);
        var outDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Out ?? Path.Combine(root, "site"), root));
        RefuseUnsafeOutput(root, outDir, settings.Out ?? outDir);
        if (!settings.CheckOnly && !File.Exists(outDir))
        {
            Directory.CreateDirectory(outDir);
        }
        // One build of a folder at a time, from reading the repository to the last page: two at once could each take the
        // other's pages (and its manifest) for their own, and leave a site that a later build calls up to date.
        var shown = Path.GetRelativePath(root, outDir) is var rel && !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel) ? rel + "/" : outDir;
        using var building = Directory.Exists(outDir)
            ? EvidenceTracker.Storage.EditLock.Acquire(outDir, shown, "built", settings.LockTimeout ?? DefaultLockTimeout)
            : null;
        return BuildLocked(settings, root, outDir);
    }

    private static (SiteWriteResult Result, string OutDir, int Files) BuildLocked(BuildSettings settings, string root, string outDir)
    {
        var set = RepositoryLoader.Load(root, contentHashes: true); // pages are keyed on their inputs' digests
        // The repository the last build read, unchanged, and its pages all there: no rule to run, no page to render.
        var repository = settings.CheckOnly ? null : RepositoryDigest.Of(set);
        if (repository is not null && !settings.Full && SiteWriter.UpToDate(outDir, repository) is { } upToDate)
        {
            return (upToDate, outDir, upToDate.Files);
        }
        var report = Checking.Checker.Run(set);
        var options = new SiteWriteOptions
        {
            CheckOnly = settings.CheckOnly,
            Force = settings.Force,
            Full = settings.Full,
            // The default site/ of a repository built before manifests existed: its pages are the build's.
            AdoptPages = settings.Out is null || PathsEqual(outDir, Path.Combine(root, "site")),
            Repository = repository,
        };
        try
        {
            // Only the groups of pages whose inputs changed are rendered; each page is compared and written as soon as it
            // is rendered: a large site is never all in memory.
            var result = SiteWriter.Write(outDir, SiteBuilder.Groups(report), options);
            return (result, outDir, result.Files);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is SiteOutputException or IOException or UnauthorizedAccessException) is { } first)
        {
            // Pages render in parallel: several may refuse at once; the first reason is the one to report.
            ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    /// <summary>
    /// Refuses, with a one-line reason, an output folder that is the repository or holds it, that is or holds or lies in
    /// claims/, sources/, articles/ or .git, that holds another repository's evidence or .git, or that is a link.
    /// Paths are compared after resolving every link on the way, so a link to claims/ is caught as claims/ itself.
    /// </summary>
    private static void RefuseUnsafeOutput(string root, string outDir, string shown)
    {
        if (new DirectoryInfo(outDir).LinkTarget is not null)
        {
            throw new SiteOutputException($"--out '{shown}' is a link; the build never writes through a link: give a folder of its own, such as site/");
        }
        var realRoot = RealPath(root);
        var realOut = RealPath(outDir);
        if (Within(realRoot, realOut))
        {
            throw new SiteOutputException($"--out '{shown}' would hold the evidence itself; give a folder of its own, such as site/");
        }
        foreach (var name in EvidenceFolders)
        {
            var evidence = RealPath(Path.Combine(root, name));
            if (Within(realOut, evidence) || Within(evidence, realOut))
            {
                throw new SiteOutputException($"--out '{shown}' would {(name == ".git" ? "hold or lie in the repository's .git" : $"hold or lie in the evidence ({name}/)")}; give a folder of its own, such as site/");
            }
        }
        if (Within(outDir, root) && !Within(realOut, realRoot))
        {
            throw new SiteOutputException($"--out '{shown}' leads out of the repository through a link; give a folder of its own, such as site/");
        }
        if (HoldsEvidence(realOut) || Directory.Exists(Path.Combine(realOut, ".git")) || File.Exists(Path.Combine(realOut, ".git")))
        {
            throw new SiteOutputException($"--out '{shown}' holds an evidence repository or a .git; give a folder of its own, such as site/");
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    private static bool Within(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    /// <summary>The path with every link on the way resolved (the parts that do not exist yet kept as they are).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var result = Path.GetPathRoot(full)!;
        foreach (var part in full[result.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(result, part);
            if (depth < 40 && new FileInfo(next).LinkTarget is { } target)
            {
                next = RealPath(Path.GetFullPath(target, result), depth + 1);
            }
            result = next;
        }
        return result;
    }

    private static readonly EnumerationOptions NoLinks = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };

    /// <summary>A folder with settings or YAML claims and sources in it is an evidence repository, not a site.</summary>
    private static bool HoldsEvidence(string dir) =>
        File.Exists(Path.Combine(dir, RepositoryLoader.ConfigFile))
        || (Directory.Exists(Path.Combine(dir, "claims")) && Directory.EnumerateFiles(Path.Combine(dir, "claims"), "*.yaml", NoLinks).Any())
        || (Directory.Exists(Path.Combine(dir, "sources")) && Directory.EnumerateFiles(Path.Combine(dir, "sources"), "*.yaml").Any());
}
