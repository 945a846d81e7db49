
namespace EvidenceTracker.Verification;

/// <summary>A snapshot taken: where it is stored and what the source file now records.</summary>
public sealed record SnapshotArchive
{
    public required string SourceId { get; init; }
    /// <summary>The source file, relative to the root.</summary>
    public required string SourceFile { get; init; }
    /// <summary>The <c>snapshot</c> field's value (relative to <c>sources/</c>).</summary>
    public required string Snapshot { get; init; }
    /// <summary>The snapshot file, relative to the root.</summary>
    public required string SnapshotFile { get; init; }
    public required string Sha256 { get; init; }
    public required string Archived { get; init; }
    public required long Bytes { get; init; }
    /// <summary>True when the snapshot and the source file were already exactly so (nothing written).</summary>
    public bool Unchanged { get; init; }
    /// <summary>The previous <c>snapshot</c> value when it named another file.</summary>
    public string? Previous { get; init; }
    /// <summary>Whether the previous snapshot was removed (the tool wrote it and nothing refers to it any more).</summary>
    public bool PreviousRemoved { get; init; }
    /// <summary>Other files of this source that earlier, interrupted runs wrote and nothing refers to, now removed (file names).</summary>
    public IReadOnlyList<string> StraysRemoved { get; init; } = [];
}
