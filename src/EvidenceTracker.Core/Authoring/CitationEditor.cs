using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Text;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// Adds a citation to a claim file's text and changes nothing else: comments, key order, quoting style,
/// blank lines and line ends stay byte for byte. Block lists gain a "- source: …" item indented like the
/// others, flow lists gain a "{source: …}" item, and a claim without citations gains the key at its end.
/// </summary>
public static class CitationEditor
{
    /// <summary>The edited text, or null with a reason when the file cannot be edited safely.</summary>
    public static string? AddCitation(string text, CitationSpec citation, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(citation);
        problem = null;
        var sink = new FindingSink("claim");
        var root = YamlTreeReader.Read(text, sink);
        if (sink.Findings.Count > 0 || root is not YMapping map)
        {
            problem = sink.Findings.Count > 0
                ? $"the claim file is not valid YAML ({sink.Findings[0].Message} at {sink.Findings[0].Position}); fix it first"
                : "the claim file is not a mapping of fields; fix it first";
            return null;
        }
        if (map.IsFlow)
        {
            problem = "the claim is written as a single flow mapping ({…}); rewrite it as key: value lines first";
            return null;
        }
        var lines = LineIndex.Of(text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var entry = map.Entries.FirstOrDefault(e => e.Key.Value == "citations");
        if (entry.Key is null)
        {
            var keyIndent = new string(' ', map.Start.Column - 1);
            var block = Block(citation, keyIndent + "  ", "  ", newline);
            var prefix = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
            return text + prefix + keyIndent + "citations:" + newline + block;
        }
        switch (entry.Value)
        {
            case YSequence { IsFlow: true } flow:
            {
                var close = lines.OffsetOf(flow.End);
                if (close >= text.Length || text[close] != ']')
                {
                    problem = "cannot find the closing ']' of the citations list";
                    return null;
                }
                var item = Flow(citation);
                return text[..close] + (flow.Items.Count > 0 ? ", " : "") + item + text[close..];
            }
            case YSequence block when block.Items.Count > 0:
            {
                var dashColumn = block.Start.Column;
                var first = block.Items[0];
                var inner = first is YMapping m ? Math.Max(2, m.Start.Column - dashColumn) : 2;
                var insertAt = AfterLastNonBlankLine(text, lines.EndOfLine(LastContent(block).Line));
                var addNewline = insertAt == text.Length && !text.EndsWith('\n') ? newline : "";
                var item = Block(citation, new string(' ', dashColumn - 1), new string(' ', inner), newline);
                return text[..insertAt] + addNewline + item + text[insertAt..];
            }
            case YScalar { IsNull: true } scalar:
            {
                // "citations:" with nothing after it, or "citations: ~" / "null": a block list follows the key's line.
                var keyIndent = new string(' ', entry.Key.Start.Column - 1);
                var block = Block(citation, keyIndent + "  ", "  ", newline);
                if (scalar.Value.Length > 0)
                {
                    var from = lines.OffsetOf(scalar.Start);
                    while (from > 0 && text[from - 1] == ' ')
                    {
                        from--;
                    }
                    text = text[..from] + text[lines.OffsetOf(scalar.End)..];
                }
                var at = FindLineEnd(text, lines.OffsetOf(entry.Key.Start));
                var addNewline = at == text.Length && !text.EndsWith('\n') ? newline : "";
                return text[..at] + addNewline + block + text[at..];
            }
            default:
                problem = $"'citations' is {entry.Value.KindName}, not a list; fix the claim file first";
                return null;
        }
    }

    /// <summary>
    /// Completes the claim's one citation of the source with the quote, locator and stance of <paramref name="given"/>
    /// that it lacks (each set in place by <see cref="FieldEditor"/>). A field the citation has with another value is
    /// not replaced: null, and <paramref name="problem"/> says how to add a second citation or change the field.
    /// </summary>
    public static string? Complete(string text, string claim, Citation existing, CitationSpec given, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(given);
        problem = null;
        var stanceWritten = SourceFieldEditor.OpenMapping(text, out _) is { } root
            && root.Entries.FirstOrDefault(e => e.Key.Value == "citations").Value is YSequence list
            && list.Items.OfType<YMapping>().Any(m => m.Entries.Any(e => e.Key.Value == "source" && e.Value is YScalar v && v.Value == given.Source)
                && m.Entries.Any(e => e.Key.Value == "stance"));
        var changes = new List<(string Field, string Value)>();
        var conflicts = new List<string>();
        void Take(string field, string? had, string? wanted, bool hadIsDefault = false)
        {
            if (wanted is null || wanted == had)
            {
                return;
            }
            if (had is null || hadIsDefault)
            {
                changes.Add((field, wanted));
            }
            else
            {
                conflicts.Add($"{field} '{had}'");
            }
        }
        Take("quote", existing.Quote, given.Quote);
        Take("locator", existing.Locator, given.Locator);
        Take("stance", Names.Of(existing.Stance), given.Stance is { } st ? Names.Of(st) : null, hadIsDefault: !stanceWritten);
        if (conflicts.Count > 0)
        {
            var field = conflicts[0][..conflicts[0].IndexOf(' ', StringComparison.Ordinal)];
            problem = $"claim '{claim}' already cites '{given.Source}' with {string.Join(" and ", conflicts)}; add --again to cite it a second time, "
                + $"or change it with `evidence set {claim} 'citations[{given.Source}].{field}' …`";
            return null;
        }
        if (changes.Count == 0)
        {
            problem = $"claim '{claim}' already cites '{given.Source}' with this quote, locator and stance; nothing to add (--again adds a second citation of it)";
            return null;
        }
        foreach (var (field, value) in changes)
        {
            text = FieldEditor.SetScalar(text, given.Source, field, value, out var why) ?? string.Empty;
            if (why is not null)
            {
                problem = $"cannot complete the citation of '{given.Source}' in claim '{claim}': {why}";
                return null;
            }
        }
        return text;
    }

    /// <summary>Steps back over blank lines (a block scalar's end includes them): the end of the last line with text.</summary>
    private static int AfterLastNonBlankLine(string text, int offset)
    {
        var i = offset - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }
        return i < 0 ? offset : FindLineEnd(text, i);
    }

    /// <summary>The position of the last character of content inside a block sequence.</summary>
    private static Position LastContent(YNode node) => node switch
    {
        YScalar s => s.Value.Length == 0 && s.Style == YamlDotNet.Core.ScalarStyle.Plain ? s.Start : Before(s.End),
        YSequence { IsFlow: true } f => f.End,
        YSequence q => q.Items.Count == 0 ? q.Start : LastContent(q.Items[^1]),
        YMapping { IsFlow: true } m => m.Entries.Count == 0 ? m.Start : LastContent(m.Entries[^1].Value),
        YMapping m => m.Entries.Count == 0 ? m.Start : LastContent(m.Entries[^1].Value),
        _ => node.Start,
    };

    /// <summary>A block scalar ends at the start of the next line: step back onto its last line.</summary>
    private static Position Before(Position end) => end.Column > 1 ? end with { Column = end.Column - 1 } : new Position(Math.Max(1, end.Line - 1), int.MaxValue);

    private static string Block(CitationSpec c, string dashIndent, string inner, string newline)
    {
        var keyIndent = dashIndent + inner;
        var text = $"{dashIndent}-{inner[1..]}source: {YamlScalarWriter.Scalar(c.Source)}{newline}";
        if (c.Quote is not null)
        {
            text += $"{keyIndent}quote: {YamlScalarWriter.Quoted(c.Quote)}{newline}";
        }
        if (c.Locator is not null)
        {
            text += $"{keyIndent}locator: {YamlScalarWriter.Scalar(c.Locator)}{newline}";
        }
        if (c.Stance is { } stance)
        {
            text += $"{keyIndent}stance: {Names.Of(stance)}{newline}";
        }
        return text;
    }

    private static string Flow(CitationSpec c)
    {
        var parts = new List<string> { $"source: {YamlScalarWriter.Scalar(c.Source, flow: true)}" };
        if (c.Quote is not null)
        {
            parts.Add($"quote: {YamlScalarWriter.Quoted(c.Quote)}");
        }
        if (c.Locator is not null)
        {
            parts.Add($"locator: {YamlScalarWriter.Scalar(c.Locator, flow: true)}");
        }
        if (c.Stance is { } stance)
        {
            parts.Add($"stance: {Names.Of(stance)}");
        }
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The offset just after the next line feed from <paramref name="from"/> (or the text's end).</summary>
    private static int FindLineEnd(string text, int from)
    {
        var i = text.IndexOf('\n', Math.Max(0, from));
        return i < 0 ? text.Length : i + 1;
    }
}
