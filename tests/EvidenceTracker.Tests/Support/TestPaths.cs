namespace EvidenceTracker.Tests.Support;

/// <summary>Locations of the repository, its fixtures and its golden files.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Golden => Path.Combine(RepoRoot, "tests", "golden");

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "EvidenceTracker.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("EvidenceTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary evidence repository, deleted after the test.</summary>
public sealed class TempRepo : IDisposable
{
    public TempRepo(string? copyFixture = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "evidence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (copyFixture is not null)
        {
            CopyDirectory(TestPaths.Fixture(copyFixture), Root);
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(Root, "claims"));
            Directory.CreateDirectory(Path.Combine(Root, "sources"));
            Directory.CreateDirectory(Path.Combine(Root, "articles"));
        }
    }

    public string Root { get; }

    public string Full(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>
    /// Deletes the repository. Folders a test made unreadable are opened up first; links are never followed, so
    /// a link to <c>/dev/null</c> or to a folder outside leaves its target as it was (deleting a file needs no
    /// permission on the file itself, only on its folder).
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                OpenUp(new DirectoryInfo(Root));
            }
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void OpenUp(DirectoryInfo folder)
    {
        if (folder.LinkTarget is not null)
        {
            return;
        }
        folder.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var sub in folder.EnumerateDirectories("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            OpenUp(sub);
        }
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
