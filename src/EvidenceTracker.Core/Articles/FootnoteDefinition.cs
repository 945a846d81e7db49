using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>A footnote definition (<c>[^label]: content</c>); <see cref="Content"/> is the raw text after the colon.</summary>
public sealed record FootnoteDefinition
{
    public required string Label { get; init; }
    public required string Content { get; init; }
    /// <summary>The position of the definition's <c>[</c>.</summary>
    public required Position Position { get; init; }
    /// <summary>When another definition with the same label came first: the position of that first one.</summary>
    public Position? DuplicateOf { get; init; }
}
