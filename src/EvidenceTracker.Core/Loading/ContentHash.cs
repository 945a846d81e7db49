using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace EvidenceTracker.Loading;

/// <summary>The digest of a file's text that <see cref="EvidenceSet.ContentHashes"/> records: 128 bits of SHA-256, as hex.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
