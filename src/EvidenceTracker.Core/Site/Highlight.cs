namespace EvidenceTracker.Site;

/// <summary>
/// A passage of the article to highlight: a tracked excerpt with the claim it belongs to, or an uncited sentence, at
/// [Start, End) offsets of the article's text as the article parser found them (the renderer searches for nothing).
/// </summary>
/// <remarks>
/// Overlapping excerpts nest. A highlight that <see cref="FillsGaps"/> (an uncited sentence) marks only the parts of its
/// span that no excerpt marks, so an uncited mark never holds an excerpt's. <see cref="Id"/>, when set, goes on the
/// first mark of the first span, so that <c>#claim-…</c> reaches it.
/// </remarks>
/// <param name="Description">What a screen reader says of the highlight's label link (the claim, its level and verdict).</param>
public sealed record Highlight(IReadOnlyList<(int Start, int End)> Spans, string CssClass, string Label, string? Href, string Description, bool FillsGaps = false)
{
    public string? Id { get; init; }

    /// <summary>Whether the highlighted text itself links to <see cref="Href"/> (a claim); when not, only the label does.</summary>
    public bool LinksText { get; init; } = true;
}
