namespace EvidenceTracker.Verification;

/// <summary>
/// The real path of a file or folder, with every symbolic link on the way resolved (like POSIX realpath), so
/// that "is it inside the repository?" is decided on what would actually be read, not on how it is spelt.
/// </summary>
public static class RealPath
{
    /// <summary>More links than this on one path is a loop.</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// Resolves <paramref name="path"/> (absolute: the caller resolves a relative path against its own working directory). Components that do
    /// not exist are kept as written. Null when the links loop or a link cannot be read.
    /// </summary>
    public static string? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException($"an absolute path is needed, not '{path}'", nameof(path));
        }
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return null; // no file has such a name; the callers report it as one that cannot be resolved
        }
        // Not Path.GetFullPath: it would remove "a/link/.." lexically, where the OS goes through the link.
        var absolute = path;
        var pending = new Stack<string>(Components(absolute).Reverse());
        var current = Path.GetPathRoot(absolute) ?? "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name == "..")
            {
                current = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(current)) ?? current;
                continue;
            }
            if (name == ".")
            {
                continue;
            }
            var candidate = Path.Combine(current, name);
            string? target;
            try
            {
                FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
                target = info.LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            if (target is null)
            {
                current = candidate;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            // Resolve the link's target in place of the link: an absolute target restarts from its root, a
            // relative one from the link's folder. Its components go back on the stack.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? "/";
            }
            foreach (var part in Components(target).Reverse())
            {
                pending.Push(part);
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> lies strictly inside the folder <paramref name="root"/> (both real paths).</summary>
    public static bool IsInside(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        var r = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return path.StartsWith(r, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static IEnumerable<string> Components(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path[root.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
