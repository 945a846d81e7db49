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
        var builder = new TreeBuilder(sink, 0);
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

    /// <summary>
    /// Reads many small files at once, with the same trees and findings as <see cref="Read"/> on each: the files are
    /// parsed as the documents of one YAML stream, so that YamlDotNet's scanner and parser are set up once for the
    /// batch rather than once per file (they allocate 5.5 KB each time, a third of what a claim file costs). A file
    /// that could change the stream's shape (document markers or directives, other line breaks than \n, no final
    /// line break) is read alone, and so is the whole batch when the stream has any syntax error, so every error
    /// is reported exactly as a file read alone reports it. A null text is skipped (its root is null).
    /// </summary>
    public static YNode?[] ReadMany(IReadOnlyList<string?> texts, IReadOnlyList<FindingSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(sinks);
        var roots = new YNode?[texts.Count];
        var batch = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is not { } text)
            {
                continue;
            }
            if (CanShareStream(text))
            {
                batch.Add(i);
            }
            else
            {
                roots[i] = Read(text, sinks[i]);
            }
        }
        if (batch.Count > 0 && !TryReadStream(texts, sinks, batch, roots))
        {
            foreach (var i in batch)
            {
                roots[i] = Read(texts[i]!, sinks[i]);
            }
        }
        return roots;
    }

    /// <summary>
    /// Characters YAML reads as line breaks (CR, NEL, LS, PS), as the end of input (NUL), or as white space or not
    /// depending on where they are (other controls, no-break space, BOM): a file with any is read alone.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0085\u00A0\u2028\u2029\uFEFF");

    /// <summary>Whether a file, put after a <c>---</c> line, is one document of a stream and nothing else.</summary>
    private static bool CanShareStream(string text) =>
        text.Length > 0 && text[^1] == '\n'
        && !text.StartsWith("---", StringComparison.Ordinal) && !text.StartsWith("...", StringComparison.Ordinal) && text[0] != '%'
        && !text.Contains("\n---", StringComparison.Ordinal) && !text.Contains("\n...", StringComparison.Ordinal)
        && !text.Contains("\n%", StringComparison.Ordinal)
        && text.AsSpan().IndexOfAny(Unusual) < 0
        && text.AsSpan().IndexOfAnyExcept(" \t\n") >= 0 && HasContent(text);

    /// <summary>
    /// A line that is neither blank nor a comment (a file of comments alone is no document), and no line whose first
    /// token starts with ':' — YamlDotNet's scanner carries some state across a --- line (whether a flow collection
    /// or scalar came last, the indentation), and only such a token reads differently because of it.
    /// </summary>
    private static bool HasContent(string text)
    {
        var content = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var rest = line.TrimStart(" \t");
            while (rest.Length > 1 && rest[0] is '-' or '?' && rest[1] is ' ' or '\t')
            {
                rest = rest[1..].TrimStart(" \t");
            }
            if (rest.Length > 0 && rest[0] == ':')
            {
                return false;
            }
            content |= rest.Length > 0 && rest[0] != '#';
        }
        return content;
    }

    private static bool TryReadStream(IReadOnlyList<string?> texts, IReadOnlyList<FindingSink> sinks, List<int> batch, YNode?[] roots)
    {
        var combined = new System.Text.StringBuilder(batch.Sum(i => texts[i]!.Length + 4));
        var offsets = new int[batch.Count]; // the 1-based line of each file's --- marker
        var lineCounts = new int[batch.Count];
        var line = 1;
        for (var k = 0; k < batch.Count; k++)
        {
            var text = texts[batch[k]]!;
            offsets[k] = line;
            lineCounts[k] = text.AsSpan().Count('\n');
            combined.Append("---\n").Append(text);
            line += 1 + lineCounts[k];
        }
        // Findings go to scratch sinks first: if the stream fails, each file is read alone and reports afresh.
        var scratch = new FindingSink[batch.Count];
        var found = new YNode?[batch.Count];
        try
        {
            var parser = new Parser(new StringReader(combined.ToString()));
            var k = -1;
            TreeBuilder? builder = null;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                switch (ev)
                {
                    case StreamStart or StreamEnd:
                        break;
                    case DocumentStart:
                        if (++k >= batch.Count)
                        {
                            return false;
                        }
                        scratch[k] = new FindingSink(sinks[batch[k]].File);
                        builder = new TreeBuilder(scratch[k], offsets[k], lineCounts[k]);
                        break;
                    case DocumentEnd:
                        found[k] = builder!.Failed ? null : builder.Root;
                        break;
                    default:
                        if (builder is null)
                        {
                            return false;
                        }
                        if (!builder.Failed)
                        {
                            builder.Handle(ev);
                        }
                        break;
                }
            }
            if (k != batch.Count - 1)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Any failure of the stream (even in the part of a file that, read alone, would have stopped earlier at a
            // duplicate key): every file of the batch is read alone, and reports exactly what it reports alone.
            return false;
        }
        for (var k = 0; k < batch.Count; k++)
        {
            var sink = sinks[batch[k]];
            foreach (var f in scratch[k].Findings)
            {
                sink.Add(f.Rule, f.Severity, f.Message, f.Line is int l ? new Position(l, f.Column ?? 1) : null);
            }
            roots[batch[k]] = found[k];
        }
        return true;
    }

    /// <summary>
    /// Builds the tree of one document from its events; positions are shifted up by <c>lineOffset</c> lines. In a
    /// batch, <c>lines</c> is the file's line count: a mark past its last line (an empty value at the end of the
    /// file ends where the next file's --- does) is where the file alone would end, after its final line break.
    /// </summary>
    private sealed class TreeBuilder(FindingSink sink, int lineOffset, int lines = 0)
    {
        // Each frame: the container start position, its items, and (for mappings) a pending key.
        private readonly Stack<Frame> _stack = new();

        public YNode? Root { get; private set; }

        /// <summary>A problem was found (and reported): the document has no tree.</summary>
        public bool Failed { get; private set; }

        private Position At(Mark mark) => lines > 0 && mark.Line - lineOffset > lines
            ? new Position(lines + 1, 1)
            : ToPosition(mark, lineOffset);

        /// <summary>Takes one event inside the document; false (and a finding) when the document cannot be read.</summary>
        public bool Handle(ParsingEvent ev)
        {
            switch (ev)
            {
                case AnchorAlias alias:
                    return Fail($"YAML aliases (*{alias.Value}) are not allowed in evidence files; write the value out", At(ev.Start));
                case Scalar s:
                    return Add(new YScalar(At(s.Start), s.Value, s.Style, At(s.End)));
                case SequenceStart:
                case MappingStart:
                    if (_stack.Count >= MaxDepth)
                    {
                        return Fail($"nesting deeper than {MaxDepth} levels", At(ev.Start));
                    }
                    var flow = ev is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                    _stack.Push(new Frame(At(ev.Start), ev is MappingStart, flow));
                    return true;
                case SequenceEnd:
                case MappingEnd:
                    var frame = _stack.Pop();
                    YNode node = frame.IsMapping
                        ? new YMapping(frame.Start, frame.Entries, frame.IsFlow)
                        : new YSequence(frame.Start, frame.Items, At(ev.Start), frame.IsFlow);
                    return Add(node);
                default:
                    return true;
            }
        }

        private bool Fail(string message, Position at)
        {
            sink.Add(Rules.YamlSyntax, message, at);
            Failed = true;
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

    internal static Position ToPosition(Mark mark, int lineOffset = 0) =>
        new((int)Math.Max(1, mark.Line - lineOffset), (int)Math.Max(1, mark.Column));

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
