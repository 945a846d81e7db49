namespace EvidenceTracker.Diagnostics;

/// <summary>How serious a finding is. <see cref="Off"/> disables a rule.</summary>
public enum Severity
{
    Off = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>A 1-based position in a file.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static readonly Position Start = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>One result of a rule: what is wrong, where, and which claim, source or article it concerns.</summary>
public sealed record Finding
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string Message { get; init; }

    /// <summary>Path relative to the evidence root, with <c>/</c> separators.</summary>
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    public string? Claim { get; init; }
    public string? Source { get; init; }
    public string? Article { get; init; }

    /// <summary>Kept on purpose by a <c>suppress:</c> entry: reported in JSON and SARIF, not counted.</summary>
    public bool Suppressed { get; init; }

    public Position? Position => Line is int l ? new Position(l, Column ?? 1) : null;
}

/// <summary>Collects findings for one file; positions come from the YAML parser's marks.</summary>
public sealed class FindingSink(string file)
{
    private readonly List<Finding> _findings = [];

    public string File { get; } = file;
    public IReadOnlyList<Finding> Findings => _findings;

    public string? Claim { get; set; }
    public string? Source { get; set; }
    public string? Article { get; set; }

    public void Add(string rule, string message, Position? at) => Add(rule, Rules.DefaultSeverity(rule), message, at);

    /// <summary>A finding with a severity other than its rule's default (a warning under <c>schema</c>, for example).</summary>
    public void Add(string rule, Severity severity, string message, Position? at) =>
        _findings.Add(new Finding
        {
            Rule = rule,
            Severity = severity,
            Message = message,
            File = File,
            Line = at?.Line,
            Column = at?.Column,
            Claim = Claim,
            Source = Source,
            Article = Article,
        });
}
