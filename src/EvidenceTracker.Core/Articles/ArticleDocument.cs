using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;

namespace EvidenceTracker.Articles;

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

    /// <summary>The most occurrences of an excerpt looked at (an excerpt of one word may occur thousands of times).</summary>
    internal const int MaxExcerptSpans = 1_000;

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
        return [.. new OrdinalSearch(needle).FindAll(_plain.Text, 0, MaxExcerptSpans).Select(at => _plain.Original(at, needle.Length))];
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
            spans.AddRange(new OrdinalSearch(needle).FindAll(raw.Text, 0, MaxExcerptSpans).Select(at => raw.Original(at, needle.Length)));
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
