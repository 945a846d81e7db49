using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace EvidenceTracker.Network;

/// <summary>
/// The content codings of an HTTP answer (<c>Content-Encoding</c>) undone, each within the body limit: gzip (its CRC-32
/// and length checked against its trailer, so that a body cut short or damaged part-way is refused, not taken for the
/// page), deflate (zlib, or raw deflate as some servers send it) and brotli. An unknown coding, or more than two, is
/// refused: the bytes would otherwise reach the caller as the page.
/// </summary>
internal static class ContentCoding
{
    /// <summary>The codings asked for, in <c>Accept-Encoding</c>.</summary>
    public const string Accepted = "gzip, deflate, br";

    /// <summary>
    /// The body with <paramref name="codings"/> (in the order they were applied) undone, or null with why not
    /// (<paramref name="problem"/>: "is not valid compressed data (…)", "answers more than the … limit", …).
    /// </summary>
    public static byte[]? Decode(byte[] body, IReadOnlyList<string> codings, long maxBytes, out string? problem)
    {
        problem = null;
        var names = codings.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0 && c != "identity").ToList();
        if (names.Count > 2)
        {
            problem = $"is encoded {names.Count} times over ({string.Join(", ", names)}); not decoded";
            return null;
        }
        if (names.FirstOrDefault(n => n is not ("gzip" or "x-gzip" or "deflate" or "br")) is { } unknown)
        {
            problem = $"is in a content encoding that cannot be decoded ('{unknown}')";
            return null;
        }
        var current = body;
        for (var i = names.Count - 1; i >= 0; i--)
        {
            try
            {
                current = names[i] switch
                {
                    "gzip" or "x-gzip" => Gunzip(current, maxBytes, out problem),
                    "deflate" => Inflate(current, maxBytes, out problem),
                    _ => Read(new BrotliStream(new MemoryStream(current), CompressionMode.Decompress), maxBytes, out problem),
                };
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
            {
                // gzip and deflate fail with InvalidDataException, brotli with InvalidOperationException
                problem = $"is not valid compressed data ({OneLine(ex.Message)})";
                return null;
            }
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    private static byte[]? Gunzip(byte[] data, long maxBytes, out string? problem)
    {
        var output = Read(new GZipStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes, out problem);
        if (output is null)
        {
            return null;
        }
        // The trailer: CRC-32 and length (mod 2^32) of what the member decodes to. A body cut short ends in deflate data,
        // not in them; a damaged one decodes to something else.
        if (data.Length < 18
            || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 8)) != Crc32.HashToUInt32(output)
            || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4)) != (uint)output.Length)
        {
            problem = "is not valid compressed data (the gzip data does not match its check value: cut short or damaged)";
            return null;
        }
        return output;
    }

    private static byte[]? Inflate(byte[] data, long maxBytes, out string? problem)
    {
        // RFC 9110's deflate is zlib-wrapped (its Adler-32 checked at its end); some servers send raw deflate
        try
        {
            return Read(new ZLibStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes, out problem);
        }
        catch (InvalidDataException)
        {
            return Read(new DeflateStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes, out problem);
        }
    }

    /// <summary>What <paramref name="decoder"/> gives, or null once it passes <paramref name="maxBytes"/>.</summary>
    private static byte[]? Read(Stream decoder, long maxBytes, out string? problem)
    {
        problem = null;
        using (decoder)
        {
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = decoder.Read(chunk)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    problem = $"decodes to more than the {maxBytes / (1024 * 1024)} MB limit";
                    return null;
                }
                output.Write(chunk, 0, n);
            }
            return output.ToArray();
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
