using System.IO.Compression;

namespace EvidenceTracker.Tests.Support;

/// <summary>Bytes compressed as a server or a PDF writer would compress them, for the tests of the readers that undo it.</summary>
public static class Compressed
{
    public static byte[] Gzip(byte[] data) => With(data, s => new GZipStream(s, CompressionLevel.Optimal));

    public static byte[] Zlib(byte[] data) => With(data, s => new ZLibStream(s, CompressionLevel.Optimal));

    public static byte[] Brotli(byte[] data) => With(data, s => new BrotliStream(s, CompressionLevel.Optimal));

    private static byte[] With(byte[] data, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(data);
        }
        return output.ToArray();
    }
}
