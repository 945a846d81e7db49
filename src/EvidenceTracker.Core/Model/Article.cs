using EvidenceTracker.Articles;

namespace EvidenceTracker.Model;

public sealed record Article
{
    public required string Id { get; init; }
    public required string File { get; init; }
    /// <summary>The article's text (UTF-8 decoded, BOM removed).</summary>
    public required string Text { get; init; }
    /// <summary>The article parsed once, when loaded: front matter, sentences, footnote markers and definitions.</summary>
    public ArticleDocument Document { get; init; } = ArticleDocument.Empty;
}
