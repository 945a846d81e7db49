using EvidenceTracker.Diagnostics;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Authoring;

/// <summary>
/// The in-place edits of <c>evidence mv</c> and <c>evidence rm</c>: the text of chosen scalars replaced (an id, a
/// citation's <c>source</c>, a <c>reports-on</c> item, a snapshot's name), or chosen list items removed (a citation, a
/// <c>reports-on</c> item) with the lines they take. Every other byte stays as it was. Each result is parsed again and
/// compared with the original tree node by node: anything but the intended change refuses the edit. Files with YAML
/// anchors are refused (an edit could change what an alias elsewhere means).
/// </summary>
public static class ReferenceEditor
{
    /// <summary>The claim's citations of <paramref name="source"/>: the <c>source</c> scalar of each.</summary>
    public static IEnumerable<YScalar> CitationSources(YMapping claim, string source)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return CitationItems(claim, source).Select(i => ((YMapping)i.List.Items[i.Index]).Entries.First(e => e.Key.Value == "source").Value).Cast<YScalar>();
    }

    /// <summary>The claim's citations of <paramref name="source"/>, as items of the <c>citations</c> list.</summary>
    public static IEnumerable<(YSequence List, int Index)> CitationItems(YMapping claim, string source)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (Field(claim, "citations") is not YSequence list)
        {
            yield break;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YMapping m && m.Entries.Any(e => e.Key.Value == "source" && e.Value is YScalar s && s.Value == source))
            {
                yield return (list, i);
            }
        }
    }

    /// <summary>The source's <c>reports-on</c> items naming <paramref name="target"/>.</summary>
    public static IEnumerable<(YSequence List, int Index)> ReportsOnItems(YMapping source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Field(source, "reports-on") is not YSequence list)
        {
            yield break;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is YScalar s && s.Value == target)
            {
                yield return (list, i);
            }
        }
    }

    /// <summary>A top-level field's value node, or null.</summary>
    public static YNode? Field(YMapping map, string key)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Entries.FirstOrDefault(e => e.Key.Value == key).Value;
    }

    /// <summary>The file's top-level mapping, or null with why it cannot be edited (not YAML, anchors, not a block mapping).</summary>
    public static YMapping? Open(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SourceFieldEditor.OpenMapping(text, out problem) is not { } root)
        {
            return null;
        }
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (parser.Current is NodeEvent { Anchor.IsEmpty: false } node)
                {
                    problem = $"it uses a YAML anchor (&{node.Anchor.Value}, line {node.Start.Line}); write the values out, then try again";
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            problem = $"it is not valid YAML ({ex.Message}); fix it first";
            return null;
        }
        return root;
    }

    /// <summary>Replaces the text of each scalar with a new value (written plain where YAML reads it back as the same text, else quoted).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="root">Its tree, as <see cref="Open"/> read it: the nodes of <paramref name="edits"/> are nodes of this tree.</param>
    /// <param name="edits">Each scalar and its new value.</param>
    /// <param name="problem">Why the edit was refused.</param>
    public static string? Replace(string text, YMapping root, IReadOnlyList<(YScalar Node, string Value)> edits, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(edits);
        problem = null;
        var lines = new SourceFieldEditor.LineMap(text);
        var ranges = new List<(int Start, int End, string With)>();
        foreach (var (node, value) in edits)
        {
            var start = lines.Offset(node.Start);
            var end = lines.Offset(node.End);
            var written = text[start..end];
            var looksRight = node.Style switch
            {
                ScalarStyle.Plain => written == node.Value,
                ScalarStyle.SingleQuoted => written == "'" + node.Value.Replace("'", "''", StringComparison.Ordinal) + "'",
                ScalarStyle.DoubleQuoted => written.Length >= 2 && written[0] == '"' && written[^1] == '"' && written.IndexOfAny(['\n', '\r']) < 0,
                _ => false,
            };
            if (!looksRight)
            {
                problem = $"the value '{node.Value}' at line {node.Start.Line} is not written as one plain or quoted word; change it by hand";
                return null;
            }
            ranges.Add((start, end, YamlScalarWriter.Scalar(value, flow: true)));
        }
        var edited = text;
        foreach (var (start, end, with) in ranges.OrderByDescending(r => r.Start))
        {
            edited = edited[..start] + with + edited[end..];
        }
        var expected = edits.ToDictionary(e => (YNode)e.Node, e => e.Value);
        return Verify(root, edited, expected, null, out problem);
    }

    /// <summary>Removes the list items that <paramref name="select"/> finds, one at a time, each with the line(s) it takes
    /// in a block list or its comma in a flow list. A block list left empty leaves its key with no value.</summary>
    public static string? Remove(string text, Func<YMapping, (YSequence List, int Index)?> select, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(select);
        problem = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            if (Open(text, out problem) is not { } root)
            {
                return null;
            }
            if (select(root) is not { } found)
            {
                return text;
            }
            var (list, index) = found;
            if (RemoveOne(text, list, index, out problem) is not { } edited
                || Verify(root, edited, new Dictionary<YNode, string>(), (list, index), out problem) is null)
            {
                return null;
            }
            text = edited;
        }
        problem = "too many items to remove";
        return null;
    }

    private static string? RemoveOne(string text, YSequence list, int index, out string? problem)
    {
        problem = null;
        var lines = new SourceFieldEditor.LineMap(text);
        var item = list.Items[index];
        var start = lines.Offset(item.Start);
        var dummy = new YScalar(item.Start, "", ScalarStyle.Plain, item.Start);
        var end = SourceFieldEditor.LastEnd(text, lines, dummy, item);
        if (list.IsFlow)
        {
            if (index + 1 < list.Items.Count)
            {
                end = lines.Offset(list.Items[index + 1].Start);
            }
            else if (index > 0)
            {
                start = text.LastIndexOf(',', start - 1);
                if (start < 0)
                {
                    problem = "cannot find the comma before the last item";
                    return null;
                }
            }
            return text[..start] + text[end..];
        }
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is not '\n')
        {
            lineStart--;
        }
        var lead = text.AsSpan(lineStart, start - lineStart).Trim(" \t");
        if (lead is not "-")
        {
            problem = $"the list item at line {item.Start.Line} does not start its line with '- '; remove it by hand";
            return null;
        }
        if (end > 0 && text[end - 1] != '\n')
        {
            var lf = text.IndexOf('\n', end);
            end = lf < 0 ? text.Length : lf + 1;
        }
        return text[..lineStart] + text[end..];
    }

    /// <summary>Parses the edit and walks both trees: only the replaced values may differ, only the removed item may be gone.</summary>
    private static string? Verify(YMapping before, string edited, Dictionary<YNode, string> replaced, (YSequence List, int Index)? removed, out string? problem)
    {
        problem = null;
        var sink = new FindingSink("");
        if (YamlTreeReader.Read(edited, sink) is not YMapping after || sink.Findings.Count > 0)
        {
            problem = "editing it in place failed (the result does not parse); edit it by hand";
            return null;
        }
        if (!Same(before, after, replaced, removed))
        {
            problem = "editing it in place failed (more than the intended value changed); edit it by hand";
            return null;
        }
        return edited;
    }

    private static bool Same(YNode a, YNode b, Dictionary<YNode, string> replaced, (YSequence List, int Index)? removed)
    {
        switch (a)
        {
            case YScalar s:
                return b is YScalar t && t.Value == (replaced.TryGetValue(s, out var v) ? v : s.Value);
            case YSequence seq:
            {
                var items = seq.Items.Where((_, i) => removed is not { } r || !ReferenceEquals(r.List, seq) || r.Index != i).ToList();
                if (items.Count == 0 && !seq.IsFlow && b is YScalar { IsNull: true })
                {
                    return true;
                }
                return b is YSequence other && other.Items.Count == items.Count
                    && items.Zip(other.Items).All(p => Same(p.First, p.Second, replaced, removed));
            }
            case YMapping map:
                return b is YMapping m && m.Entries.Count == map.Entries.Count
                    && map.Entries.Zip(m.Entries).All(p => p.First.Key.Value == p.Second.Key.Value && Same(p.First.Value, p.Second.Value, replaced, removed));
            default:
                return false;
        }
    }
}
