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
}
