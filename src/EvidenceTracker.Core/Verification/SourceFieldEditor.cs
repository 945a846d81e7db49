using EvidenceTracker.Diagnostics;
using EvidenceTracker.Yaml;
using YamlDotNet.Core;

namespace EvidenceTracker.Verification;

/// <summary>
/// Sets top-level text fields of a YAML file in place, touching nothing else: an existing field keeps its key,
/// its comment and its place, only the value's characters are replaced; a missing field is appended after the
/// mapping's last entry (before any trailing comments), indented like the other keys. Every other byte of
/// the file, comments and blank lines included, stays as it was. The result is parsed again and checked.
/// </summary>
/// <remarks>
/// Deliberately small and self-contained (used by <c>evidence snapshot</c> for <c>snapshot</c>,
/// <c>snapshot-sha256</c> and <c>archived</c>): it edits one-line scalar values only and refuses anything
/// else (a block scalar or a list where text is expected) with a message, rather than guessing.
/// </remarks>
public static class SourceFieldEditor
{
    /// <summary>
    /// Returns the edited text, or null with <paramref name="problem"/> saying why the file cannot be edited
    /// in place. <paramref name="fields"/> are (key, value) pairs; values are written as YAML scalars (plain
    /// where that reads back as the same text, dates left plain).
    /// </summary>
    public static string? Set(string text, IReadOnlyList<(string Key, string Value)> fields, out string? problem) =>
        Set(text, fields, [], out problem);

    /// <summary>
    /// As <see cref="Set(string, IReadOnlyList{ValueTuple{string, string}}, out string?)"/>, and also adds each of
    /// <paramref name="lists"/> that the file lacks, or holds with an empty value (<c>authors:</c>, <c>authors: ~</c>),
    /// as a block list under its key (a list field with a value is left alone).
    /// </summary>
    public static string? Set(string text, IReadOnlyList<(string Key, string Value)> fields, IReadOnlyList<(string Key, IReadOnlyList<string> Items)> lists, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(lists);
        if (OpenMapping(text, out problem) is not { } map)
        {
            return null;
        }

        var lines = new LineMap(text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var edits = new List<(int Start, int End, string Replacement)>();
        var appended = new List<string>();
        foreach (var (key, value) in fields)
        {
            var scalar = YamlScalarWriter.Scalar(value, date: true);
            var entry = map.Entries.FirstOrDefault(e => e.Key.Value == key);
            if (entry.Key is null)
            {
                appended.Add($"{key}: {scalar}");
                continue;
            }
            if (ValueRange(text, lines, entry.Key, entry.Value, out var start, out var end, out var prefix) is { } why)
            {
                problem = $"field '{key}' {why}; write it as `{key}: {scalar}` by hand, or remove it, and run again";
                return null;
            }
            edits.Add((start, end, prefix + scalar));
        }
        var indentUnit = map.Entries.Count > 0 ? new string(' ', Math.Max(0, map.Entries[0].Key.Start.Column - 1)) : "";
        var filledLists = new List<(string Key, IReadOnlyList<string> Items)>();
        foreach (var (key, items) in lists)
        {
            if (items.Count == 0)
            {
                continue;
            }
            var block = string.Concat(items.Select(i => newline + indentUnit + "  - " + YamlScalarWriter.Scalar(i)));
            var entry = map.Entries.FirstOrDefault(e => e.Key.Value == key);
            if (entry.Key is null)
            {
                appended.Add($"{key}:" + block);
                filledLists.Add((key, items));
                continue;
            }
            if (entry.Value is not YScalar { IsNull: true } empty)
            {
                continue;
            }
            // "key:", "key: ~" or "key: null": the null (and the blanks before it) goes, the items follow the key's
            // line, after any comment on it
            if (ValueRange(text, lines, entry.Key, empty, out var start, out var end, out _) is { } why)
            {
                problem = $"field '{key}' {why}; fill it by hand, or remove it, and run again";
                return null;
            }
            while (start > 0 && text[start - 1] is ' ' or '\t')
            {
                start--;
            }
            if (end > start)
            {
                edits.Add((start, end, ""));
            }
            var lineEnd = text.AsSpan(end).IndexOfAny('\r', '\n');
            var at = lineEnd < 0 ? text.Length : end + lineEnd;
            edits.Add((at, at, block));
            filledLists.Add((key, items));
        }
        if (appended.Count > 0)
        {
            var at = AppendPoint(text, lines, map, out var needsBreak);
            var indent = new string(' ', Math.Max(0, map.Entries[0].Key.Start.Column - 1));
            var block = string.Concat(appended.Select(line => indent + line + newline));
            edits.Add((at, at, (needsBreak ? newline : "") + block));
        }

        var result = text;
        // from the end, and at one offset the later edit first: a list filled under the last key comes before the
        // fields appended after it
        foreach (var (start, end, replacement) in edits.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Start).ThenByDescending(x => x.i).Select(x => x.e))
        {
            result = string.Concat(result.AsSpan(0, start), replacement, result.AsSpan(end));
        }
        if (Verify(map, result, fields, filledLists) is { } failure)
        {
            problem = $"editing it in place failed ({failure}); edit it by hand";
            return null;
        }
        return result;
    }

    /// <summary>The file's top-level block mapping, or null with why it cannot be edited in place.</summary>
    internal static YMapping? OpenMapping(string text, out string? problem)
    {
        problem = null;
        var sink = new FindingSink("");
        var root = YamlTreeReader.Read(text, sink);
        if (sink.Findings.FirstOrDefault(f => f.Rule == Rules.YamlSyntax) is { } syntax)
        {
            problem = $"it is not valid YAML ({syntax.Line}:{syntax.Column}: {syntax.Message}); fix it first";
            return null;
        }
        if (root is not YMapping { IsFlow: false } map || map.Entries.Count == 0)
        {
            problem = "it is not a YAML mapping of fields, one per line";
            return null;
        }
        return map;
    }

    /// <summary>The characters to replace for an existing field's value, or why it cannot be done.</summary>
    internal static string? ValueRange(string text, LineMap lines, YScalar key, YNode value, out int start, out int end, out string prefix)
    {
        start = end = 0;
        prefix = "";
        if (value is not YScalar scalar)
        {
            return $"holds {value.KindName}, not a text value";
        }
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return "is a multi-line block (| or >)";
        }
        if (scalar.IsNull && scalar.Value.Length == 0)
        {
            // "key:" with nothing after it: the empty scalar's marks point past the line; write after the colon.
            var keyEnd = lines.Offset(key.End);
            var colon = keyEnd;
            while (colon < text.Length && text[colon] is ' ' or '\t')
            {
                colon++;
            }
            if (colon >= text.Length || text[colon] != ':')
            {
                return "could not be located in the file";
            }
            start = end = colon + 1;
            prefix = " ";
            return null;
        }
        start = lines.Offset(scalar.Start);
        end = lines.Offset(scalar.End);
        var opening = scalar.Style switch
        {
            ScalarStyle.SingleQuoted => '\'',
            ScalarStyle.DoubleQuoted => '"',
            _ => scalar.Value.Length > 0 ? scalar.Value[0] : '\0',
        };
        if (end <= start || end > text.Length || text[start] != opening)
        {
            return "could not be located in the file";
        }
        if (text.AsSpan(start, end - start).IndexOfAny('\r', '\n') >= 0)
        {
            return "spans several lines";
        }
        return null;
    }

    /// <summary>Just after the line that holds the end of the mapping's last entry.</summary>
    private static int AppendPoint(string text, LineMap lines, YMapping map, out bool needsBreak)
    {
        var last = map.Entries[^1];
        var end = LastEnd(text, lines, last.Key, last.Value);
        needsBreak = false;
        if (end > 0 && text[end - 1] is '\n' or '\r')
        {
            return end; // a block scalar's end already includes its line break
        }
        var lineEnd = text.AsSpan(end).IndexOfAny('\r', '\n');
        if (lineEnd < 0)
        {
            needsBreak = true;
            return text.Length;
        }
        var at = end + lineEnd;
        return text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? at + 2 : at + 1;
    }

    /// <summary>The offset just past the last character written for a value (the key's end for an empty value).</summary>
    internal static int LastEnd(string text, LineMap lines, YScalar key, YNode value)
    {
        switch (value)
        {
            case YScalar { IsNull: true, Value.Length: 0 }:
                return lines.Offset(key.End);
            case YScalar s:
                return lines.Offset(s.End);
            case YSequence { IsFlow: true } seq:
                return Math.Min(text.Length, lines.Offset(seq.End) + 1);
            case YSequence seq when seq.Items.Count > 0:
                return Math.Max(lines.Offset(seq.Start), LastEnd(text, lines, key, seq.Items[^1]));
            case YMapping m when m.Entries.Count > 0:
                var inner = LastEnd(text, lines, m.Entries[^1].Key, m.Entries[^1].Value);
                if (m.IsFlow)
                {
                    var close = text.IndexOf('}', inner);
                    return close < 0 ? inner : close + 1;
                }
                return inner;
            default:
                return Math.Max(lines.Offset(value.Start), lines.Offset(key.End));
        }
    }

    /// <summary>Parses the edited text again: the fields must read back as set, every other field as before.</summary>
    private static string? Verify(YMapping before, string edited, IReadOnlyList<(string Key, string Value)> fields, IReadOnlyList<(string Key, IReadOnlyList<string> Items)> lists)
    {
        var sink = new FindingSink("");
        if (YamlTreeReader.Read(edited, sink) is not YMapping after || sink.Findings.Count > 0)
        {
            return "the result does not parse";
        }
        foreach (var (key, value) in fields)
        {
            if (after.Entries.FirstOrDefault(e => e.Key.Value == key).Value is not YScalar s || s.Value != value)
            {
                return $"'{key}' does not read back as written";
            }
        }
        foreach (var (key, items) in lists)
        {
            if (after.Entries.FirstOrDefault(e => e.Key.Value == key).Value is not YSequence seq
                || !seq.Items.Select(i => (i as YScalar)?.Value).SequenceEqual(items))
            {
                return $"'{key}' does not read back as written";
            }
        }
        var others = before.Entries.Where(e => !fields.Any(f => f.Key == e.Key.Value) && !lists.Any(l => l.Key == e.Key.Value)).ToList();
        foreach (var entry in others)
        {
            var now = after.Entries.FirstOrDefault(e => e.Key.Value == entry.Key.Value).Value;
            if (now is null || (entry.Value is YScalar a && (now is not YScalar b || a.Value != b.Value)))
            {
                return $"field '{entry.Key.Value}' changed";
            }
        }
        return null;
    }

    /// <summary>Line/column (as the YAML parser counts them) to string offsets.</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _starts = [0];
        private readonly int _length;

        public LineMap(string text)
        {
            _length = text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue; // CRLF is one break, counted at its LF
                }
                if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int Offset(Position p)
        {
            var line = Math.Clamp(p.Line, 1, _starts.Count) - 1;
            return Math.Clamp(_starts[line] + p.Column - 1, 0, _length);
        }
    }
}
