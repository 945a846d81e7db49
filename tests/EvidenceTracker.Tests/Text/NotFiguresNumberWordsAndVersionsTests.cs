using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

/// <summary>What is no figure (tags, grants, versions, numbering, code), numbers written as words, and versions as identifiers.</summary>
public class NotFiguresNumberWordsAndVersionsTests
{
    private static Figure Word(string text) => Assert.Single(FigureExtractor.ExtractWithNumberWords(text));

    private static bool Backs(string claim, string quote) =>
        FigureExtractor.ExtractWithNumberWords(claim).All(c => FigureComparer.IsStatedBy(c, FigureExtractor.ExtractWithNumberWords(quote)));

    [Theory]
    [InlineData("[C++14] Generic lambdas")]
    [InlineData("Written in C++14 and C++17.")]
    [InlineData("Tagged [v2] and [RFC 7231].")]
    [InlineData("Funded by NSF grant 1234567.")]
    [InlineData("Supported by the National Natural Science Foundation of China (Grant No. 62273150).")]
    [InlineData("under award number 5R01GM123456")]
    [InlineData("Fixed in issue #4521 and PR 77.")]
    [InlineData("Upgrade to Rust 1.64 first.")]
    [InlineData("It runs on QNX 8.0 and Windows 11.")]
    [InlineData("Kubernetes v1.28 removed it.")]
    [InlineData("Python version 3.12 is required.")]
    [InlineData("1. Install the tools")]
    [InlineData("(2) parse the file")]
    [InlineData("3.2 Results")]
    [InlineData("See Part 2 and Step 3 of Listing 4.")]
    [InlineData("Run `retry --max 3` on the host.")]
    [InlineData("The call ends at 3 pm.")]
    [InlineData("It ships on the 3rd of March.")]
    [InlineData("The 2023/24 season.")]
    public void Tags_grants_versions_numbering_code_and_times_are_not_figures(string text) =>
        Assert.DoesNotContain(FigureExtractor.Extract(text), f => f.Kind is FigureKind.Number or FigureKind.Percent or FigureKind.Range or FigureKind.Ordinal);

    [Theory]
    [InlineData("About 500 people came.", 500)]
    [InlineData("All 742 homes were tested.", 742)]
    [InlineData("Moreover 500 people came.", 500)]
    [InlineData("The trial tested 742 homes.", 742)]
    public void A_count_after_a_capitalised_common_word_is_still_a_figure(string text, int value) =>
        Assert.Equal(value, Assert.Single(FigureExtractor.Extract(text)).Low);

    [Theory]
    [InlineData("twelve cases", 12, false)]
    [InlineData("twenty-one patients", 21, false)]
    [InlineData("two hundred and five", 205, false)]
    [InlineData("three million people", 3_000_000, false)]
    [InlineData("a dozen sites", 12, false)]
    [InlineData("a two-fold rise", 2, false)]
    [InlineData("a twofold rise", 2, false)]
    [InlineData("twice as likely", 2, false)]
    [InlineData("half of them", 50, true)]
    [InlineData("a quarter of homes", 25, true)]
    [InlineData("three quarters of homes", 75, true)]
    [InlineData("one in five adults", 20, true)]
    [InlineData("twelve percent", 12, true)]
    [InlineData("三成患者", 30, true)]
    [InlineData("十二个中心", 12, false)]
    [InlineData("二十多万人", 200_000, false)]
    [InlineData("提高了两倍", 2, false)]
    [InlineData("一半的患者", 50, true)]
    [InlineData("百分之三十", 30, true)]
    public void Numbers_written_as_words_are_read_when_asked_for(string text, long value, bool percent)
    {
        var figure = Word(text);
        Assert.Equal((value, percent), ((long)Math.Round(figure.Low), figure.IsPercent));
    }

    [Theory]
    [InlineData("one of the reasons")]
    [InlineData("一种新的方法")]
    [InlineData("这十分重要")]
    [InlineData("一成不变")]
    [InlineData("the third option")]
    [InlineData("one-time setup")]
    public void Ordinary_number_words_are_no_figures(string text) =>
        Assert.Empty(FigureExtractor.ExtractWithNumberWords(text));

    [Fact]
    public void Number_words_are_no_figures_for_the_digit_only_reading() =>
        Assert.Empty(FigureExtractor.Extract("twelve cases, half of them, 三成患者 aside"));

    [Theory]
    [InlineData("12 cases", "twelve cases")]
    [InlineData("twelve cases", "12 cases")]
    [InlineData("a two-fold increase", "the rate rose 2-fold")]
    [InlineData("half of the patients", "50% of the patients")]
    [InlineData("a third of homes", "33% of homes")]
    [InlineData("a third of homes", "33.3% of homes")]
    [InlineData("33% of homes", "a third of homes")]
    [InlineData("30% of patients", "三成患者")]
    [InlineData("12 centres", "十二个中心")]
    [InlineData("50% of patients", "一半的患者")]
    [InlineData("a 2-fold rise", "提高了两倍")]
    public void A_quote_with_the_number_in_words_backs_the_digits_and_the_other_way_round(string claim, string quote) =>
        Assert.True(Backs(claim, quote));

    [Theory]
    [InlineData("13 cases", "twelve cases")]
    [InlineData("a third of homes", "25% of homes")]
    [InlineData("40% of patients", "三成患者")]
    public void A_different_number_in_words_does_not_back_the_claim(string claim, string quote) =>
        Assert.False(Backs(claim, quote));

    [Theory]
    [InlineData("QNX 8.5 is certified.", "QNX", "8.5")]
    [InlineData("GPT-4o answered.", "GPT", "4o")]
    [InlineData("iOS 17 ships it.", "iOS", "17")]
    [InlineData("It needs an H100.", "H", "100")]
    [InlineData("Kubernetes v1.28 removed it.", "Kubernetes", "1.28")]
    [InlineData("Rust version 1.64 added it.", "Rust", "1.64")]
    [InlineData("Rust 1.64 added it.", "Rust", "1.64")]
    public void Versions_are_read_as_a_name_and_a_version(string text, string name, string version)
    {
        var v = Assert.Single(FigureExtractor.ExtractVersions(text));
        Assert.Equal((name, version), (v.Name, v.Version));
    }

    [Theory]
    [InlineData("QNX 8.5", "QNX 8.0", false)]
    [InlineData("GPT-4", "GPT-4o", false)]
    [InlineData("iOS 17", "iOS 18", false)]
    [InlineData("QNX 8.0", "QNX 8.0", true)]
    [InlineData("iOS 17", "iOS 17.2", true)]
    [InlineData("iOS 17.2", "iOS 17", false)]
    [InlineData("GPT-4o", "GPT-4O", true)]
    public void Versions_are_compared_as_identifiers_not_as_quantities(string claim, string quote, bool same)
    {
        var c = Assert.Single(FigureExtractor.ExtractVersions(claim));
        var q = Assert.Single(FigureExtractor.ExtractVersions(quote));
        Assert.True(c.SameName(q));
        Assert.Equal(same, c.SameVersion(q));
    }

    [Theory]
    [InlineData("eleven17 units")]
    [InlineData("twenty3 more")]
    [InlineData("ninety-nine-3 left")]
    [InlineData("five percent1 more")]
    public void A_number_word_glued_to_digits_is_never_the_name_of_a_version(string text) =>
        Assert.Empty(FigureExtractor.ExtractVersions(text));

    /// <summary>
    /// One pass gives what two did, over seeded soups of number words, digits, product names and versions: the figures
    /// of ExtractWithNumberWords (reading versions too changes none of them), and, where no word is glued to digits
    /// (eleven17, five percent1), the versions that a pass reading no number words finds.
    /// </summary>
    [Fact]
    public void Figures_and_versions_read_in_one_pass_are_those_read_one_at_a_time()
    {
        string[] numberWords = ["one", "two", "twenty-one", "a third", "half", "a dozen", "five", "two-fold", "hundred", "million", "first", "twice", "eleven"];
        string[] others =
        [
            "in", "of", "out of", "GPT-4", "GPT", "-", "4o", "iOS", "17", "version", "release", "2.0", "v1.28", "H100s", "Windows", "11",
            "3", "4.5%", "五", "三成", "两倍", "百分之", "第三", ",", ".", "March", "No.", "Phase", "COVID-19", "1 in 5", "Rust", "1.64",
            "Kubernetes", "QNX", "8.0", "1,000", "about", "over", "nearly", "percent", " ", "十二个", "一半", "倍", "(", ")", "B2", "-3",
            "—", "/", "_", "Model 3", "iPhone", "15", "2024", "in 2024", "2025-06", "the",
        ];
        var random = new Random(20261202);
        var compared = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = new System.Text.StringBuilder();
            var glued = false; // a Latin word followed at once by digits or by - or _ and digits
            for (var k = random.Next(1, 14); k > 0; k--)
            {
                var token = random.Next(3) == 0 ? numberWords[random.Next(numberWords.Length)] : others[random.Next(others.Length)];
                glued |= text.Length > 0 && char.IsAsciiLetter(text[^1]) && (char.IsAsciiDigit(token[0]) || token[0] is '-' or '_');
                text.Append(token);
                if (random.Next(3) > 0)
                {
                    text.Append(' ');
                }
            }
            var s = text.ToString();
            var (figures, versions) = FigureExtractor.ExtractAll(s);
            Assert.Equal(FigureExtractor.ExtractWithNumberWords(s).Select(f => f.ToString()), figures.Select(f => f.ToString()));
            if (!glued)
            {
                var withoutNumberWords = new FigureScanner(s, numberWords: false, versions: true);
                withoutNumberWords.Run();
                Assert.Equal(
                    withoutNumberWords.Versions.Select(v => (v.Name, v.Version, v.Start, v.Text)),
                    versions.Select(v => (v.Name, v.Version, v.Start, v.Text)));
                compared++;
            }
        }
        Assert.True(compared > 5_000, $"{compared} soups without a glued number word");
    }
}
