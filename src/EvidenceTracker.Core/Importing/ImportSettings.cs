using EvidenceTracker.Model;

namespace EvidenceTracker.Importing;

/// <summary>What <c>evidence import</c> was asked to do.</summary>
public sealed record ImportSettings
{
    /// <summary>The evidence root (full path).</summary>
    public required string Root { get; init; }
    /// <summary>The inputs, as the user wrote them (relative to <see cref="WorkingDirectory"/> or absolute).</summary>
    public required IReadOnlyList<string> Paths { get; init; }
    /// <summary>The directory relative inputs are resolved against (full path).</summary>
    public required string WorkingDirectory { get; init; }
    /// <summary>The article id, for a single Markdown file.</summary>
    public string? Id { get; init; }
    public bool DryRun { get; init; }
    /// <summary>Also make a source of each linked http(s) page and a draft claim of each sentence holding such a link.</summary>
    public bool Links { get; init; }
    public OutputFormat Format { get; init; }
}
