using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Articles;

/// <summary>
/// A cited passage: the sentences <see cref="FirstSentence"/>..<see cref="LastSentence"/> of a block, within the
/// scope of a group of adjacent markers (<c>[^1][^5]</c> is one group).
/// </summary>
public sealed record CitedPassage
{
    public required int Block { get; init; }
    public required int FirstSentence { get; init; }
    public required int LastSentence { get; init; }
    public required IReadOnlyList<FootnoteMarker> Markers { get; init; }
    /// <summary>The passage's plain text (inline Markdown and markers removed), white space as in the block.</summary>
    public required string Text { get; init; }
    public required Position Position { get; init; }

    /// <summary>The citation keys (<c>[@key]</c>, in-text <c>@key</c>) that cite the passage: the sentence that holds them.</summary>
    public IReadOnlyList<CitationKeyUse> Keys { get; init; } = [];

    /// <summary>The passage's markers and citations as written: <c>[^1][^5]</c>, <c>[@a; @b]</c>.</summary>
    public string Citing => string.Join(' ', new[] { string.Concat(Markers.Select(m => $"[^{m.Label}]")) }
        .Concat(Keys.Select(k => k.Citation).Distinct(StringComparer.Ordinal)).Where(s => s.Length > 0));

    /// <summary>The distinct defined footnote labels the passage cites, in order.</summary>
    public IReadOnlyList<string> Labels => Markers.SelectMany(m => m.Labels).Distinct(StringComparer.Ordinal).ToList();
}
