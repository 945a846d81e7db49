using System.Security.Cryptography;
using EvidenceTracker.Loading;

namespace EvidenceTracker.Site;

/// <summary>
/// The digest of everything a check of the repository reads, taken right after loading and before any rule runs: when
/// the site's manifest recorded the same digest, every page is what the last build wrote and the build skips the check
/// and the rendering altogether. It covers this build of the tool; every loaded file (path and content hash) and every
/// finding of loading (files that could not be read, links, bad names); and every file under <c>sources/</c>, which is
/// where the rules read beyond loading: snapshots (quotes and stray files), the look-up cache (retraction notices) and
/// source files that could not be parsed. Null — no shortcut — when any of that cannot be known for sure: a link under
/// <c>sources/</c>, a file there that cannot be read, a snapshot named outside <c>sources/</c>, or a set loaded without
/// its files' digests.
/// </summary>
public static class RepositoryDigest
{
    public static string? Of(EvidenceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.HasContentHashes)
        {
            return null; // loaded without file digests: nothing can be known to be unchanged
        }
        var sourcesFolder = Path.Combine(set.Root, "sources");
        foreach (var source in set.Sources)
        {
            if (source.Snapshot is { } snapshot && (Model.Values.SnapshotPathProblem(snapshot) is not null || !Inside(Path.GetFullPath(Path.Combine(sourcesFolder, snapshot)), sourcesFolder)))
            {
                return null;
            }
        }
        var parts = new List<string> { "evidence-repository 1", PageInputs.ToolIdentity };
        foreach (var (path, hash) in set.ContentHashes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            parts.Add($"file {path} {hash}");
        }
        foreach (var finding in set.LoadFindings.Select(f => f.ToString()).Order(StringComparer.Ordinal))
        {
            parts.Add("load " + finding);
        }
        if (Directory.Exists(sourcesFolder) || File.Exists(sourcesFolder))
        {
            if (new DirectoryInfo(sourcesFolder).LinkTarget is not null || File.Exists(sourcesFolder))
            {
                return null;
            }
            var files = new List<string>();
            if (!Walk(new DirectoryInfo(sourcesFolder), "sources/", files))
            {
                return null;
            }
            files.Sort(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (set.ContentHashes.TryGetValue(file, out var loaded))
                {
                    parts.Add($"source folder {file} {loaded}");
                    continue;
                }
                try
                {
                    var length = new FileInfo(Path.Combine(set.Root, file)).Length;
                    if (length > SafeFile.MaxDocumentBytes)
                    {
                        parts.Add($"source folder {file} {length} bytes, not read"); // the rules do not read it either
                        continue;
                    }
                    using var stream = new FileStream(Path.Combine(set.Root, file), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                    parts.Add($"source folder {file} {Convert.ToHexStringLower(SHA256.HashData(stream))}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
            }
        }
        else
        {
            parts.Add("no sources folder");
        }
        return Hash(parts);
    }

    /// <summary>Every file under <paramref name="dir"/> (hidden ones included), relative to the repository; false at a link or anything but files and folders.</summary>
    private static bool Walk(DirectoryInfo dir, string prefix, List<string> files)
    {
        try
        {
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 || entry.LinkTarget is not null)
                {
                    return false;
                }
                if (entry is DirectoryInfo sub)
                {
                    if (!Walk(sub, prefix + entry.Name + "/", files))
                    {
                        return false;
                    }
                }
                else if (((FileInfo)entry).Length == 0 && Storage.LinuxFiles.IsSpecial(entry.FullName) != false)
                {
                    return false; // a named pipe, a socket or a device (or a type that cannot be told): never opened
                }
                else
                {
                    files.Add(prefix + entry.Name);
                }
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Inside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static string Hash(List<string> parts)
    {
        using var digest = new PartsDigest();
        foreach (var part in parts)
        {
            digest.Add(part);
        }
        return digest.Finish();
    }
}
