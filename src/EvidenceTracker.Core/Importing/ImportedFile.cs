
namespace EvidenceTracker.Importing;

/// <summary>One file import wrote, would write, or found already there.</summary>
public sealed record ImportedFile
{
    public required ImportKind Kind { get; init; }
    public required string Id { get; init; }
    /// <summary>Relative to the root, with / separators.</summary>
    public required string Path { get; init; }
    public required ImportAction Action { get; init; }
    /// <summary>For an article: the input file as given. For a source: the footnote it came from. For a claim: its markers.</summary>
    public string? From { get; init; }
    /// <summary>For a claim or a source: the article it came from.</summary>
    public string? Article { get; init; }
    /// <summary>For a source from a bibliography: the entry it came from.</summary>
    public EntryOrigin? Entry { get; init; }
    /// <summary>For a merge or a skip: <c>doi</c>, <c>url</c> or <c>title+year</c>.</summary>
    public string? MatchedBy { get; init; }
    /// <summary>For a merge or a skip: whether the source existed before this import.</summary>
    public bool IntoExisting { get; init; }
    /// <summary>For a merge: the fields the entry added to the source.</summary>
    public IReadOnlyList<string> AddedFields { get; init; } = [];
    internal byte[]? Content { get; init; }
}
