namespace EvidenceTracker.Site;

/// <summary>
/// What a page holds: its bytes (a page of one claim, source or article, a few kilobytes), or how to write them to a
/// stream (a whole-site page, as large as the evidence): a writer streams such a page straight to its file, hashing
/// and comparing it as it goes, so the page is never held whole in memory.
/// </summary>
public sealed class PageContent
{
    private readonly byte[]? _bytes;
    private readonly Action<Stream>? _write;

    private PageContent(byte[]? bytes, Action<Stream>? write)
    {
        _bytes = bytes;
        _write = write;
    }

    /// <summary>A page held as bytes.</summary>
    public static PageContent FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new(bytes, null);
    }

    /// <summary>A page written by <paramref name="write"/> to the stream it is given (each time it is asked for).</summary>
    public static PageContent Streamed(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new(null, write);
    }

    public static implicit operator PageContent(byte[] bytes) => FromBytes(bytes);

    /// <summary>The bytes of a page held as bytes; null for a streamed page.</summary>
    public byte[]? Bytes => _bytes;

    /// <summary>Writes the page to <paramref name="stream"/> (rendering it, for a streamed page).</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_bytes is not null)
        {
            stream.Write(_bytes);
            return;
        }
        _write!(stream);
    }

    /// <summary>The page's bytes (a streamed page is rendered into memory: for tests and small sites).</summary>
    public byte[] ToArray()
    {
        if (_bytes is not null)
        {
            return _bytes;
        }
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }
}
