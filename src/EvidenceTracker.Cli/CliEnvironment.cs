namespace EvidenceTracker.Cli;

/// <summary>What the CLI needs to know about its surroundings; tests pass their own.</summary>
public sealed record CliEnvironment
{
    public bool StdoutIsTerminal { get; init; }
    public bool StdinIsTerminal { get; init; }
    /// <summary>The NO_COLOR convention: any non-empty value turns colour off.</summary>
    public bool NoColor { get; init; }
    /// <summary>
    /// The folder relative paths are resolved against; null when the process's current directory no longer exists
    /// (deleted under the shell). Commands reach it through <see cref="RequireWorkingDirectory"/>, so --version and
    /// --help work anyway and an absolute --root still does.
    /// </summary>
    public string? WorkingDirectory { get; init; } = CurrentDirectoryOrNull();
    /// <summary>Where answers to prompts come from (standard input).</summary>
    public TextReader Input { get; init; } = TextReader.Null;
    /// <summary>The date commands record (for example as a snapshot's archive date); tests fix it.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>EVIDENCE_TIMINGS=1: <c>check</c> prints where its time went on stderr (for benchmarks).</summary>
    public bool Timings { get; init; }
    /// <summary>
    /// Reads an environment variable: GITHUB_STEP_SUMMARY and the GITHUB_* values that link files; the look-up
    /// services' base URLs, NCBI_API_KEY and EVIDENCE_MAILTO. The console reads the process's; tests pass their own.
    /// </summary>
    public Func<string, string?> Variable { get; init; } = _ => null;

    /// <summary>The working directory, or an I/O error (a one-line message, exit 2) when it was deleted.</summary>
    public string RequireWorkingDirectory() =>
        WorkingDirectory ?? throw new DirectoryNotFoundException(
            "the current directory no longer exists (was it deleted?); change to an existing folder or pass --root with an absolute path");

    /// <summary><paramref name="path"/> made absolute; only a relative path needs the working directory.</summary>
    public string FullPath(string path) =>
        Path.IsPathFullyQualified(path) ? Path.GetFullPath(path) : Path.GetFullPath(path, RequireWorkingDirectory());

    /// <summary>The folder to resolve <paramref name="paths"/> against: the working directory, needed only when one is relative
    /// (absolute paths ignore the base, so without a working directory any folder does).</summary>
    public string BaseFor(IEnumerable<string> paths) =>
        WorkingDirectory ?? (paths.All(Path.IsPathFullyQualified) ? Path.GetPathRoot(AppContext.BaseDirectory)! : RequireWorkingDirectory());

    private static string? CurrentDirectoryOrNull()
    {
        try
        {
            return Environment.CurrentDirectory;
        }
        catch (IOException)
        {
            // getcwd fails with ENOENT once the directory is removed; .NET reports it as FileNotFoundException
            return null;
        }
    }

    public static CliEnvironment FromConsole() => new()
    {
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StdinIsTerminal = !Console.IsInputRedirected,
        NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Input = Console.In,
        Timings = Environment.GetEnvironmentVariable("EVIDENCE_TIMINGS") == "1",
        Variable = Environment.GetEnvironmentVariable,
    };

    /// <summary>Plain output for tests: no terminal, no colour.</summary>
    public static CliEnvironment Plain(string workingDirectory) => new() { WorkingDirectory = workingDirectory };
}
