using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvidenceTracker.Reporting;

/// <summary>Writes JSON with readable non-ASCII text, two-space indentation and \n line ends.</summary>
public static class Json
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>
    /// Writes the JSON made by <paramref name="body"/> to <paramref name="writer"/> as it goes: a body that writes many
    /// items calls <see cref="FlushIfFull"/> after each, so a report of 300,000 findings never sits whole in memory.
    /// </summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(body);
        using (var stream = new TextWriterStream(writer, escapeBidi: true))
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            body(json);
        }
        writer.Write('\n');
    }

    /// <summary>Writes a JSON array of <paramref name="items"/>, each by <paramref name="item"/>, as it goes.</summary>
    public static void WriteArray<T>(TextWriter writer, IEnumerable<T> items, Action<Utf8JsonWriter, T> item)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var x in items)
            {
                item(json, x);
                json.FlushIfFull();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>Hands what the writer holds on once it holds 64 KB.</summary>
    public static void FlushIfFull(this Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.BytesPending >= 1 << 16)
        {
            json.Flush();
        }
    }

    public static void StringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }
        json.WriteEndArray();
    }

    public static void NumberOrNull(this Utf8JsonWriter json, string name, int? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is int v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>
/// A write-only stream that decodes the UTF-8 written to it onto a <see cref="TextWriter"/>. With
/// <paramref name="escapeBidi"/> (JSON), the bidi embeddings, overrides and isolates that the JSON encoder lets through
/// are written as <c>\uXXXX</c> escapes, so that a report shown in a terminal or a CI log reads in the order it is
/// written: in JSON such a character can only stand inside a string, where the escape means the same character.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer, bool escapeBidi = false) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = [];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = Encoding.UTF8.GetMaxCharCount(buffer.Length); // a bound, without a pass over the bytes
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 1024)];
        }
        var written = _decoder.GetChars(buffer, _chars, flush: false);
        Put(_chars.AsSpan(0, written));
    }

    private void Put(ReadOnlySpan<char> chars)
    {
        while (escapeBidi && IndexOfBidi(chars) is var at and >= 0)
        {
            writer.Write(chars[..at]);
            writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)chars[at]:X4}"));
            chars = chars[(at + 1)..];
        }
        writer.Write(chars);
    }

    /// <summary>
    /// The first bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), or -1. A search for the range
    /// between them runs vectorised; a <c>SearchValues</c> of the nine characters fell back to a probabilistic map that
    /// took 0.4 s of a 63 MB report with Chinese text.
    /// </summary>
    internal static int IndexOfBidi(ReadOnlySpan<char> chars)
    {
        var offset = 0;
        while (chars.IndexOfAnyInRange('\u202a', '\u2069') is var at and >= 0)
        {
            if (chars[at] is <= '\u202e' or >= '\u2066')
            {
                return offset + at;
            }
            chars = chars[(at + 1)..]; // ‰, ※ and the like, between the two ranges
            offset += at + 1;
        }
        return -1;
    }

    public override void Flush() => writer.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // bytes of an incomplete character left at the end become U+FFFD rather than vanish
            var written = _decoder.GetChars(ReadOnlySpan<byte>.Empty, _chars.Length >= 2 ? _chars : _chars = new char[2], flush: true);
            Put(_chars.AsSpan(0, written));
        }
        base.Dispose(disposing);
    }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
