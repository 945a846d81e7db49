using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceTracker.Site;

/// <summary>
/// The SHA-256 of a list of strings, each taken as its UTF-8 length (4 bytes, little-endian) and bytes, so that no two
/// lists give the same bytes; gathered in a pooled buffer and hashed 64 KB at a time (a manifest seals a quarter of a
/// million entries). The page inputs, the repository digest and the manifest's seal are all made this way.
/// </summary>
internal sealed class PartsDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;

    public void Add(string part)
    {
        var length = Encoding.UTF8.GetByteCount(part);
        if (_used + 4 + length > _buffer.Length)
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), length);
        if (4 + length > _buffer.Length)
        {
            // longer than the buffer (just emptied): the prefix goes through it, the part straight to the hash
            _hash.AppendData(_buffer, 0, 4);
            _hash.AppendData(Encoding.UTF8.GetBytes(part));
            return;
        }
        _used += 4 + Encoding.UTF8.GetBytes(part, _buffer.AsSpan(_used + 4));
    }

    /// <summary>The digest as lower-case hex: all 32 bytes, or the first <paramref name="bytes"/>.</summary>
    public string Finish(int bytes = SHA256.HashSizeInBytes)
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
        Span<byte> result = stackalloc byte[SHA256.HashSizeInBytes];
        _hash.GetHashAndReset(result);
        return Convert.ToHexStringLower(result[..bytes]);
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
