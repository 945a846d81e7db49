using EvidenceTracker.Diagnostics;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// In-place edits of one field of a claim or source file, for <c>evidence set</c>: a top-level scalar (through
/// <see cref="SourceFieldEditor"/>), a top-level list replaced as a whole, a citation's <c>quote</c>, <c>locator</c> or
/// <c>stance</c>, or a field removed. Only the characters of the edited value change (a removed field loses its lines);
/// every other byte of the file — comments, order, quoting, blank lines, line ends — stays as it was. The result is
/// parsed again: the edited field must read back as written and every other top-level field as before.
/// </summary>
public static class FieldEditor
{
    /// <summary>Sets a one-line scalar: a top-level field when <paramref name="citation"/> is null, else a field of the
    /// claim's only citation of that source. Null with <paramref name="problem"/> when the file cannot be edited in place.</summary>
    public static string? SetScalar(string text, string? citation, string key, string value, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (citation is null)
        {
            return SourceFieldEditor.Set(text, [(key, value)], out problem);
        }
        if (SourceFieldEditor.OpenMapping(text, out problem) is not { } root || CitationOf(root, citation, out problem) is not { } map)
        {
            return null;
        }
        var lines = new SourceFieldEditor.LineMap(text);
        var entry = map.Entries.FirstOrDefault(e => e.Key.Value == key);
        string edited;
        if (entry.Key is null)
        {
            var end = SourceFieldEditor.LastEnd(text, lines, map.Entries[^1].Key, map.Entries[^1].Value);
            if (map.IsFlow)
            {
                var close = text.IndexOf('}', end);
                if (close < 0)
                {
                    problem = "cannot find the closing '}' of the citation";
                    return null;
                }
                edited = text[..close] + $", {key}: {YamlScalarWriter.Scalar(value, flow: true)}" + text[close..];
            }
            else
            {
                var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var at = LineEnd(text, end, out var needsBreak);
                var indent = new string(' ', map.Entries[0].Key.Start.Column - 1);
                edited = text[..at] + (needsBreak ? newline : "") + $"{indent}{key}: {YamlScalarWriter.Scalar(value)}{newline}" + text[at..];
            }
        }
        else if (SourceFieldEditor.ValueRange(text, lines, entry.Key, entry.Value, out var start, out var end, out var prefix) is { } why)
        {
            problem = $"the citation's '{key}' {why}; edit it by hand";
            return null;
        }
        else
        {
            edited = text[..start] + prefix + YamlScalarWriter.Scalar(value, flow: map.IsFlow) + text[end..];
        }
        return Verified(root, edited, citation, key, value, out problem);
    }

    /// <summary>Replaces a top-level list (block items stay block items at the same indentation, a flow list stays flow),
    /// or adds it at the end of the file as a block list.</summary>
    public static string? SetList(string text, string key, IReadOnlyList<string> items, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);
        if (SourceFieldEditor.OpenMapping(text, out problem) is not { } root)
        {
            return null;
        }
        var entry = root.Entries.FirstOrDefault(e => e.Key.Value == key);
        if (entry.Key is null)
        {
            return SourceFieldEditor.Set(text, [], [(key, items)], out problem);
        }
        var lines = new SourceFieldEditor.LineMap(text);
        var flowText = "[" + string.Join(", ", items.Select(i => YamlScalarWriter.Scalar(i, flow: true))) + "]";
        string edited;
        switch (entry.Value)
        {
            case YSequence { IsFlow: true } flow:
            {
                var start = lines.Offset(flow.Start);
                var close = lines.Offset(flow.End);
                if (start >= text.Length || text[start] != '[' || close >= text.Length || text[close] != ']')
                {
                    problem = $"cannot find the brackets of '{key}'";
                    return null;
                }
                edited = text[..start] + flowText + text[(close + 1)..];
                break;
            }
            case YSequence { Items.Count: > 0 } block:
            {
                var start = lines.Offset(block.Start);
                var end = SourceFieldEditor.LastEnd(text, lines, entry.Key, block);
                if (start >= text.Length || text[start] != '-' || end < start)
                {
                    problem = $"cannot find the items of '{key}'";
                    return null;
                }
                var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var indent = new string(' ', block.Start.Column - 1);
                var replacement = string.Join(newline + indent, items.Select(i => "- " + YamlScalarWriter.Scalar(i)));
                if (end > 0 && text[end - 1] == '\n')
                {
                    replacement += newline; // the last item was a block scalar, whose end takes in its line break
                }
                edited = text[..start] + replacement + text[end..];
                break;
            }
            case YScalar { IsNull: true } empty:
            {
                if (SourceFieldEditor.ValueRange(text, lines, entry.Key, empty, out var start, out var end, out var prefix) is { } why)
                {
                    problem = $"field '{key}' {why}; edit it by hand";
                    return null;
                }
                edited = text[..start] + prefix + flowText + text[end..];
                break;
            }
            default:
                problem = $"field '{key}' holds {entry.Value.KindName}, not a list; edit it by hand";
                return null;
        }
        var sink = new FindingSink("");
        if (YamlTreeReader.Read(edited, sink) is not YMapping after || sink.Findings.Count > 0
            || after.Entries.FirstOrDefault(e => e.Key.Value == key).Value is not YSequence seq
            || !seq.Items.Select(i => (i as YScalar)?.Value).SequenceEqual(items))
        {
            problem = $"editing it in place failed ('{key}' does not read back as written); edit it by hand";
            return null;
        }
        return Others(root, after, key, out problem) ? edited : null;
    }

    /// <summary>Removes a field — its key, its value and the lines they take — from the top level, or from the claim's
    /// only citation of <paramref name="citation"/>. A field that is not there is no problem: the text comes back as it was.</summary>
    public static string? Remove(string text, string? citation, string key, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SourceFieldEditor.OpenMapping(text, out problem) is not { } root)
        {
            return null;
        }
        var map = citation is null ? root : CitationOf(root, citation, out problem);
        if (map is null)
        {
            return null;
        }
        var entry = map.Entries.FirstOrDefault(e => e.Key.Value == key);
        if (entry.Key is null)
        {
            return text;
        }
        if (map.IsFlow || map.Entries.Count == 1)
        {
            problem = map.IsFlow
                ? $"the citation is written as {{…}} on one line; remove '{key}' by hand"
                : $"'{key}' is the only field of its mapping; edit it by hand";
            return null;
        }
        var lines = new SourceFieldEditor.LineMap(text);
        var keyStart = lines.Offset(entry.Key.Start);
        var lineStart = lines.Offset(new Position(entry.Key.Start.Line, 1));
        if (!text.AsSpan(lineStart, keyStart - lineStart).IsWhiteSpace())
        {
            problem = $"'{key}' does not start its line; remove it by hand";
            return null;
        }
        var end = LineEnd(text, SourceFieldEditor.LastEnd(text, lines, entry.Key, entry.Value), out _);
        var edited = text[..lineStart] + text[end..];
        var sink = new FindingSink("");
        if (YamlTreeReader.Read(edited, sink) is not YMapping after || sink.Findings.Count > 0)
        {
            problem = "removing it in place failed (the result does not parse); edit it by hand";
            return null;
        }
        var check = citation is null ? after : CitationOf(after, citation, out _);
        if (check is null || check.Entries.Any(e => e.Key.Value == key))
        {
            problem = $"removing it in place failed ('{key}' is still there); edit it by hand";
            return null;
        }
        return Others(root, after, citation is null ? key : "citations", out problem) ? edited : null;
    }

    /// <summary>The claim's one citation of <paramref name="source"/>.</summary>
    private static YMapping? CitationOf(YMapping root, string source, out string? problem)
    {
        problem = null;
        var list = root.Entries.FirstOrDefault(e => e.Key.Value == "citations").Value as YSequence;
        var matches = (list?.Items ?? []).OfType<YMapping>()
            .Where(m => m.Entries.Any(e => e.Key.Value == "source" && e.Value is YScalar s && s.Value == source))
            .ToList();
        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                problem = $"the claim does not cite '{source}'; add the citation with `evidence cite`";
                return null;
            default:
                problem = $"the claim cites '{source}' {matches.Count} times; edit the one you mean by hand";
                return null;
        }
    }

    private static string? Verified(YMapping before, string edited, string citation, string key, string value, out string? problem)
    {
        problem = null;
        var sink = new FindingSink("");
        if (YamlTreeReader.Read(edited, sink) is not YMapping after || sink.Findings.Count > 0)
        {
            problem = "editing it in place failed (the result does not parse); edit it by hand";
            return null;
        }
        if (CitationOf(after, citation, out _) is not { } map
            || map.Entries.FirstOrDefault(e => e.Key.Value == key).Value is not YScalar s || s.Value != value)
        {
            problem = $"editing it in place failed ('{key}' does not read back as written); edit it by hand";
            return null;
        }
        return Others(before, after, "citations", out problem) ? edited : null;
    }

    /// <summary>Every top-level field but <paramref name="edited"/> still there, with the same value where it is a scalar.</summary>
    private static bool Others(YMapping before, YMapping after, string edited, out string? problem)
    {
        problem = null;
        foreach (var entry in before.Entries.Where(e => e.Key.Value != edited))
        {
            var now = after.Entries.FirstOrDefault(e => e.Key.Value == entry.Key.Value).Value;
            if (now is null || (entry.Value is YScalar a && (now is not YScalar b || a.Value != b.Value)))
            {
                problem = $"editing it in place failed (field '{entry.Key.Value}' changed); edit it by hand";
                return false;
            }
        }
        return true;
    }

    /// <summary>Just after the line break that ends the line holding <paramref name="offset"/>.</summary>
    private static int LineEnd(string text, int offset, out bool needsBreak)
    {
        needsBreak = false;
        if (offset > 0 && text[offset - 1] == '\n')
        {
            return offset;
        }
        var i = text.IndexOf('\n', offset);
        if (i < 0)
        {
            needsBreak = true;
            return text.Length;
        }
        return i + 1;
    }
}
