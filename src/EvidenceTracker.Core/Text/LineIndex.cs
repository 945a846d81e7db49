using EvidenceTracker.Diagnostics;

namespace EvidenceTracker.Text;

/// <summary>
/// The one map between offsets of a text and 1-based line and column positions. A line ends at a line feed (LF), at a
/// carriage return followed by a line feed (CRLF, one break), or at a carriage return alone (CR) — the breaks of YAML
/// 1.2 and of CommonMark, so that positions agree with the YAML parser and with Markdig. A break belongs to the line
/// it ends; the text after the last break is a line of its own (empty when the text ends with a break). Columns count
/// UTF-16 code units from 1.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _starts;
    /// <summary>For an index of UTF-8 bytes: the bytes, so that columns count decoded UTF-16 code units.</summary>
    private readonly byte[]? _utf8;

    private LineIndex(int[] starts, int length, byte[]? utf8 = null)
    {
        _starts = starts;
        Length = length;
        _utf8 = utf8;
    }

    /// <summary>The index of a text.</summary>
    public static LineIndex Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of(text.AsSpan());
    }

    /// <summary>The index of a text.</summary>
    public static LineIndex Of(ReadOnlySpan<char> text)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        while (true)
        {
            var next = text[at..].IndexOfAny('\r', '\n');
            if (next < 0)
            {
                break;
            }
            at += next;
            at += text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
            starts.Add(at);
        }
        return new LineIndex([.. starts], text.Length);
    }

    /// <summary>The index of UTF-8 bytes: offsets are byte offsets; columns count the UTF-16 code units of the decoded
    /// line, as in a text index (a leading byte-order mark is not counted).</summary>
    public static LineIndex OfUtf8(ReadOnlySpan<byte> bytes)
    {
        var starts = new List<int> { 0 };
        var at = 0;
        while (true)
        {
            var next = bytes[at..].IndexOfAny((byte)'\r', (byte)'\n');
            if (next < 0)
            {
                break;
            }
            at += next;
            at += bytes[at] == '\r' && at + 1 < bytes.Length && bytes[at + 1] == '\n' ? 2 : 1;
            starts.Add(at);
        }
        return new LineIndex([.. starts], bytes.Length, bytes.ToArray());
    }

    /// <summary>The length of the text (chars, or bytes for <see cref="OfUtf8"/>).</summary>
    public int Length { get; }

    /// <summary>How many lines the text has (at least one).</summary>
    public int Count => _starts.Length;

    /// <summary>The offset where 0-based line <paramref name="line"/> starts.</summary>
    public int this[int line] => _starts[line];

    /// <summary>The offset where a 0-based line starts; <see cref="Length"/> past the last line.</summary>
    public int StartOf(int line) => line < _starts.Length ? _starts[Math.Max(0, line)] : Length;

    /// <summary>The 0-based line that holds <paramref name="offset"/> (clamped to the text).</summary>
    public int LineOf(int offset)
    {
        var i = Array.BinarySearch(_starts, Math.Clamp(offset, 0, Length));
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = LineOf(offset);
        var start = _starts[line];
        if (_utf8 is null)
        {
            return new Position(line + 1, offset - start + 1);
        }
        if (line == 0 && _utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = Math.Min(3, offset);
        }
        return new Position(line + 1, System.Text.Encoding.UTF8.GetCharCount(_utf8.AsSpan(start, offset - start)) + 1);
    }

    /// <summary>The offset of a 1-based position (a text index); positions past the text's end are clamped to it.</summary>
    public int OffsetOf(Position position)
    {
        if (position.Line - 1 >= _starts.Length)
        {
            return Length;
        }
        return Math.Min(Length, _starts[Math.Max(0, position.Line - 1)] + Math.Max(0, position.Column - 1));
    }

    /// <summary>The offset just after the line break of 1-based line <paramref name="line"/> (the text's end on the last line).</summary>
    public int EndOfLine(int line) => StartOf(line);
}
