
namespace EvidenceTracker.Lookup;

/// <summary>One source's result in <c>evidence lookup</c>.</summary>
public sealed record SourceLookup
{
    public required string Id { get; init; }
    public required string File { get; init; }
    /// <summary>The fields written into the source file (those it lacked).</summary>
    public IReadOnlyList<string> Filled { get; init; } = [];
    /// <summary>Retraction, concern and correction notices found for it.</summary>
    public IReadOnlyList<UpdateNotice> Notices { get; init; } = [];
    /// <summary>One line per look-up that failed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
    /// <summary>True when the source has no identifier to look up.</summary>
    public bool NoIdentifier { get; init; }
}
