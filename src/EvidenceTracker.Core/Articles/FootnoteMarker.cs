using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>
/// A footnote marker (<c>[^label]</c>) in the body (<see cref="Block"/> ≥ 0) or inside a footnote definition
/// (<see cref="Block"/> = -1). <see cref="Labels"/> are the defined footnotes it resolves to: the label itself,
/// or for a malformed list such as <c>[^2, ^3]</c> the labels it names; empty when none is defined.
/// </summary>
public sealed record FootnoteMarker
{
    public required string Label { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public required Position Position { get; init; }
    public required int Block { get; init; }
    /// <summary>Offset in the block's text where the marker stood (markers are removed from the text).</summary>
    public required int TextOffset { get; init; }
    /// <summary>True when the label names no definition as written (undefined, or a list like <c>[^2, ^3]</c>).</summary>
    public bool IsUndefined { get; init; }
}
