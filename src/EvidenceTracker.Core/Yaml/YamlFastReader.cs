using EvidenceTracker.Diagnostics;
using YamlDotNet.Core;

namespace EvidenceTracker.Yaml;

/// <summary>
/// Reads the plain shape that claim, source and settings files almost always have — a block mapping of
/// <c>key: value</c> lines, values that are one-line plain or quoted scalars, one-line flow lists, block lists of
/// scalars or of such mappings, whole-line comments — straight into the tree, with the positions YamlDotNet gives.
/// Anything else (tabs, carriage returns, escapes, multi-line or block scalars, anchors, tags, flow mappings, document
/// markers, comments after a value, duplicate keys, an empty file) is declined, and <see cref="YamlTreeReader"/> reads the
/// file with YamlDotNet as before, findings included. YamlDotNet costs about 16 KB of allocations for a 400-character
/// claim file; this reader allocates the tree and little else.
/// </summary>
internal sealed class YamlFastReader
{
    private readonly string _text;

    // The current line: where it starts and ends (before its '\n'), and its 1-based number.
    private int _lineStart;
    private int _lineEnd;
    private int _line;

    // Mappings and lists open around the current line: deeper nesting is declined (the slow reader bounds it with a finding).
    private int _depth;

    /// <summary>Nesting this reader takes; claim and source files need four levels.</summary>
    private const int MaxDepth = 16;

    /// <summary>YAML's limit on a key's length (longer keys are an error there).</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>
    /// The field names of claims, sources and settings: a key that is one of them is this string, not a new copy (a
    /// repository's files repeat a few dozen keys hundreds of thousands of times, and field positions keep them).
    /// </summary>
    private static readonly HashSet<string> KnownKeys = [.. Loading.DocumentReaders.ClaimFields, .. Loading.DocumentReaders.CitationFields,
        .. Loading.DocumentReaders.SourceFields, .. Loading.DocumentReaders.ConfigFields];

    private static string Key(ReadOnlySpan<char> text) =>
        KnownKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known) ? known : text.ToString();

    private YamlFastReader(string text)
    {
        _text = text;
    }

    /// <summary>The tree of <paramref name="text"/>, or false when the text is not of the plain shape (read it the slow way).</summary>
    public static bool TryRead(string text, out YNode? root)
    {
        root = null;
        // YamlDotNet's end of the stream after a last line without a line feed, or after lines of spaces, is not simple
        // to foretell: such texts are left to it.
        if (text.Length == 0 || text[^1] != '\n' || (text.Contains(" \n", StringComparison.Ordinal) && HasSpacesOnlyLine(text)) || !AllPlainCharacters(text))
        {
            return false;
        }
        var reader = new YamlFastReader(text);
        reader.SetLine(0, 1);
        if (!reader.SkipToContent() || reader.Indent() != 0)
        {
            return false;
        }
        var map = reader.ReadMapping(0, 0);
        if (map is null || reader._lineStart < text.Length)
        {
            return false;
        }
        root = map;
        return true;
    }

    private static bool HasSpacesOnlyLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (end > start && text.AsSpan(start, end - start).TrimStart(' ').IsEmpty)
            {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /// <summary>Only line feeds and printable characters of the Basic Multilingual Plane (no tab, CR, BOM, NEL, no-break space, line separators or surrogates).</summary>
    private static bool AllPlainCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c == '\n' || (c >= ' ' && c < '\u007f'))
            {
                continue;
            }
            if (c <= '\u00a0' || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    private void SetLine(int start, int line)
    {
        _lineStart = start;
        _line = line;
        var end = _text.IndexOf('\n', start);
        _lineEnd = end < 0 ? _text.Length : end;
    }

    private void NextLine()
    {
        if (_lineEnd >= _text.Length)
        {
            _lineStart = _text.Length;
            _lineEnd = _text.Length;
            _line++;
            return;
        }
        SetLine(_lineEnd + 1, _line + 1);
    }

    private bool AtEnd => _lineStart >= _text.Length;

    /// <summary>The number of spaces the current line starts with.</summary>
    private int Indent()
    {
        var i = _lineStart;
        while (i < _lineEnd && _text[i] == ' ')
        {
            i++;
        }
        return i - _lineStart;
    }

    /// <summary>
    /// Moves past blank lines and comment lines (a '#' in the first column); false at the end of the text, or (with the
    /// reader left there) at a line indented before a '#'.
    /// </summary>
    private bool SkipToContent()
    {
        while (!AtEnd)
        {
            var indent = Indent();
            if (_lineStart + indent == _lineEnd || (indent == 0 && _text[_lineStart] == '#'))
            {
                NextLine();
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>Where the next token is: the first character of the next content line, or where YamlDotNet ends the stream.</summary>
    private Position NextTokenPosition()
    {
        if (!AtEnd)
        {
            return new Position(_line, Indent() + 1);
        }
        // The text ends with a line feed (TryRead): YamlDotNet ends the stream at the start of the line after it.
        return new Position(_text.AsSpan().Count('\n') + 1, 1);
    }

    /// <summary>A line holding a comment indented, or anything YAML would read otherwise: declined.</summary>
    private bool IsIndentedComment() => !AtEnd && _text[_lineStart + Indent()] == '#';

    /// <summary>
    /// A block mapping whose keys are at <paramref name="indent"/> spaces; its first key starts at column offset
    /// <paramref name="first"/> of the current line (after "- " in a list). Null when declined.
    /// </summary>
    private YMapping? ReadMapping(int indent, int first)
    {
        if (++_depth > MaxDepth)
        {
            return null;
        }
        var map = ReadMappingEntries(indent, first);
        _depth--;
        return map;
    }

    private YMapping? ReadMappingEntries(int indent, int first)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>(8);
        var start = new Position(_line, first + 1);
        var offset = first;
        while (true)
        {
            var keyStart = _lineStart + offset;
            var i = keyStart;
            while (i < _lineEnd && IsKeyChar(_text[i]))
            {
                i++;
            }
            if (i == keyStart || i - keyStart > MaxKeyLength || i >= _lineEnd || _text[i] != ':' || !IsKeyStart(_text[keyStart]) || (i + 1 < _lineEnd && _text[i + 1] != ' '))
            {
                return null;
            }
            var keyText = Key(_text.AsSpan(keyStart, i - keyStart));
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key.Value, keyText, StringComparison.Ordinal))
                {
                    return null; // the slow reader reports the duplicate
                }
            }
            var key = new YScalar(new Position(_line, offset + 1), keyText, ScalarStyle.Plain, new Position(_line, offset + 1 + keyText.Length));
            var colon = i;
            var valueAt = colon + 1;
            while (valueAt < _lineEnd && _text[valueAt] == ' ')
            {
                valueAt++;
            }
            YNode? value;
            if (valueAt == _lineEnd)
            {
                var emptyAt = new Position(_line, colon - _lineStart + 2);
                NextLine();
                if (!SkipToContent())
                {
                    value = new YScalar(emptyAt, "", ScalarStyle.Plain, emptyAt);
                }
                else
                {
                    var next = Indent();
                    var dash = IsDashLine(next);
                    if (IsIndentedComment())
                    {
                        return null;
                    }
                    if (dash && next >= indent)
                    {
                        value = ReadSequence(next);
                    }
                    else if (next > indent)
                    {
                        value = ReadMapping(next, next);
                    }
                    else
                    {
                        value = new YScalar(emptyAt, "", ScalarStyle.Plain, emptyAt);
                    }
                    if (value is null)
                    {
                        return null;
                    }
                }
            }
            else
            {
                value = ReadInline(valueAt);
                if (value is null)
                {
                    return null;
                }
                NextLine();
                SkipToContent();
            }
            entries.Add(new KeyValuePair<YScalar, YNode>(key, value));

            // The next key of this mapping, or the end of it.
            if (AtEnd)
            {
                return new YMapping(start, entries);
            }
            var indentNow = Indent();
            if (IsIndentedComment() || indentNow > indent || (indentNow == indent && IsDashLine(indentNow)))
            {
                return null; // a continuation line, a list where a key belongs, or a comment YAML may read as part of a value
            }
            if (indentNow < indent)
            {
                return new YMapping(start, entries);
            }
            offset = indent;
        }
    }

    /// <summary>A block list whose dashes are at <paramref name="indent"/> spaces, starting on the current line.</summary>
    private YSequence? ReadSequence(int indent)
    {
        if (++_depth > MaxDepth)
        {
            return null;
        }
        var sequence = ReadSequenceItems(indent);
        _depth--;
        return sequence;
    }

    private YSequence? ReadSequenceItems(int indent)
    {
        var items = new List<YNode>();
        var start = new Position(_line, indent + 1);
        while (true)
        {
            var dash = _lineStart + indent;
            var itemAt = dash + 1;
            while (itemAt < _lineEnd && _text[itemAt] == ' ')
            {
                itemAt++;
            }
            if (itemAt == _lineEnd || itemAt == dash + 1)
            {
                return null;
            }
            YNode? item;
            if (LooksLikeKey(itemAt))
            {
                item = ReadMapping(itemAt - _lineStart, itemAt - _lineStart);
            }
            else
            {
                item = ReadInline(itemAt);
                if (item is not null)
                {
                    NextLine();
                    SkipToContent();
                }
            }
            if (item is null)
            {
                return null;
            }
            items.Add(item);
            if (AtEnd)
            {
                return new YSequence(start, items, NextTokenPosition(), isFlow: false);
            }
            var indentNow = Indent();
            if (IsIndentedComment() || indentNow > indent)
            {
                return null;
            }
            if (indentNow < indent || !IsDashLine(indentNow))
            {
                return new YSequence(start, items, NextTokenPosition(), isFlow: false);
            }
        }
    }

    /// <summary>Whether the current line holds "- " (or a lone "-") at <paramref name="indent"/>.</summary>
    private bool IsDashLine(int indent)
    {
        var at = _lineStart + indent;
        return at < _lineEnd && _text[at] == '-' && (at + 1 == _lineEnd || _text[at + 1] == ' ');
    }

    /// <summary>Key characters then ':' then a space or the end of the line.</summary>
    private bool LooksLikeKey(int at)
    {
        var i = at;
        while (i < _lineEnd && IsKeyChar(_text[i]))
        {
            i++;
        }
        return i > at && i < _lineEnd && _text[i] == ':' && (i + 1 == _lineEnd || _text[i + 1] == ' ');
    }

    private static bool IsKeyStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>A value on one line, from <paramref name="at"/> to the end of the line: a scalar or a flow list. Null when declined.</summary>
    private YNode? ReadInline(int at)
    {
        var c = _text[at];
        YNode? node;
        int end;
        if (c == '[')
        {
            node = ReadFlowSequence(at, out end);
        }
        else if (c is '"' or '\'')
        {
            node = ReadQuoted(at, out end);
        }
        else
        {
            return ReadPlain(at);
        }
        if (node is null)
        {
            return null;
        }
        while (end < _lineEnd && _text[end] == ' ')
        {
            end++;
        }
        return end == _lineEnd ? node : null;
    }

    /// <summary>A plain scalar running to the end of the line (trailing spaces dropped).</summary>
    private YScalar? ReadPlain(int at)
    {
        if (IsIndicator(_text[at]))
        {
            return null;
        }
        var last = _lineEnd;
        while (last > at && _text[last - 1] == ' ')
        {
            last--;
        }
        for (var i = at; i < last; i++)
        {
            var c = _text[i];
            if ((c == ':' && (i + 1 == last || _text[i + 1] == ' ')) || (c == '#' && _text[i - 1] == ' '))
            {
                return null; // a key, or a comment
            }
        }
        return new YScalar(new Position(_line, at - _lineStart + 1), _text[at..last], ScalarStyle.Plain, new Position(_line, last - _lineStart + 1));
    }

    /// <summary>A quoted scalar closed on its line, without escapes ('' in single quotes is the one allowed).</summary>
    private YScalar? ReadQuoted(int at, out int end)
    {
        var quote = _text[at];
        end = at;
        var i = at + 1;
        string value;
        if (quote == '"')
        {
            var close = _text.AsSpan(i, _lineEnd - i).IndexOfAny('"', '\\');
            if (close < 0 || _text[i + close] == '\\')
            {
                return null;
            }
            value = _text.Substring(i, close);
            end = i + close + 1;
        }
        else
        {
            var sb = new System.Text.StringBuilder();
            while (true)
            {
                var close = _text.IndexOf('\'', i, _lineEnd - i);
                if (close < 0)
                {
                    return null;
                }
                sb.Append(_text, i, close - i);
                if (close + 1 < _lineEnd && _text[close + 1] == '\'')
                {
                    sb.Append('\'');
                    i = close + 2;
                    continue;
                }
                end = close + 1;
                break;
            }
            value = sb.ToString();
        }
        if (end < _lineEnd && _text[end] == ':')
        {
            return null; // a quoted key
        }
        return new YScalar(new Position(_line, at - _lineStart + 1), value, quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted,
            new Position(_line, end - _lineStart + 1));
    }

    /// <summary>[a, "b", 'c'] on one line: plain items without ':', '#' or brackets, or quoted ones; no empty item.</summary>
    private YSequence? ReadFlowSequence(int at, out int end)
    {
        end = at;
        var items = new List<YNode>();
        var i = at + 1;
        while (true)
        {
            while (i < _lineEnd && _text[i] == ' ')
            {
                i++;
            }
            if (i >= _lineEnd)
            {
                return null;
            }
            if (_text[i] == ']' && items.Count == 0)
            {
                break;
            }
            YScalar? item;
            if (_text[i] is '"' or '\'')
            {
                item = ReadQuoted(i, out var after);
                i = after;
            }
            else
            {
                var itemStart = i;
                while (i < _lineEnd && _text[i] is not (',' or ']'))
                {
                    if (_text[i] is ':' or '#' or '[' or '{' or '}')
                    {
                        return null;
                    }
                    i++;
                }
                var last = i;
                while (last > itemStart && _text[last - 1] == ' ')
                {
                    last--;
                }
                if (last == itemStart || IsIndicator(_text[itemStart]))
                {
                    return null;
                }
                item = new YScalar(new Position(_line, itemStart - _lineStart + 1), _text[itemStart..last], ScalarStyle.Plain,
                    new Position(_line, last - _lineStart + 1));
            }
            if (item is null)
            {
                return null;
            }
            items.Add(item);
            while (i < _lineEnd && _text[i] == ' ')
            {
                i++;
            }
            if (i >= _lineEnd)
            {
                return null;
            }
            if (_text[i] == ']')
            {
                break;
            }
            if (_text[i] != ',')
            {
                return null;
            }
            i++;
        }
        end = i + 1;
        return new YSequence(new Position(_line, at - _lineStart + 1), items, new Position(_line, i - _lineStart + 1), isFlow: true);
    }

    /// <summary>Characters that may not start a plain scalar (YAML's indicators; '-', '?' and ':' declined too).</summary>
    private static bool IsIndicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|'
        or '>' or '\'' or '"' or '%' or '@' or '`';
}
