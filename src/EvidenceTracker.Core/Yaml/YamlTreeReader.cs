using EvidenceTracker.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvidenceTracker.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet's event stream. Unlike YamlStream it refuses aliases
/// (so an alias-expansion bomb costs nothing), refuses duplicate and non-scalar keys, bounds nesting depth,
/// and turns every parser error into a <c>yaml-syntax</c> finding with its line and column.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 64;

    public static YNode? Read(string text, FindingSink sink) => Read(text, sink, fast: true);

    /// <summary>
    /// Reads with YamlDotNet alone, never through <see cref="YamlFastReader"/>: the reference the fast reader is tested
    /// against.
    /// </summary>
    internal static YNode? ReadWithYamlDotNet(string text, FindingSink sink) => Read(text, sink, fast: false);

    private static YNode? Read(string text, FindingSink sink, bool fast)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            // YAML allows no NUL, and YamlDotNet takes one for the end of the input: a file of NUL bytes would read as
            // empty, and one with a NUL part-way would lose what follows it, without a word.
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            var column = nul - text.LastIndexOf('\n', Math.Max(0, nul - 1));
            sink.Add(Rules.YamlSyntax, "the file holds a NUL character (a zero byte), which YAML does not allow; save it as text", new Position(line, column));
            return null;
        }
        if (fast && YamlFastReader.TryRead(text, out var plain))
        {
            return plain;
        }
        var last = new Position(1, 1);
        try
        {
            return ReadCore(text, sink, ref last);
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
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet refuses some tags this way ("tags: !![x]": "Global tags must be valid URIs"), without a mark:
            // the finding points where the last good node ended, just before the offending text.
            var message = ex.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            message = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
            sink.Add(Rules.YamlSyntax, $"invalid YAML after this point: {(message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable")}", last);
            return null;
        }
    }

    private static Position LastLinePosition(string text)
    {
        var lines = text.TrimEnd('\n', '\r').Split('\n');
        return new Position(Math.Max(1, lines.Length), 1);
    }

    /// <summary>Reads the tree; <paramref name="last"/> follows where the last event ended (for errors without a mark).</summary>
    private static YNode? ReadCore(string text, FindingSink sink, ref Position last)
    {
        var parser = new Parser(new StringReader(text));
        var builder = new TreeBuilder(sink);
        var documents = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            last = ToPosition(ev.End);
            switch (ev)
            {
                case StreamStart or StreamEnd or DocumentEnd:
                    break;
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        sink.Add(Rules.YamlSyntax, "the file holds more than one YAML document (---); keep one per file", ToPosition(ev.Start));
                        return builder.Root;
                    }
                    break;
                default:
                    if (!builder.Handle(ev))
                    {
                        return null;
                    }
                    break;
            }
        }
        return builder.Root;
    }

    /// <summary>Builds the tree of one document from its events.</summary>
    private sealed class TreeBuilder(FindingSink sink)
    {
        // Each frame: the container start position, its items, and (for mappings) a pending key.
        private readonly Stack<Frame> _stack = new();

        public YNode? Root { get; private set; }

        /// <summary>Takes one event inside the document; false (and a finding) when the document cannot be read.</summary>
        public bool Handle(ParsingEvent ev)
        {
            switch (ev)
            {
                case AnchorAlias alias:
                    return Fail($"YAML aliases (*{alias.Value}) are not allowed in evidence files; write the value out", ToPosition(ev.Start));
                case Scalar s:
                    return Add(new YScalar(ToPosition(s.Start), s.Value, s.Style, ToPosition(s.End)));
                case SequenceStart:
                case MappingStart:
                    if (_stack.Count >= MaxDepth)
                    {
                        return Fail($"nesting deeper than {MaxDepth} levels", ToPosition(ev.Start));
                    }
                    var flow = ev is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                    _stack.Push(new Frame(ToPosition(ev.Start), ev is MappingStart, flow));
                    return true;
                case SequenceEnd:
                case MappingEnd:
                    var frame = _stack.Pop();
                    YNode node = frame.IsMapping
                        ? new YMapping(frame.Start, frame.Entries, frame.IsFlow)
                        : new YSequence(frame.Start, frame.Items, ToPosition(ev.Start), frame.IsFlow);
                    return Add(node);
                default:
                    return true;
            }
        }

        private bool Fail(string message, Position at)
        {
            sink.Add(Rules.YamlSyntax, message, at);
            return false;
        }

        private bool Add(YNode node)
        {
            if (_stack.Count == 0)
            {
                Root = node;
                return true;
            }
            var top = _stack.Peek();
            if (!top.IsMapping)
            {
                top.Items.Add(node);
                return true;
            }
            if (top.PendingKey is null)
            {
                if (node is not YScalar key)
                {
                    return Fail("a mapping key must be plain text, not a list or mapping", node.Start);
                }
                if (!top.AddKey(key.Value))
                {
                    return Fail($"duplicate key '{key.Value}'", key.Start);
                }
                top.PendingKey = key;
                return true;
            }
            top.Entries.Add(new KeyValuePair<YScalar, YNode>(top.PendingKey, node));
            top.PendingKey = null;
            return true;
        }
    }

    private static Position ToPosition(Mark mark) =>
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
