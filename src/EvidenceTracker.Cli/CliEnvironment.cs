namespace EvidenceTracker.Cli;

/// <summary>What the CLI needs to know about its surroundings; tests pass their own.</summary>
public sealed record CliEnvironment
{
    public bool StdoutIsTerminal { get; init; }
    public bool StdinIsTerminal { get; init; }
    /// <summary>The NO_COLOR convention: any non-empty value turns colour off.</summary>
    public bool NoColor { get; init; }
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;
    /// <summary>Where answers to prompts come from (standard input).</summary>
    public TextReader Input { get; init; } = TextReader.Null;
    /// <summary>The date commands record (for example as a snapshot's archive date); tests fix it.</summary>
    public Func<DateOnly> Today { get; init; } = () => DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>EVIDENCE_TIMINGS=1: <c>check</c> prints where its time went on stderr (for benchmarks).</summary>
    public bool Timings { get; init; }
    /// <summary>Environment variables (the look-up services' base URLs, NCBI_API_KEY, EVIDENCE_MAILTO); tests pass their own.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    public static CliEnvironment FromConsole() => new()
    {
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StdinIsTerminal = !Console.IsInputRedirected,
        NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Input = Console.In,
        Timings = Environment.GetEnvironmentVariable("EVIDENCE_TIMINGS") == "1",
    };

    /// <summary>Plain output for tests: no terminal, no colour.</summary>
    public static CliEnvironment Plain(string workingDirectory) => new() { WorkingDirectory = workingDirectory };
}
