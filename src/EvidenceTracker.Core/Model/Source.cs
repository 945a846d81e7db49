using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Model;

public sealed record Source
{
    public required string Id { get; init; }
    public required string File { get; init; }
    /// <summary>The kind of source; <see cref="SourceType.Other"/> when the file's <c>type:</c> is missing or unknown (a <c>schema</c> finding at load).</summary>
    public required SourceType Type { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Date { get; init; }
    public string? Accessed { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Lang { get; init; }
    public SourceLevel? Level { get; init; }
    public IReadOnlyList<string> ReportsOn { get; init; } = [];
    /// <summary>The position of each <see cref="ReportsOn"/> item.</summary>
    public IReadOnlyList<Position> ReportsOnPositions { get; init; } = [];
    public string? Snapshot { get; init; }
    public string? SnapshotSha256 { get; init; }
    public string? Archived { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    /// <summary>Findings of this source kept on purpose (<c>suppress:</c>).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
    /// <summary>Other names articles use for the source: BibTeX/Pandoc citation keys.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
    public string? Pmcid { get; init; }
    public string? Arxiv { get; init; }
    public string? Isbn { get; init; }
    /// <summary>A public archived copy (for example on the Wayback Machine).</summary>
    public string? ArchiveUrl { get; init; }
    public FieldPositions Positions { get; init; } = FieldPositions.Empty;
}
