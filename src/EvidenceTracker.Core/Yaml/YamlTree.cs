using EvidenceTracker.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Yaml;

/// <summary>A YAML node with the position of its first character.</summary>
public abstract class YNode(Position start)
{
    public Position Start { get; } = start;

    public abstract string KindName { get; }
}

public sealed class YScalar(Position start, string value, ScalarStyle style, Position end) : YNode(start)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    public Position End { get; } = end;

    /// <summary>A plain scalar that YAML reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "nothing (null)" : "a text value";
}

public sealed class YSequence(Position start, IReadOnlyList<YNode> items, Position end, bool isFlow) : YNode(start)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    /// <summary>Where the sequence ends: the closing bracket of a flow sequence; the next token after a block one.</summary>
    public Position End { get; } = end;

    /// <summary>Written in brackets (<c>[a, b]</c>) rather than as <c>- </c> lines.</summary>
    public bool IsFlow { get; } = isFlow;

    public override string KindName => "a list";
}

public sealed class YMapping(Position start, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, bool isFlow = false) : YNode(start)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event stream. Unlike YamlStream it refuses aliases
/// (so an alias-expansion bomb costs nothing), refuses duplicate and non-scalar keys, bounds nesting depth,
/// and turns every parser error into a <c>yaml-syntax</c> finding with its line and column.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 64;

    public static YNode? Read(string text, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            return ReadCore(text, sink);
        }
        catch (YamlException ex)
        {
            sink.Add(Rules.YamlSyntax, Clean(ex), ToPosition(ex.Start));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow collection ("title: [x" then more lines).
            sink.Add(Rules.YamlSyntax, "invalid YAML: an unclosed [ or { (or quote) runs to the end of the text", LastLinePosition(text));
            return null;
        }
    }

    private static Position LastLinePosition(string text)
    {
        var lines = text.TrimEnd('\n', '\r').Split('\n');
        return new Position(Math.Max(1, lines.Length), 1);
    }

    private static YNode? ReadCore(string text, FindingSink sink)
    {
        var parser = new Parser(new StringReader(text));
        // Each frame: the container start position, its items, and (for mappings) a pending key.
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            switch (ev)
            {
                case StreamStart or StreamEnd or DocumentEnd:
                    break;
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        sink.Add(Rules.YamlSyntax, "the file holds more than one YAML document (---); keep one per file", ToPosition(ev.Start));
                        return root;
                    }
                    break;
                case AnchorAlias alias:
                    sink.Add(Rules.YamlSyntax, $"YAML aliases (*{alias.Value}) are not allowed in evidence files; write the value out", ToPosition(ev.Start));
                    return null;
                case Scalar s:
                    if (!Add(stack, new YScalar(ToPosition(s.Start), s.Value, s.Style, ToPosition(s.End)), ref root, sink))
                    {
                        return null;
                    }
                    break;
                case SequenceStart:
                case MappingStart:
                    if (stack.Count >= MaxDepth)
                    {
                        sink.Add(Rules.YamlSyntax, $"nesting deeper than {MaxDepth} levels", ToPosition(ev.Start));
                        return null;
                    }
                    var flow = ev is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                    stack.Push(new Frame(ToPosition(ev.Start), ev is MappingStart, flow));
                    break;
                case SequenceEnd:
                case MappingEnd:
                    var frame = stack.Pop();
                    YNode node = frame.IsMapping
                        ? new YMapping(frame.Start, frame.Entries, frame.IsFlow)
                        : new YSequence(frame.Start, frame.Items, ToPosition(ev.Start), frame.IsFlow);
                    if (!Add(stack, node, ref root, sink))
                    {
                        return null;
                    }
                    break;
                default:
                    break;
            }
        }
        return root;
    }

    private static bool Add(Stack<Frame> stack, YNode node, ref YNode? root, FindingSink sink)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }
        var top = stack.Peek();
        if (!top.IsMapping)
        {
            top.Items.Add(node);
            return true;
        }
        if (top.PendingKey is null)
        {
            if (node is not YScalar key)
            {
                sink.Add(Rules.YamlSyntax, "a mapping key must be plain text, not a list or mapping", node.Start);
                return false;
            }
            if (!top.AddKey(key.Value))
            {
                sink.Add(Rules.YamlSyntax, $"duplicate key '{key.Value}'", key.Start);
                return false;
            }
            top.PendingKey = key;
            return true;
        }
        top.Entries.Add(new KeyValuePair<YScalar, YNode>(top.PendingKey, node));
        top.PendingKey = null;
        return true;
    }

    internal static Position ToPosition(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the finding carries the position itself.
        var message = ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
        {
            message = message[(cut + 3)..];
        }
        message = message.Trim();
        return message.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.');
    }

    private sealed class Frame(Position start, bool isMapping, bool isFlow)
    {
        public Position Start { get; } = start;
        public bool IsMapping { get; } = isMapping;
        public bool IsFlow { get; } = isFlow;
        public List<YNode> Items { get; } = [];
        public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];
        private HashSet<string>? _keys;

        /// <summary>False when the mapping has the key already. Small mappings (all of a claim's) are searched in
        /// order; a set is built only for a mapping of many keys.</summary>
        public bool AddKey(string key)
        {
            if (_keys is not null)
            {
                return _keys.Add(key);
            }
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            if (Entries.Count >= 16)
            {
                _keys = new HashSet<string>(Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
                return _keys.Add(key);
            }
            return true;
        }
        public YScalar? PendingKey { get; set; }
    }
}
