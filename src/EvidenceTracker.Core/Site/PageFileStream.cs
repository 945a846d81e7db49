using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace EvidenceTracker.Site;

/// <summary>
/// The stream a whole-site page is rendered into: it hashes the bytes (SHA-256, as they come), compares them with the
/// file already at the page's path, and — only from the first byte that differs — writes them to a temporary file in the
/// page's folder, which <see cref="Commit"/> renames over the page. An unchanged page therefore writes nothing at all (no
/// temporary file; the file keeps its inode and times), and a changed one is never torn: a failure or a kill leaves the
/// old page whole and at most a temporary file, which the next build removes. The page is never held whole in memory:
/// writes are gathered in a 64 KB buffer and handled a buffer at a time.
/// </summary>
internal sealed class PageFileStream : Stream
{
    private const int BufferSize = 1 << 16;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly SafeFileHandle? _old;
    private readonly long _oldLength;
    private readonly string? _tempPath;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _buffered;
    private SafeFileHandle? _temp;
    private long _length;
    private bool _differs;
    private bool _committed;

    /// <param name="path">The page's file, compared with when <paramref name="exists"/>.</param>
    /// <param name="exists">Whether a file is at <paramref name="path"/> (one that cannot be opened counts as different).</param>
    /// <param name="tempPath">The temporary file to write a changed page to; null to write nothing (<c>build --check</c>).</param>
    public PageFileStream(string path, bool exists, string? tempPath)
    {
        _tempPath = tempPath;
        if (exists)
        {
            try
            {
                _old = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
                _oldLength = RandomAccess.GetLength(_old);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _old?.Dispose();
                _old = null;
            }
        }
    }

    /// <summary>The SHA-256 of the page (lower-case hex), once <see cref="Finish"/> has run.</summary>
    public string Hash { get; private set; } = "";

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length + _buffered;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var n = Math.Min(buffer.Length, BufferSize - _buffered);
            buffer[..n].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += n;
            buffer = buffer[n..];
            if (_buffered == BufferSize)
            {
                Drain();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Nothing to flush before <see cref="Finish"/>: the page is compared and written a buffer at a time.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Ends the page: true when its bytes are those of the file at its path (nothing was written); false when they
    /// differ, and then (unless writing nothing) the temporary file holds the whole page, ready for <see cref="Commit"/>.
    /// </summary>
    public bool Finish()
    {
        Drain();
        if (!_differs && (_old is null || _length != _oldLength))
        {
            Differ();
        }
        Hash = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _temp?.Dispose();
        return !_differs;
    }

    /// <summary>Renames the temporary file over the page (atomic: same folder).</summary>
    public void Commit(string path, bool replace)
    {
        if (_tempPath is null || !_differs)
        {
            throw new InvalidOperationException("only a changed page written to a temporary file is committed");
        }
        File.Move(_tempPath, path, overwrite: replace);
        _committed = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _old?.Dispose();
            _temp?.Dispose();
            _hash.Dispose();
            if (_temp is not null && !_committed)
            {
                File.Delete(_tempPath!);
            }
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }
        base.Dispose(disposing);
    }

    /// <summary>Hashes the buffered bytes, compares them with the old file while they are the same, and writes them once they differ.</summary>
    private void Drain()
    {
        if (_buffered == 0)
        {
            return;
        }
        var chunk = _buffer.AsSpan(0, _buffered);
        _hash.AppendData(chunk);
        if (!_differs && !SameAsOld(chunk))
        {
            Differ();
        }
        if (_temp is not null)
        {
            RandomAccess.Write(_temp, chunk, _length);
        }
        _length += _buffered;
        _buffered = 0;
    }

    private bool SameAsOld(ReadOnlySpan<byte> chunk)
    {
        if (_old is null || _length + chunk.Length > _oldLength)
        {
            return false;
        }
        var old = ArrayPool<byte>.Shared.Rent(chunk.Length);
        try
        {
            var read = 0;
            while (read < chunk.Length)
            {
                var n = RandomAccess.Read(_old, old.AsSpan(read, chunk.Length - read), _length + read);
                if (n == 0)
                {
                    return false;
                }
                read += n;
            }
            return old.AsSpan(0, chunk.Length).SequenceEqual(chunk);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(old);
        }
    }

    /// <summary>
    /// From here on the page differs from the old file: the temporary file is created and given the bytes that were the
    /// same (copied from the old file, which holds them), so that it holds the page from its first byte.
    /// </summary>
    private void Differ()
    {
        _differs = true;
        if (_tempPath is null)
        {
            return;
        }
        _temp = File.OpenHandle(_tempPath, FileMode.CreateNew, FileAccess.Write);
        if (_length == 0)
        {
            return;
        }
        var copy = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (long offset = 0; offset < _length;)
            {
                var n = RandomAccess.Read(_old!, copy.AsSpan(0, (int)Math.Min(BufferSize, _length - offset)), offset);
                if (n == 0)
                {
                    throw new IOException("the page's file became shorter while it was compared");
                }
                RandomAccess.Write(_temp, copy.AsSpan(0, n), offset);
                offset += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
