using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace EvidenceTracker.Quotes;

/// <summary>
/// The PDF reader's stream filters, held to a budget of decoded bytes for the whole document: a few kilobytes of
/// Flate data can inflate to gigabytes (a decompression bomb), and every decoded byte of page content costs the
/// text extractor time and memory. Before the reader decodes a stream, what it will decode to is measured, stopping
/// at the budget: Flate data is inflated into a scratch buffer, and the lengths of LZW and RunLength data are counted
/// from their codes (a Flate stream can inflate into LZW codes that expand a thousandfold). The output of every filter
/// is counted after it runs too. Once the budget is
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

    /// <summary>
    /// How many bytes LZW data decodes to, counting no further than <paramref name="cap"/> + 1, without decoding it: the
    /// length of each code's string is that of the code before it plus one (ISO 32000-1, 7.4.4), so only the lengths
    /// are kept. LZW expands up to some 1,400 times, and a Flate stream can inflate into LZW codes.
    /// </summary>
    internal static long LzwLength(ReadOnlySpan<byte> input, bool earlyChange, long cap)
    {
        const int clearTable = 256, endOfData = 257, firstFree = 258, maxCodes = 4096;
        Span<int> lengths = stackalloc int[maxCodes];
        var offset = earlyChange ? 0 : 1;
        var nextCode = firstFree;
        var codeBits = 9;
        var boundary = 511 + offset;
        var previousLength = -1;
        long total = 0;
        ulong bits = 0;
        var held = 0;
        var at = 0;
        while (true)
        {
            while (held < codeBits && at < input.Length)
            {
                bits = (bits << 8) | input[at++];
                held += 8;
            }
            if (held < codeBits)
            {
                return total;
            }
            var code = (int)((bits >> (held - codeBits)) & ((1UL << codeBits) - 1));
            held -= codeBits;
            if (code == endOfData)
            {
                return total;
            }
            if (code == clearTable)
            {
                nextCode = firstFree;
                codeBits = 9;
                boundary = 511 + offset;
                previousLength = -1;
                continue;
            }
            int length;
            if (code < 256)
            {
                length = 1;
            }
            else if (code < nextCode)
            {
                length = lengths[code];
            }
            else if (previousLength >= 0)
            {
                length = previousLength + 1;
            }
            else
            {
                return total; // not LZW the reader can decode: it reports that itself
            }
            if (previousLength >= 0 && nextCode < maxCodes)
            {
                lengths[nextCode++] = previousLength + 1;
                if (nextCode >= boundary && codeBits < 12)
                {
                    codeBits++;
                    boundary = codeBits switch { 10 => 1023 + offset, 11 => 2047 + offset, _ => int.MaxValue };
                }
            }
            previousLength = length;
            total += length;
            if (total > cap)
            {
                return total;
            }
        }
    }

    /// <summary>How many bytes RunLengthDecode data decodes to (up to 64 times its size), counting no further than <paramref name="cap"/> + 1.</summary>
    internal static long RunLengthLength(ReadOnlySpan<byte> input, long cap)
    {
        long total = 0;
        var at = 0;
        while (at < input.Length && total <= cap)
        {
            var length = input[at++];
            if (length == 128)
            {
                break;
            }
            if (length < 128)
            {
                total += Math.Min(length + 1, input.Length - at);
                at += length + 1;
            }
            else
            {
                total += 257 - length;
                at++;
            }
        }
        return total;
    }

    /// <summary>
    /// The bytes of one row that a PNG or TIFF predictor (<c>/Predictor</c> 2 or more in the filter's <c>/DecodeParms</c>)
    /// allocates before it decodes anything: <c>/Columns</c> × <c>/Colors</c> × <c>/BitsPerComponent</c> / 8. A stream of
    /// a few hundred bytes can ask for a row of hundreds of megabytes; 0 without a predictor.
    /// </summary>
    internal static long PredictorRow(DictionaryToken stream, int filterIndex)
    {
        if (Parameters(stream, filterIndex) is not DictionaryToken d || Number(d, NameToken.Predictor) is not >= 2)
        {
            return 0;
        }
        var columns = Math.Max(1, Number(d, NameToken.Columns) ?? 1);
        var colors = Math.Max(1, Number(d, NameToken.Colors) ?? 1);
        var bits = Math.Max(1, Number(d, NameToken.BitsPerComponent) ?? 8);
        return (long)Math.Min(long.MaxValue / 2, Math.Ceiling(columns * colors * bits / 8));
    }

    private static double? Number(DictionaryToken d, NameToken key) =>
        d.TryGet(key, out var value) && value is NumericToken n && double.IsFinite(n.Double) ? n.Double : null;

    private static IToken? Parameters(DictionaryToken stream, int filterIndex)
    {
        var parameters = stream.TryGet(NameToken.DecodeParms, out var token) || stream.TryGet(NameToken.Dp, out token) ? token : null;
        if (parameters is ArrayToken array)
        {
            parameters = filterIndex >= 0 && filterIndex < array.Length ? array[filterIndex] : null;
        }
        return parameters;
    }

    /// <summary>The LZW filter's <c>/EarlyChange</c> (1, the default, unless its <c>/DecodeParms</c> say 0).</summary>
    private static bool EarlyChange(DictionaryToken stream, int filterIndex)
    {
        var parameters = Parameters(stream, filterIndex);
        return !(parameters is DictionaryToken d && d.TryGet(NameToken.EarlyChange, out var value) && value is NumericToken { Int: 0 });
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
            var decoded = inner switch
            {
                FlateFilter => InflatedLength(input, budget.Remaining),
                LzwFilter => LzwLength(input.Span, EarlyChange(streamDictionary, filterIndex), budget.Remaining),
                RunLengthFilter => RunLengthLength(input.Span, budget.Remaining),
                _ => null,
            };
            if (decoded > budget.Remaining || PredictorRow(streamDictionary, filterIndex) > budget.Remaining)
            {
                budget.Refuse();
            }
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(output.Length);
            return output;
        }
    }
}
