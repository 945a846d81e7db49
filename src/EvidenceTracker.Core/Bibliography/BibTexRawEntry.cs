using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Bibliography;

/// <summary>A field of a BibTeX entry as read: its value (macros expanded, LaTeX not yet decoded) and where it starts.</summary>
internal sealed record BibTexField(string Value, Position At);

/// <summary>A BibTeX entry as read, before <c>crossref</c> inheritance and mapping onto a source.</summary>
internal sealed class BibTexRawEntry
{
    public required string Type { get; init; }
    public required string Key { get; init; }
    public required Position Start { get; init; }
    public Dictionary<string, BibTexField> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Field names in file order, lowercase.</summary>
    public List<string> Order { get; } = [];
}
