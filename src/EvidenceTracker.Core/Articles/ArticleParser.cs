using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Text;
using EvidenceTracker.Yaml;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EvidenceTracker.Articles;

/// <summary>
/// Parses an article (Markdown with YAML front matter and <c>[^n]</c> footnotes) into an <see cref="ArticleDocument"/>.
/// Markdig gives the block structure and inline Markdown; footnote definitions and markers are found by the project's
/// own scans (see <see cref="LineScanner"/>), so every marker and definition keeps its exact line and column.
/// </summary>
public static partial class ArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .Use<AdmonitionExtension>()
        .UsePreciseSourceLocation()
        .Use<LinearSetextExtension>()
        .Use<InlineBudgetExtension>()
        .Build();

    /// <summary>Markers longer than this are not markers (a stray <c>[^</c> followed by prose).</summary>
    private const int MaxLabelLength = 100;

    public static ArticleDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ArticleProblem>();
        var scan = LineScanner.Scan(text);
        var lineStarts = scan.Lines;
        Position At(int offset) => lineStarts.PositionOf(offset);

        if (text.AsSpan().Trim().Length == 0)
        {
            problems.Add(new ArticleProblem(Rules.Schema, Severity.Warning, "the article is empty", Position.Start));
        }
        if (TooDeep(text, lineStarts) is int deepLine)
        {
            // Markdig would give up on such nesting anyway, after a long time; say so at once.
            problems.Add(new ArticleProblem(Rules.Schema, Severity.Error,
                $"line {deepLine} is nested more than {MaxNesting} levels deep (quotes, lists or indentation); the article's body is not analysed",
                new Position(deepLine, 1)));
            return new ArticleDocument(text, lineStarts, null, [], [], [], problems);
        }

        // Markdig sees the text with the definitions (and TOML front matter) blanked out, offsets unchanged.
        var chars = text.ToCharArray();
        foreach (var d in scan.Definitions)
        {
            Blank(chars, d.Start, d.End);
        }
        if (scan.FrontMatter == LineScanner.FrontMatterKind.Toml)
        {
            Blank(chars, 0, scan.FrontMatterEndLine + 1 < lineStarts.Count ? lineStarts[scan.FrontMatterEndLine + 1] : text.Length);
        }
        // Hugo shortcodes ({{< figure src="x.png" width="600" >}}, {{% note %}}), MkDocs icons and ==mark== are markup, not prose.
        SiteGeneratorSyntax.Blank(chars, text);
        var held = HoldOpenDestinations(chars);
        var blanked = new string(chars);
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(blanked, Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            problems.Add(new ArticleProblem(Rules.Schema, Severity.Error, $"the Markdown could not be parsed: {ex.Message}", Position.Start));
            markdown = [];
        }

        string? frontMatter = null;
        if (markdown.Count > 0 && markdown[0] is YamlFrontMatterBlock fm)
        {
            // The YAML runs from line 2 to the line before the closing --- (the line holding the block's last character).
            var yamlStart = lineStarts.Count > 1 ? lineStarts[1] : text.Length;
            var closeLine = lineStarts.PositionOf(Math.Clamp(fm.Span.End, 0, text.Length)).Line - 1;
            var yamlEnd = closeLine >= 1 ? lineStarts[closeLine] : yamlStart;
            frontMatter = yamlEnd > yamlStart ? text[yamlStart..yamlEnd] : "";
            CheckFrontMatter(frontMatter, problems);
        }
        else if (scan.FrontMatter == LineScanner.FrontMatterKind.Unclosed)
        {
            problems.Add(new ArticleProblem(Rules.YamlSyntax, Severity.Error,
                "the front matter opened on line 1 is never closed: end it with a line of ---", Position.Start));
        }
        else if (scan.FrontMatter == LineScanner.FrontMatterKind.Toml)
        {
            frontMatter = text[(lineStarts.Count > 1 ? lineStarts[1] : text.Length)..(scan.FrontMatterEndLine < lineStarts.Count ? lineStarts[scan.FrontMatterEndLine] : text.Length)];
            if (ArticleFrontMatter.TomlProblem(frontMatter) is { } tomlProblem)
            {
                problems.Add(tomlProblem);
            }
        }

        var definitions = new List<FootnoteDefinition>();
        var firstByLabel = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var d in scan.Definitions)
        {
            var position = At(d.LabelStart);
            var key = NormalizeLabel(d.Label);
            Position? duplicateOf = firstByLabel.TryGetValue(key, out var first) ? first : null;
            firstByLabel.TryAdd(key, position);
            definitions.Add(new FootnoteDefinition { Label = d.Label, Content = d.Content, Position = position, DuplicateOf = duplicateOf });
        }
        var defined = firstByLabel.Keys.ToHashSet(StringComparer.Ordinal);

        var blocks = new List<ArticleBlock>();
        var builder = new PlainTextBuilder(blanked, held); // the text Markdig saw: same offsets, shortcodes blanked
        CollectBlocks(markdown, inQuote: false, builder, blocks, defined, At, problems);

        var definitionMarkers = new List<FootnoteMarker>();
        foreach (var d in scan.Definitions)
        {
            // Markers inside a definition count as citations of the footnotes they name (for unused-footnote).
            foreach (var (start, length) in FindMarkers(d.Content, null))
            {
                var label = d.Content.Substring(start + 2, length - 3);
                var (labels, undefined) = Resolve(label, defined);
                definitionMarkers.Add(new FootnoteMarker
                {
                    Label = label, Labels = labels, Position = At(d.Start), Block = -1, TextOffset = 0, IsUndefined = undefined,
                });
            }
        }

        return new ArticleDocument(text, lineStarts, frontMatter, blocks, definitions, definitionMarkers, problems);
    }

    /// <summary>Container nesting beyond which an article is not parsed (Markdig's own limit is of the same order).</summary>
    public const int MaxNesting = 100;

    /// <summary>
    /// The first line (1-based) whose container prefix is deeper than <see cref="MaxNesting"/> levels; null when none is.
    /// Markdig opens such containers in time that grows with the square of their depth before it gives up: the site's
    /// renderers ask this first, as the parser does.
    /// </summary>
    internal static int? TooDeep(string text) => TooDeep(text, LineIndex.Of(text));

    /// <summary>The first line whose container prefix (spaces, tabs, &gt;, list bullets, ordered-list numbers) is deeper than <see cref="MaxNesting"/> levels.</summary>
    private static int? TooDeep(string text, LineIndex lineStarts)
    {
        for (var l = 0; l < lineStarts.Count; l++)
        {
            int width = 0, quotes = 0;
            for (var i = FootnoteLabelEnd(text, lineStarts[l]); i < text.Length; i++)
            {
                var c = text[i];
                if (c == ' ')
                {
                    width++;
                }
                else if (c == '\t')
                {
                    width += 4;
                }
                else if (c == '>' || (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] is ' ' or '\t'))
                {
                    quotes++; // a quote marker, or a list bullet (a rule such as ***** is not nesting)
                }
                else if (OrderedMarkerEnd(text, i) is int end)
                {
                    quotes++; // an ordered list's number: 1. or 1)
                    i = end - 1;
                }
                else
                {
                    break;
                }
            }
            if (width / 4 + quotes > MaxNesting * 2 || quotes > MaxNesting)
            {
                return l + 1;
            }
        }
        return null;
    }

    /// <summary>
    /// Where a footnote definition's content starts on a line that opens one (<c>[^label]:</c>, the label under
    /// <see cref="MaxLabelLength"/>): its content nests as a block of its own on the article page. Else <paramref name="start"/>.
    /// </summary>
    private static int FootnoteLabelEnd(string text, int start)
    {
        if (start + 1 >= text.Length || text[start] != '[' || text[start + 1] != '^')
        {
            return start;
        }
        var close = text.AsSpan(start, Math.Min(MaxLabelLength + 4, text.Length - start)).IndexOf("]:", StringComparison.Ordinal);
        return close > 2 ? start + close + 2 : start;
    }

    /// <summary>The offset of the space after an ordered-list marker (1 to 9 digits, then '.' or ')') at <paramref name="i"/>.</summary>
    private static int? OrderedMarkerEnd(string text, int i)
    {
        var k = i;
        while (k < text.Length && k - i < 9 && char.IsAsciiDigit(text[k]))
        {
            k++;
        }
        return k > i && k + 1 < text.Length && text[k] is '.' or ')' && text[k + 1] is ' ' or '\t' ? k + 1 : null;
    }

    /// <summary>Whether inline Markdown (emphasis, links) nests deeper than <see cref="MaxNesting"/>: measured without recursion.</summary>
    public static bool InlineTooDeep(ContainerInline inline)
    {
        ArgumentNullException.ThrowIfNull(inline);
        var nested = false;
        for (var child = inline.FirstChild; child is not null && !nested; child = child.NextSibling)
        {
            nested = child is ContainerInline;
        }
        if (!nested)
        {
            return false; // plain text and code (most paragraphs): nothing to walk
        }
        var stack = new Stack<(ContainerInline Container, int Depth)>();
        stack.Push((inline, 0));
        while (stack.Count > 0)
        {
            var (container, depth) = stack.Pop();
            if (depth > MaxNesting)
            {
                return true;
            }
            for (var child = container.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is ContainerInline c)
                {
                    stack.Push((c, depth + 1));
                }
            }
        }
        return false;
    }

    /// <summary>What an opening parenthesis held back from Markdig is replaced with (a private-use character).</summary>
    internal const char HeldParenthesis = '\uE000';

    /// <summary>
    /// <paramref name="text"/> as Markdig should see it (the same offsets): with the parentheses
    /// <see cref="HoldOpenDestinations(char[])"/> holds back replaced by <see cref="HeldParenthesis"/>. The site's
    /// renderers parse the article again and use this, so that they stay linear where the parser does.
    /// </summary>
    internal static string HoldOpenDestinations(string text, out HashSet<int>? held)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        held = HoldOpenDestinations(chars);
        return held is null ? text : new string(chars);
    }

    /// <summary>
    /// Markdig reads an inline link's destination from the <c>(</c> after <c>]</c> to the <c>)</c> that closes it or
    /// to the first space. Where parentheses never close (<c>[a](</c> 50,000 times on one line), every <c>]</c> scans
    /// to the end of the run: time quadratic in its length. When those scans would add up to more than a few times the
    /// text's length (they never do in an article of real links), each such <c>(</c> that cannot begin a destination —
    /// an unclosed one with another unclosed one after it in the same run, so its parentheses cannot balance — is
    /// replaced with <see cref="HeldParenthesis"/>, which Markdig reads as text; the plain text shows <c>(</c> again.
    /// The offsets replaced, or null when none is.
    /// </summary>
    private static HashSet<int>? HoldOpenDestinations(char[] chars)
    {
        long scans = 0;
        var budget = 4L * chars.Length + 65_536;
        var open = new List<int>(); // unclosed '(' of the current run
        var links = new List<int>(); // '(' after ']' in the current run, still open
        var unclosed = new List<int>(); // '(' after ']' left open at the end of their run, with another open one after them
        void EndRun(int at)
        {
            for (var k = 0; k < links.Count; k++)
            {
                scans += at - links[k];
                if (links[k] != open[^1])
                {
                    unclosed.Add(links[k]);
                }
            }
            open.Clear();
            links.Clear();
        }
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c <= ' ' || c == '\u007F')
            {
                EndRun(i);
            }
            else if (c == '\\')
            {
                i++; // an escaped character is not a parenthesis
            }
            else if (c == '(')
            {
                open.Add(i);
                if (i > 0 && chars[i - 1] == ']')
                {
                    links.Add(i);
                }
            }
            else if (c == ')' && open.Count > 0)
            {
                var closed = open[^1];
                open.RemoveAt(open.Count - 1);
                if (links.Count > 0 && links[^1] == closed)
                {
                    links.RemoveAt(links.Count - 1);
                    scans += i - closed;
                }
            }
        }
        EndRun(chars.Length);
        if (scans <= budget || unclosed.Count == 0)
        {
            return null;
        }
        foreach (var at in unclosed)
        {
            chars[at] = HeldParenthesis;
        }
        return [.. unclosed];
    }

    /// <summary>Labels compare as Markdown link labels do: case-insensitively, white space collapsed.</summary>
    public static string NormalizeLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return NormalizedText.Collapse(label).ToLowerInvariant();
    }

    private static void Blank(char[] chars, int start, int end)
    {
        for (var i = start; i < end && i < chars.Length; i++)
        {
            if (chars[i] is not ('\n' or '\r'))
            {
                chars[i] = ' ';
            }
        }
    }

    private static void CheckFrontMatter(string yaml, List<ArticleProblem> problems)
    {
        // The YAML starts on line 2 of the file; YAML positions are shifted by one line.
        var sink = new FindingSink("front matter");
        var tree = YamlTreeReader.Read(yaml, sink);
        foreach (var f in sink.Findings)
        {
            problems.Add(new ArticleProblem(Rules.YamlSyntax, Severity.Error, $"front matter: {f.Message}",
                f.Line is int line ? new Position(line + 1, f.Column ?? 1) : new Position(2, 1)));
        }
        if (sink.Findings.Count == 0 && tree is not null and not YMapping && !(tree is YScalar { IsNull: true }))
        {
            problems.Add(new ArticleProblem(Rules.YamlSyntax, Severity.Error,
                $"front matter must be a mapping of fields (title: …), not {tree.KindName}", new Position(tree.Start.Line + 1, tree.Start.Column)));
        }
    }

    private static void CollectBlocks(ContainerBlock container, bool inQuote, PlainTextBuilder builder, List<ArticleBlock> blocks,
        HashSet<string> defined, Func<int, Position> at, List<ArticleProblem> problems)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case QuoteBlock quote:
                    CollectBlocks(quote, true, builder, blocks, defined, at, problems);
                    break;
                case ContainerBlock inner:
                    CollectBlocks(inner, inQuote, builder, blocks, defined, at, problems);
                    break;
                case ParagraphBlock or HeadingBlock when block is LeafBlock { Inline: { } inline } && InlineTooDeep(inline):
                    // Walking (or rendering) it would recurse that deep; the site shows the paragraph as text.
                    problems.Add(new ArticleProblem(Rules.Schema, Severity.Error,
                        $"line {at(Math.Max(0, block.Span.Start)).Line}: inline Markdown (emphasis, links) is nested more than {MaxNesting} levels deep; the paragraph is not analysed",
                        at(Math.Max(0, block.Span.Start))));
                    break;
                case ParagraphBlock or HeadingBlock when block is LeafBlock { Inline: { } inline }:
                    if (InlineBudgetExtension.ReadAsText(block))
                    {
                        problems.Add(new ArticleProblem(Rules.Schema, Severity.Error,
                            $"line {at(Math.Max(0, block.Span.Start)).Line}: the paragraph holds more than {InlineBudgetExtension.MaxMarks} brackets, emphasis marks and links, or a line of more than {InlineBudgetExtension.MaxCells} table cells; it is read as plain text (its links, emphasis and citations are not parsed)",
                            at(Math.Max(0, block.Span.Start))));
                    }
                    var kind = block is HeadingBlock ? ArticleBlockKind.Heading : ArticleBlockKind.Paragraph;
                    if (Build(kind, inQuote, inline, builder, blocks.Count, defined, at) is { } built)
                    {
                        blocks.Add(built);
                    }
                    break;
                default:
                    // Code blocks, HTML blocks, thematic breaks and front matter hold no body sentences.
                    break;
            }
        }
    }

    private static ArticleBlock? Build(ArticleBlockKind kind, bool inQuote, ContainerInline inline, PlainTextBuilder builder, int index,
        HashSet<string> defined, Func<int, Position> at)
    {
        var raw = builder.Build(inline);
        if (raw.AsSpan().Trim().Length == 0)
        {
            return null;
        }
        var rawMap = builder.Map;
        var code = builder.Code.Count == 0 ? null : builder.Code;
        var links = builder.Links;

        // Find the markers and the Pandoc citations in the plain text (not in code), and remove them (an in-text key stays).
        var markers = new List<FootnoteMarker>();
        var citations = new List<CitationKeyUse>();
        var cuts = builder.Cuts;
        cuts.Clear();
        foreach (var (start, length) in FindMarkers(raw, code))
        {
            var source = rawMap[start];
            if (source >= builder.Source.Length || builder.Source[source] != '[' || (source > 0 && builder.Source[source - 1] == '\\'))
            {
                continue; // an escaped \[^1], or text that did not come from a [ in the file
            }
            cuts.Add((start, start, start + length, length, null));
        }
        if (raw.Contains('@', StringComparison.Ordinal))
        {
            bool Escaped(int at) => rawMap[at] >= builder.Source.Length || builder.Source[rawMap[at]] != raw[at]
                || (rawMap[at] > 0 && builder.Source[rawMap[at] - 1] == '\\');
            var markerCount = cuts.Count;
            foreach (var found in PandocCitations.Find(raw, code, Escaped))
            {
                var inMarker = false;
                for (var m = 0; m < markerCount && !inMarker; m++)
                {
                    inMarker = found.Anchor < cuts[m].CutEnd && Math.Max(found.CutEnd, found.Anchor + 1) > cuts[m].CutStart;
                }
                if (inMarker)
                {
                    continue;
                }
                var citation = found;
                if (found.Citation.StartsWith('@') && found.CutEnd == found.CutStart && rawMap[found.Anchor] > 0
                    && builder.Source[rawMap[found.Anchor] - 1] == '[' && rawMap[found.CutStart - 1] + 1 < builder.Source.Length
                    && builder.Source[rawMap[found.CutStart - 1] + 1] == ']')
                {
                    citation = PandocCitations.Bracketed(raw, found); // [@tag:name] read as a link to its alias definition
                }
                cuts.Add((citation.Anchor, citation.CutStart, citation.CutEnd, 0, citation));
            }
            cuts.Sort((a, b) => a.Anchor.CompareTo(b.Anchor));
        }
        if (cuts.Count == 0)
        {
            // Nothing to remove: the plain text is the rendered text (the common paragraph without markers).
            return new ArticleBlock(kind, inQuote, raw, OffsetMap.Of(rawMap, rawMap.Count > 0 ? rawMap[^1] + 1 : 0), Sentences(raw, rawMap, at), [])
            {
                Links = links,
            };
        }
        var text = builder.CutText.Clear();
        var map = builder.CutMap;
        map.Clear();
        var next = 0;
        foreach (var (anchor, cutStart, cutEnd, markerLength, found) in cuts)
        {
            if (anchor < next)
            {
                continue;
            }
            AppendRange(raw, rawMap, next, anchor, text, map);
            next = anchor;
            if (found is not { } citation)
            {
                next = cutEnd;
                var label = raw.Substring(anchor + 2, markerLength - 3);
                var (labels, undefined) = Resolve(label, defined);
                markers.Add(new FootnoteMarker
                {
                    Label = label, Labels = labels, Position = at(rawMap[anchor]), Block = index, TextOffset = text.Length, IsUndefined = undefined,
                });
                continue;
            }
            foreach (var (key, keyAt) in citation.Keys)
            {
                citations.Add(new CitationKeyUse
                {
                    Key = key, Position = at(rawMap[keyAt]), Block = index, TextOffset = text.Length, Citation = citation.Citation,
                });
            }
            if (cutEnd > cutStart)
            {
                AppendRange(raw, rawMap, next, cutStart, text, map);
                next = cutEnd;
            }
        }
        AppendRange(raw, rawMap, next, raw.Length, text, map);
        var plain = text.ToString();
        var sentences = Sentences(plain, map, at);
        return new ArticleBlock(kind, inQuote, plain, OffsetMap.Of(map, map.Count > 0 ? map[^1] + 1 : (rawMap.Count > 0 ? rawMap[^1] : 0)), sentences,
            markers.Count == 0 ? [] : markers.ToArray())
        {
            Citations = citations.Count == 0 ? [] : citations.ToArray(), Links = links,
        };
    }

    /// <summary>The sentences of a block, in an array of their number (every block of every article keeps one).</summary>
    private static ArticleSentence[] Sentences(string plain, List<int> map, Func<int, Position> at)
    {
        var segments = SentenceSplitter.Split(plain);
        var sentences = new ArticleSentence[segments.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            var segment = segments[i];
            sentences[i] = new ArticleSentence(segment.Start, segment.Length, segment.Of(plain), at(map[segment.Start]));
        }
        return sentences;
    }

    private static void AppendRange(string raw, List<int> rawMap, int from, int to, StringBuilder text, List<int> map)
    {
        text.Append(raw, from, to - from);
        for (var i = from; i < to; i++)
        {
            map.Add(rawMap[i]);
        }
    }

    /// <summary>The markers <c>[^label]</c> of a text, outside the given code ranges.</summary>
    internal static List<(int Start, int Length)> FindMarkers(string text, List<(int Start, int End)>? code)
    {
        var found = new List<(int, int)>();
        var codeIndex = 0;
        var i = text.IndexOf("[^", StringComparison.Ordinal);
        while (i >= 0)
        {
            var close = -1;
            for (var j = i + 2; j < text.Length && j - i - 2 <= MaxLabelLength; j++)
            {
                var c = text[j];
                if (c == ']')
                {
                    close = j;
                    break;
                }
                if (c is '[' or '\n' or '\r')
                {
                    break;
                }
            }
            if (close > i + 2 && text.AsSpan(i + 2, close - i - 2).Trim().Length > 0 && !InCode(i, close + 1, code, ref codeIndex))
            {
                found.Add((i, close + 1 - i));
                i = text.IndexOf("[^", close + 1, StringComparison.Ordinal);
            }
            else
            {
                i = text.IndexOf("[^", i + 2, StringComparison.Ordinal);
            }
        }
        return found;
    }

    /// <summary>Whether [start, end) overlaps a code range; ranges are sorted and queried in order, so the index only moves forward.</summary>
    private static bool InCode(int start, int end, List<(int Start, int End)>? code, ref int index)
    {
        if (code is null)
        {
            return false;
        }
        while (index < code.Count && code[index].End <= start)
        {
            index++;
        }
        return index < code.Count && code[index].Start < end;
    }

    /// <summary>
    /// The defined labels a marker names: its label when defined; for a list such as <c>[^2, ^3]</c> or
    /// <c>[^2,3]</c> the defined labels in it (the marker itself stays undefined, so it is reported).
    /// </summary>
    private static (IReadOnlyList<string> Labels, bool Undefined) Resolve(string label, HashSet<string> defined)
    {
        var key = NormalizeLabel(label);
        if (defined.Contains(key))
        {
            return ([key], false);
        }
        var parts = label.Split([',', ';', '，', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            var labels = parts.Select(p => NormalizeLabel(p.TrimStart('^'))).Where(defined.Contains).Distinct(StringComparer.Ordinal).ToList();
            return (labels, true);
        }
        return ([], true);
    }
}
