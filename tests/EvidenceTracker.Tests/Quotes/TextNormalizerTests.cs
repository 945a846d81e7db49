using System.Globalization;
using EvidenceTracker.Quotes;

namespace EvidenceTracker.Tests.Quotes;

public class TextNormalizerTests
{
    private static string N(string text) => TextNormalizer.Normalize(text).Text;

    [Fact]
    public void Full_width_digits_and_percent_become_half_width() =>
        Assert.Equal("85.1%", N("８５．１％"));

    [Fact]
    public void Every_run_of_white_space_becomes_one_space() =>
        Assert.Equal("a b c d e f", N("a \t b\r\n\nc\u00A0d\u3000e\u2009\u2028f"));

    [Fact]
    public void Leading_and_trailing_white_space_is_removed() =>
        Assert.Equal("a b", N(" \n\u00A0a  b \n\t"));

    [Fact]
    public void Line_break_between_two_Chinese_characters_vanishes() =>
        Assert.Equal("东部城区的漏损率", N("东部城区\n的漏损率"));

    [Fact]
    public void Space_next_to_a_CJK_character_vanishes_so_mixed_spacing_matches() =>
        Assert.Equal(N("增长了85.1%，使用GPU加速"), N("增长了 85.1%，\n使用 GPU 加速"));

    [Fact]
    public void Quotation_marks_are_transparent_for_the_CJK_space_rule()
    {
        string expected = N("「今年」「明年」");
        Assert.Equal("\"今年\"\"明年\"", expected);
        Assert.Equal(expected, N("「今年」\n「明年」"));
        Assert.Equal(expected, N("“今年” “明年”"));
        Assert.Equal("\"this\" \"that\"", N("“this”\n“that”"));
    }

    [Fact]
    public void Space_between_Korean_words_is_kept() =>
        Assert.Equal("한국 사람", N("한국\n사람"));

    [Theory]
    [InlineData("“quoted”", "\"quoted\"")]
    [InlineData("„quoted‟", "\"quoted\"")]
    [InlineData("«quoted»", "\"quoted\"")]
    [InlineData("「引用」", "\"引用\"")]
    [InlineData("‘single’ it’s", "'single' it's")]
    [InlineData("‚low‛", "'low'")]
    [InlineData("『內層』", "'內層'")]
    [InlineData("＂ｆｕｌｌ＂＇ｗｉｄｔｈ＇", "\"full\"'width'")]
    public void Curly_guillemet_and_corner_quotation_marks_become_straight(string text, string expected) =>
        Assert.Equal(expected, N(text));

    [Fact]
    public void Dashes_and_minus_become_hyphen_minus() =>
        Assert.Equal("a-b-c-d-e-f-g-h", N("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h"));

    [Fact]
    public void Soft_hyphens_and_zero_width_characters_are_dropped() =>
        Assert.Equal("information", N("in\u00ADfor\u200Bma\u200Ct\u200Di\u2060o\uFEFFn"));

    [Fact]
    public void Zero_width_character_inside_white_space_keeps_a_single_space() =>
        Assert.Equal("a b", N("a \u200B b"));

    [Fact]
    public void Case_is_kept() => Assert.Equal("Board BOARD board", N("Board BOARD board"));

    [Fact]
    public void Combining_accent_equals_the_precomposed_letter() =>
        Assert.Equal(N("caf\u00E9 \u1EC7"), N("cafe\u0301 e\u0302\u0323"));

    [Fact]
    public void Ligatures_and_compatibility_characters_are_expanded() =>
        Assert.Equal("file 1 1/2 ...重5kg", N("ﬁle ① ½ … 重５㎏").Replace("\u2044", "/", StringComparison.Ordinal));

    [Fact]
    public void Full_width_letters_and_digits_keep_their_spaces_like_ASCII() => Assert.Equal("ABC 12", N("ＡＢＣ　１２"));

    [Fact]
    public void Hangul_jamo_compose_into_a_syllable() => Assert.Equal("각", N("\u1100\u1161\u11A8"));

    [Fact]
    public void Empty_and_white_space_only_texts_normalise_to_empty()
    {
        Assert.Equal(string.Empty, N(string.Empty));
        Assert.Equal(string.Empty, N(" \n\t\u3000\u00AD"));
        Assert.Equal(0, TextNormalizer.Normalize(string.Empty).ToOriginal(0));
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_do_not_throw() =>
        Assert.Equal("a\uD800b\u0001c\uDC00", N("a\uD800b\u0001c\uDC00"));

    [Fact]
    public void Text_of_stacked_combining_marks_does_not_throw()
    {
        string zalgo = "a" + new string('\u0301', 500) + "b";
        Assert.StartsWith("\u00E1", N(zalgo), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_normalised_character_maps_back_to_an_original_range_that_produces_it()
    {
        string original = Fixtures.Read("water-board.en.txt") + Fixtures.Read("water-board.zh.txt") + "ﬁ e\u0301 ①";
        NormalizedText normalized = TextNormalizer.Normalize(original);
        for (int i = 0; i < normalized.Text.Length; i++)
        {
            (int start, int length) = normalized.ToOriginalRange(i, 1);
            Assert.True(length > 0, $"character {i} maps to an empty range");
            string produced = N(original.Substring(start, length));
            Assert.Contains(normalized.Text[i], produced.Length == 0 ? " " : produced);
        }

        Assert.Equal(original.Length, normalized.ToOriginal(normalized.Text.Length));
    }

    [Fact]
    public void Offsets_are_monotonic()
    {
        NormalizedText normalized = TextNormalizer.Normalize(Fixtures.Read("water-board.zh.txt"));
        for (int i = 1; i < normalized.Text.Length; i++)
        {
            Assert.True(normalized.ToOriginal(i) >= normalized.ToOriginal(i - 1));
            Assert.True(normalized.ToOriginalEnd(i + 1) >= normalized.ToOriginalEnd(i));
        }
    }

    [Fact]
    public void Offsets_outside_the_text_are_rejected()
    {
        NormalizedText normalized = TextNormalizer.Normalize("abc");
        Assert.Throws<ArgumentOutOfRangeException>(() => normalized.ToOriginal(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => normalized.ToOriginal(-1));
    }

    [Fact]
    public void Segment_NFKC_agrees_with_the_Unicode_reference_vectors()
    {
        var failures = new List<string>();
        int checkedVectors = 0;
        Span<int> output = stackalloc int[UnicodeNfkc.MaxSegment * UnicodeNfkc.MaxExpansion];
        foreach (string line in File.ReadLines(Fixtures.Path("nfkc-vectors.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split('\t');
            int[] input = Parse(parts[0]);
            int[] expected = Parse(parts[1]);
            int produced = UnicodeNfkc.NormalizeSegment(input, output);
            checkedVectors++;
            if (!output[..produced].SequenceEqual(expected))
            {
                failures.Add(line);
            }
        }

        Assert.True(checkedVectors > 5000);
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, e.g. {string.Join(" | ", failures.Take(5))}");

        static int[] Parse(string hex) =>
            [.. hex.Split(' ').Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
    }
}
