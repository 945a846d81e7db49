namespace EvidenceTracker.Tests.Fuzzing;

/// <summary>
/// A temporary folder for one fuzz run: copies of the fixture repositories (made when first needed), an empty
/// repository to import into, and the input file of the bibliography and article readers. Deleted when disposed.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    private readonly string _fixtures;
    private readonly string _root;
    private readonly HashSet<string> _copied = new(StringComparer.Ordinal);
    private string? _input;

    public FuzzWorkspace(string fixtures)
    {
        _fixtures = fixtures;
        _root = Path.Combine(Path.GetTempPath(), "evidence-fuzz", Guid.NewGuid().ToString("N"));
        EmptyRepository = Path.Combine(_root, "empty");
        foreach (var folder in new[] { "claims", "sources", "articles" })
        {
            Directory.CreateDirectory(Path.Combine(EmptyRepository, folder));
        }
        Directory.CreateDirectory(Path.Combine(_root, "input"));
    }

    /// <summary>A repository with empty claims/, sources/ and articles/ (imports are dry runs: it stays empty).</summary>
    public string EmptyRepository { get; }

    /// <summary>
    /// Puts <paramref name="input"/> where <paramref name="place"/> is in a copy of its fixture repository, runs
    /// <paramref name="read"/> on the repository root, and puts the fixture's own file back (or removes the input
    /// when the fixture has no such file).
    /// </summary>
    public FuzzOutcome WithFileIn(FixturePlace place, byte[] input, Func<string, FuzzOutcome> read)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(read);
        var repository = place.Repository ?? throw new ArgumentException($"{place} is not in a fixture repository", nameof(place));
        var root = Path.Combine(_root, "repos", repository);
        if (_copied.Add(repository))
        {
            CopyDirectory(Path.Combine(_fixtures, repository), root);
        }
        var target = Path.Combine(root, Path.GetRelativePath(repository, place.Path));
        var original = Path.Combine(_fixtures, place.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, input);
        try
        {
            return read(root);
        }
        finally
        {
            if (File.Exists(original))
            {
                File.Copy(original, target, overwrite: true);
            }
            else
            {
                File.Delete(target);
            }
        }
    }

    /// <summary>Writes <paramref name="input"/> as the one input file, named with <paramref name="extension"/>; returns its path.</summary>
    public string Input(byte[] input, string extension)
    {
        if (_input is not null && !_input.EndsWith(extension, StringComparison.Ordinal))
        {
            File.Delete(_input);
        }
        _input = Path.Combine(_root, "input", "input" + extension);
        File.WriteAllBytes(_input, input);
        return _input;
    }

    /// <summary>
    /// A folder holding <paramref name="input"/> as its one file, named <paramref name="fileName"/> (a site folder and its
    /// manifest); returns the folder.
    /// </summary>
    public string Folder(string fileName, byte[] input)
    {
        var folder = Path.Combine(_root, "folder");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), input);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
