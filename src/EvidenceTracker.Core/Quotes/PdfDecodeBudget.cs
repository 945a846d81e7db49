using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace EvidenceTracker.Quotes;

/// <summary>
/// The PDF reader's stream filters, held to a budget of decoded bytes for the whole document: a few kilobytes of
/// Flate data can inflate to gigabytes (a decompression bomb), and every decoded byte of page content costs the
/// text extractor time and memory. A Flate stream is inflated once into a scratch buffer, stopping at the budget,
/// before the reader decodes it; the output of every other filter is counted after it runs. Once the budget is
/// spent every further decode fails at once, and <see cref="Exceeded"/> says so (the reader may swallow the failure).
/// </summary>
internal sealed class PdfDecodeBudget : IFilterProvider
{
    /// <summary>Decoded bytes allowed whatever the file's size.</summary>
    internal const long Floor = 256 * 1024;

    /// <summary>Decoded bytes allowed per byte of the file: far above what text, fonts and drawings compress by.</summary>
    internal const long Ratio = 20;

    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;

    public PdfDecodeBudget(long fileBytes) => Limit = Floor + (Ratio * fileBytes);

    /// <summary>The decoded bytes the document may produce.</summary>
    public long Limit { get; }

    /// <summary>The decoded bytes produced so far.</summary>
    public long Used { get; private set; }

    /// <summary>Whether a decode was refused for the budget.</summary>
    public bool Exceeded { get; private set; }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => [.. _inner.GetFilters(dictionary).Select(Wrap)];

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => [.. _inner.GetNamedFilters(names).Select(Wrap)];

    public IReadOnlyList<IFilter> GetAllFilters() => [.. _inner.GetAllFilters().Select(Wrap)];

    private Filter Wrap(IFilter filter) => new(filter, this);

    private long Remaining => Limit - Used;

    private void Spend(long bytes)
    {
        Used += bytes;
        if (Used > Limit)
        {
            Refuse();
        }
    }

    private void Refuse()
    {
        Exceeded = true;
        throw new InvalidDataException($"the PDF's streams decode to more than {Limit:N0} bytes");
    }

    /// <summary>How many bytes the Flate data inflates to, counting no further than <paramref name="cap"/> + 1; null when it is not valid Flate data (the reader then handles it as it does).</summary>
    private static long? InflatedLength(ReadOnlyMemory<byte> input, long cap)
    {
        // The reader skips the two-byte zlib header and reads raw deflate, as here.
        if (input.Length < 2)
        {
            return null;
        }
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            var data = input[2..];
            var stream = MemoryMarshal.TryGetArray(data, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(data.ToArray(), writable: false);
            using var deflate = new DeflateStream(stream, CompressionMode.Decompress);
            int read;
            while ((read = deflate.Read(buffer)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    return total;
                }
            }
        }
        catch (InvalidDataException)
        {
            return total > 0 ? total : null;
        }
        return total;
    }

    private sealed class Filter(IFilter inner, PdfDecodeBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (budget.Exceeded)
            {
                budget.Refuse();
            }
            if (inner is FlateFilter && InflatedLength(input, budget.Remaining) is { } inflated && inflated > budget.Remaining)
            {
                budget.Refuse();
            }
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(output.Length);
            return output;
        }
    }
}
