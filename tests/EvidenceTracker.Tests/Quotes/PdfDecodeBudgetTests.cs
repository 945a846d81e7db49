using System.Text;
using EvidenceTracker.Quotes;
using EvidenceTracker.Tests.Support;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace EvidenceTracker.Tests.Quotes;

/// <summary>
/// The decode budget measures what LZW and RunLength data decode to before the PDF reader decodes them; the counts
/// are compared with what the reader's own filters decode.
/// </summary>
public class PdfDecodeBudgetTests
{
    private static readonly DictionaryToken NoParameters = new(new Dictionary<NameToken, IToken>());

    /// <summary>
    /// LZW as PDF writes it (ISO 32000-1, 7.4.4, early change): the table is cleared before its codes need 10 bits, so
    /// every code is 9 bits wide; that keeps the encoder short, and the decoder's width rules are tested all the same.
    /// </summary>
    private static byte[] Lzw(byte[] data)
    {
        var codes = new List<int> { 256 };
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 258;
        var word = "";
        foreach (var b in data)
        {
            var extended = word + (char)b;
            if (extended.Length == 1 || table.ContainsKey(extended))
            {
                word = extended;
                continue;
            }
            codes.Add(word.Length == 1 ? word[0] : table[word]);
            table[extended] = next++;
            word = ((char)b).ToString();
            if (next == 500)
            {
                codes.Add(256);
                table.Clear();
                next = 258;
            }
        }
        if (word.Length > 0)
        {
            codes.Add(word.Length == 1 ? word[0] : table[word]);
        }
        codes.Add(257);
        var output = new List<byte>();
        ulong bits = 0;
        var held = 0;
        foreach (var code in codes)
        {
            bits = (bits << 9) | (uint)code;
            held += 9;
            while (held >= 8)
            {
                output.Add((byte)(bits >> (held - 8)));
                held -= 8;
            }
        }
        if (held > 0)
        {
            output.Add((byte)(bits << (8 - held)));
        }
        return [.. output];
    }

    private static IFilter Named(PdfDecodeBudget budget, string name) => Assert.Single(budget.GetNamedFilters([NameToken.Create(name)]));

    public static TheoryData<string> Texts => new() { "", "a", "abababababababab", "The screening model reached a sensitivity of 92.9%. " };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_lzw_count_is_the_length_the_readers_own_filter_decodes(string text)
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, 200)) + text);
        var encoded = Lzw(data);
        var decoded = new LzwFilter().Decode(encoded, NoParameters, DefaultFilterProvider.Instance, 0);
        Assert.Equal(data, decoded.ToArray());
        Assert.Equal(data.Length, PdfDecodeBudget.LzwLength(encoded, earlyChange: true, long.MaxValue));
    }

    [Fact]
    public void An_lzw_bomb_is_refused_before_it_is_decoded()
    {
        var encoded = Lzw(new byte[2_000_000]);
        Assert.True(encoded.Length < 40_000, $"{encoded.Length} bytes of codes");
        var budget = new PdfDecodeBudget(encoded.Length);
        var ex = Assert.Throws<InvalidDataException>(() => Named(budget, "LZWDecode").Decode(encoded, NoParameters, budget, 0));
        Assert.Contains("decode to more than", ex.Message);
        Assert.True(budget.Exceeded);
        Assert.Equal(0, budget.Used); // refused on the count: nothing was decoded
    }

    [Fact]
    public void A_runlength_bomb_is_refused_before_it_is_decoded_and_its_count_is_the_decoded_length()
    {
        // each pair (129, byte) repeats the byte 128 times
        var encoded = Enumerable.Repeat<byte[]>([129, 0x41], 20_000).SelectMany(p => p).Append((byte)128).ToArray();
        Assert.Equal(128 * 20_000, new RunLengthFilter().Decode(encoded, NoParameters, DefaultFilterProvider.Instance, 0).Length);
        Assert.Equal(128 * 20_000, PdfDecodeBudget.RunLengthLength(encoded, long.MaxValue));
        var budget = new PdfDecodeBudget(encoded.Length);
        Assert.Throws<InvalidDataException>(() => Named(budget, "RunLengthDecode").Decode(encoded, NoParameters, budget, 0));
        Assert.Equal(0, budget.Used);
    }

    [Fact]
    public void Lzw_and_runlength_data_within_the_budget_decode_and_are_counted()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("BT (Hello) Tj ET\n", 1000)));
        var budget = new PdfDecodeBudget(10_000);
        Assert.Equal(data, Named(budget, "LZWDecode").Decode(Lzw(data), NoParameters, budget, 0).ToArray());
        Assert.Equal(data.Length, budget.Used);
        Assert.False(budget.Exceeded);
    }

    private static DictionaryToken WithPredictor(double columns, double colors = 1) => new(new Dictionary<NameToken, IToken>
    {
        [NameToken.DecodeParms] = new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Predictor] = new NumericToken(12),
            [NameToken.Columns] = new NumericToken(columns),
            [NameToken.Colors] = new NumericToken(colors),
        }),
    });

    [Theory]
    [InlineData(268_435_455, 1)]
    [InlineData(200_000_000, 4)]
    [InlineData(1e300, 1)]
    public void A_predictor_row_larger_than_the_budget_is_refused_before_its_buffer_is_taken(double columns, double colors)
    {
        var data = Compressed.Zlib([0, 1, 2, 3]);
        var budget = new PdfDecodeBudget(data.Length);
        Assert.Throws<InvalidDataException>(() => Named(budget, "FlateDecode").Decode(data, WithPredictor(columns, colors), budget, 0));
        Assert.Equal(0, budget.Used);
    }

    [Fact]
    public void A_predictor_row_within_the_budget_is_decoded()
    {
        var data = Compressed.Zlib([0, 7, 8, 9]);
        var budget = new PdfDecodeBudget(data.Length);
        Assert.NotEmpty(Named(budget, "FlateDecode").Decode(data, WithPredictor(3), budget, 0).ToArray());
        Assert.False(budget.Exceeded);
        Assert.Equal(3, PdfDecodeBudget.PredictorRow(WithPredictor(3), 0));
        Assert.Equal(12, PdfDecodeBudget.PredictorRow(WithPredictor(3, colors: 4), 0));
    }
}
