
namespace EvidenceTracker.Articles;

/// <summary>A paragraph (list items and block quotes included) or a heading, as plain text with its sentences and markers.</summary>
public sealed class ArticleBlock
{
    private readonly OffsetMap _map;

    internal ArticleBlock(ArticleBlockKind kind, bool inQuote, string text, OffsetMap map, IReadOnlyList<ArticleSentence> sentences,
        IReadOnlyList<FootnoteMarker> markers)
    {
        Kind = kind;
        InQuote = inQuote;
        Text = text;
        _map = map;
        Sentences = sentences;
        Markers = markers;
    }

    public ArticleBlockKind Kind { get; }
    public bool InQuote { get; }
    /// <summary>Plain text: inline Markdown rendered as text, footnote markers removed.</summary>
    public string Text { get; }
    public IReadOnlyList<ArticleSentence> Sentences { get; }
    /// <summary>The block's markers, in order.</summary>
    public IReadOnlyList<FootnoteMarker> Markers { get; }

    /// <summary>The block's citation keys (Pandoc and Manubot), in order.</summary>
    public IReadOnlyList<CitationKeyUse> Citations { get; internal init; } = [];

    /// <summary>The block's links to http(s) URLs, in order.</summary>
    public IReadOnlyList<InlineLink> Links { get; internal init; } = [];

    /// <summary>The index of the sentence that holds an offset of the article's text, or -1 when none does.</summary>
    public int SentenceAt(int sourceOffset)
    {
        for (var s = 0; s < Sentences.Count; s++)
        {
            var (start, end) = SourceSpan(Sentences[s].Start, Sentences[s].End);
            if (start <= sourceOffset && sourceOffset < end)
            {
                return s;
            }
        }
        return -1;
    }

    /// <summary>The offset in the article's text of a character of <see cref="Text"/>.</summary>
    public int SourceOffset(int textOffset) => _map.Length == 0 ? 0 : _map[Math.Clamp(textOffset, 0, _map.Length - 1)];

    /// <summary>The [start, end) offsets in the article's text of the characters [start, end) of <see cref="Text"/>.</summary>
    public (int Start, int End) SourceSpan(int textStart, int textEnd) =>
        textEnd <= textStart ? (SourceOffset(textStart), SourceOffset(textStart)) : (SourceOffset(textStart), SourceOffset(textEnd - 1) + 1);
}
