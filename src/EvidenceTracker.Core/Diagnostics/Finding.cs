namespace EvidenceTracker.Diagnostics;

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
