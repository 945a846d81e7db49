using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;

namespace EvidenceTracker.Articles;

/// <summary>How far a footnote marker's support reaches (<c>evidence.yaml: citation-scope</c>).</summary>
public enum CitationScope
{
    /// <summary>Every sentence of the paragraph since the previous marker (the default).</summary>
    Run,

    /// <summary>Only the sentence that the marker ends.</summary>
    Sentence,
}

/// <summary>What kind of Markdown block a body block came from.</summary>
public enum ArticleBlockKind
{
    Paragraph,
    Heading,
}

/// <summary>A sentence of a body block: offsets into <see cref="ArticleBlock.Text"/>, and where it starts in the file.</summary>
public sealed record ArticleSentence(int Start, int Length, string Text, Position Position)
{
    public int End => Start + Length;
}

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

/// <summary>A problem of the article file itself (front matter, emptiness), reported when the article is loaded.</summary>
public sealed record ArticleProblem(string Rule, Severity Severity, string Message, Position? Position);

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

/// <summary>A paragraph (list items and block quotes included) or a heading, as plain text with its sentences and markers.</summary>
public sealed class ArticleBlock
{
    private readonly int[] _map;

    internal ArticleBlock(ArticleBlockKind kind, bool inQuote, string text, int[] map, IReadOnlyList<ArticleSentence> sentences,
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

/// <summary>
/// An article parsed once: YAML front matter, body blocks with sentences and footnote markers (positions mapped back to
/// the file), and footnote definitions. Built by <see cref="ArticleParser"/>; never throws on any input.
/// </summary>
public sealed class ArticleDocument
{
    private readonly LineIndex _lines;
    private readonly Dictionary<string, FootnoteDefinition> _definitions;
    private CitedPassage[]?[] _passages = new CitedPassage[]?[2];
    private NormalizedText? _plain;
    private NormalizedText? _raw;

    internal ArticleDocument(string text, LineIndex lineStarts, string? frontMatter, IReadOnlyList<ArticleBlock> blocks,
        IReadOnlyList<FootnoteDefinition> definitions, IReadOnlyList<FootnoteMarker> definitionMarkers, IReadOnlyList<ArticleProblem> problems)
    {
        Text = text;
        _lines = lineStarts;
        FrontMatter = frontMatter;
        Blocks = blocks;
        Definitions = definitions;
        DefinitionMarkers = definitionMarkers;
        Problems = problems;
        _definitions = new Dictionary<string, FootnoteDefinition>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            _definitions.TryAdd(ArticleParser.NormalizeLabel(d.Label), d);
        }
    }

    public static ArticleDocument Empty { get; } = ArticleParser.Parse("");

    /// <summary>The article's text, as read.</summary>
    public string Text { get; }

    /// <summary>The YAML of the front matter (between the <c>---</c> lines), or null when there is none.</summary>
    public string? FrontMatter { get; }

    public IReadOnlyList<ArticleBlock> Blocks { get; }

    /// <summary>Every footnote definition, in file order, duplicates included.</summary>
    public IReadOnlyList<FootnoteDefinition> Definitions { get; }

    /// <summary>Markers found inside footnote definitions (a definition citing another).</summary>
    public IReadOnlyList<FootnoteMarker> DefinitionMarkers { get; }

    public IReadOnlyList<ArticleProblem> Problems { get; }

    /// <summary>Every body marker, in file order.</summary>
    public IEnumerable<FootnoteMarker> Markers => Blocks.SelectMany(b => b.Markers);

    /// <summary>Every citation key of the body, in file order.</summary>
    public IEnumerable<CitationKeyUse> Citations => Blocks.SelectMany(b => b.Citations);

    /// <summary>The article's citation-key aliases (alias → key), from <c>[@tag:name]: …</c> definitions and <c>citekey-aliases:</c>.</summary>
    public IReadOnlyDictionary<string, string> CitekeyAliases => _aliases ??= PandocCitations.Aliases(Text, FrontMatter);

    private IReadOnlyDictionary<string, string>? _aliases;

    /// <summary>The first definition of a label (labels compare case-insensitively, white space collapsed).</summary>
    public FootnoteDefinition? Definition(string label) =>
        _definitions.TryGetValue(ArticleParser.NormalizeLabel(label), out var d) ? d : null;

    /// <summary>The 1-based line and column of an offset of <see cref="Text"/>.</summary>
    public Position PositionOf(int offset) => _lines.PositionOf(offset);

    /// <summary>The cited passages under a citation scope, in file order (computed once per scope).</summary>
    public IReadOnlyList<CitedPassage> Passages(CitationScope scope) =>
        _passages[(int)scope] ??= CitationScopes.Compute(this, scope);

    /// <summary>
    /// Whether the article contains <paramref name="excerpt"/>, white space normalised: in its text as written, or in
    /// its plain text (inline Markdown and footnote markers removed).
    /// </summary>
    public bool ContainsExcerpt(string excerpt)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var needle = NormalizedText.Collapse(excerpt);
        if (needle.Length == 0)
        {
            return true;
        }
        _plain ??= PlainText();
        if (_plain.Text.Contains(needle, StringComparison.Ordinal))
        {
            return true;
        }
        _raw ??= new NormalizedText(Text, null);
        return _raw.Text.Contains(needle, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="excerpt"/> occurs in the plain text overlapping the given passage.</summary>
    public bool ExcerptOverlaps(string excerpt, CitedPassage passage) => Overlaps(passage, ExcerptSpans(excerpt));

    /// <summary>
    /// Where <paramref name="excerpt"/> occurs in the article's plain text (white space normalised): [Start, End)
    /// offsets of the plain text, for <see cref="Overlaps"/>. Empty when it does not occur there.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> ExcerptSpans(string excerpt)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var needle = NormalizedText.Collapse(excerpt);
        if (needle.Length == 0)
        {
            return [];
        }
        _plain ??= PlainText();
        var spans = new List<(int, int)>();
        for (var at = _plain.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0;
             at = at + 1 < _plain.Text.Length ? _plain.Text.IndexOf(needle, at + 1, StringComparison.Ordinal) : -1)
        {
            spans.Add(_plain.Original(at, needle.Length));
        }
        return spans;
    }

    /// <summary>
    /// Where <paramref name="excerpt"/> occurs in the article as written: [Start, End) offsets of <see cref="Text"/>, one per
    /// occurrence in the plain text that lies within one block, in file order — or, when the plain text has none, per
    /// occurrence in the text as written (white space normalised). The site marks these spans.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> ExcerptSourceSpans(string excerpt)
    {
        var spans = new List<(int, int)>();
        foreach (var (start, end) in ExcerptSpans(excerpt))
        {
            var b = Array.BinarySearch(_blockStarts!, start);
            if (b < 0)
            {
                b = ~b - 1;
            }
            if (b < 0 || end > _blockStarts![b] + Blocks[b].Text.Length)
            {
                continue; // across blocks: no single place to mark
            }
            spans.Add(Blocks[b].SourceSpan(start - _blockStarts[b], end - _blockStarts[b]));
        }
        if (spans.Count == 0 && NormalizedText.Collapse(excerpt) is { Length: > 0 } needle)
        {
            // An excerpt that quotes the Markdown as written (raw HTML such as <i>, which the page shows as text).
            var raw = _rawMapped ??= new NormalizedText(Text, true);
            for (var at = raw.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < raw.Text.Length ? raw.Text.IndexOf(needle, at + 1, StringComparison.Ordinal) : -1)
            {
                spans.Add(raw.Original(at, needle.Length));
            }
        }
        return spans;
    }

    private NormalizedText? _rawMapped;

    /// <summary>Whether any of the spans (from <see cref="ExcerptSpans"/>) overlaps the passage.</summary>
    public bool Overlaps(CitedPassage passage, IReadOnlyList<(int Start, int End)> spans)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return false;
        }
        _plain ??= PlainText();
        var block = Blocks[passage.Block];
        var start = _blockStarts![passage.Block] + block.Sentences[passage.FirstSentence].Start;
        var end = _blockStarts[passage.Block] + block.Sentences[passage.LastSentence].End;
        foreach (var (s, e) in spans)
        {
            if (s < end && e > start)
            {
                return true;
            }
        }
        return false;
    }

    private int[]? _blockStarts;

    private NormalizedText PlainText()
    {
        var sb = new System.Text.StringBuilder();
        _blockStarts = new int[Blocks.Count];
        for (var i = 0; i < Blocks.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("\n\n");
            }
            _blockStarts[i] = sb.Length;
            sb.Append(Blocks[i].Text);
        }
        return new NormalizedText(sb.ToString(), true);
    }
}

/// <summary>A text with runs of white space collapsed to one space (and trimmed), mapped back to the original offsets.</summary>
internal sealed class NormalizedText
{
    private readonly int[]? _map;

    public NormalizedText(string original, bool? keepMap)
    {
        var sb = new System.Text.StringBuilder(original.Length);
        var map = keepMap == true ? new List<int>(original.Length) : null;
        var pendingSpace = -1;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c))
            {
                if (pendingSpace < 0 && sb.Length > 0)
                {
                    pendingSpace = i;
                }
                continue;
            }
            if (pendingSpace >= 0)
            {
                sb.Append(' ');
                map?.Add(pendingSpace);
                pendingSpace = -1;
            }
            sb.Append(c);
            map?.Add(i);
        }
        Text = sb.ToString();
        _map = map?.ToArray();
    }

    public string Text { get; }

    /// <summary>The original [start, end) of a normalised span.</summary>
    public (int Start, int End) Original(int start, int length) =>
        _map is null ? (start, start + length) : (_map[start], _map[start + length - 1] + 1);

    public static string Collapse(string text) => new NormalizedText(text, null).Text;
}
