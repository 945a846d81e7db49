using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class FigureComparerTests
{
    private static Figure F(string text) => Assert.Single(FigureExtractor.Extract(text));

    private static bool Matches(string claim, string quote) => FigureComparer.Matches(F(claim), F(quote));

    [Fact]
    public void Wan_duo_matches_more_than_twenty_thousand()
    {
        Assert.True(Matches("2万多", "more than 20,000"));
    }

    [Fact]
    public void Rounded_claim_matches_a_more_precise_quote()
    {
        Assert.True(Matches("43%", "43.2%"));
    }

    [Fact]
    public void Rounded_claim_does_not_match_a_quote_that_rounds_elsewhere()
    {
        Assert.False(Matches("43%", "44.2%"));
    }

    [Fact]
    public void Figures_at_the_same_precision_must_be_equal()
    {
        Assert.False(Matches("85.1%", "85.2%"));
        Assert.True(Matches("85.1%", "85.1%"));
    }

    [Fact]
    public void More_precise_claim_is_not_stated_by_a_rounder_quote()
    {
        Assert.False(Matches("43.2%", "43%"));
    }

    [Fact]
    public void Trailing_zero_decimal_equals_the_integer()
    {
        Assert.True(Matches("14.0%", "14%"));
    }

    [Fact]
    public void Chinese_scale_matches_the_spelled_out_number()
    {
        Assert.True(Matches("26万", "260,000"));
        Assert.True(Matches("约26万", "about 260,000"));
    }

    [Fact]
    public void Chinese_scaled_claim_is_rounded_at_its_scale()
    {
        Assert.True(Matches("26万", "25.9万"));
        Assert.False(Matches("26万", "25.4万"));
    }

    [Fact]
    public void Ranges_match_when_both_ends_match()
    {
        Assert.True(Matches("95%至99%", "95–99%"));
        Assert.False(Matches("95%至99%", "95–98%"));
    }

    [Fact]
    public void Quote_range_states_a_single_value_only_at_its_ends()
    {
        Assert.True(Matches("99%", "95–99%"));
        Assert.True(Matches("95%", "95–99%"));
        Assert.False(Matches("97%", "95–99%"));
    }

    [Fact]
    public void Claim_range_is_not_stated_by_a_single_value()
    {
        Assert.False(Matches("95%至99%", "99%"));
    }

    [Fact]
    public void Different_integers_do_not_match()
    {
        Assert.False(Matches("31", "13"));
    }

    [Fact]
    public void Percent_never_matches_a_plain_number()
    {
        Assert.False(Matches("20%", "20"));
        Assert.False(Matches("20", "20%"));
    }

    [Fact]
    public void Opposite_qualifiers_do_not_match()
    {
        Assert.False(Matches("more than 20,000", "nearly 20,000"));
        Assert.False(Matches("超过10万", "不到10万"));
    }

    [Fact]
    public void Hedged_and_exact_figures_match()
    {
        Assert.True(Matches("约40%", "40%"));
        Assert.True(Matches("近10万", "100,000"));
    }

    [Fact]
    public void Years_match_only_years_and_dates_in_that_year()
    {
        Assert.True(Matches("2023年", "in 2023"));
        Assert.True(Matches("2023年", "June 2023"));
        Assert.False(Matches("2023年", "2024年"));
        Assert.False(Matches("2023年", "2023 patients"));
        Assert.False(Matches("2023 patients", "2023年"));
    }

    [Fact]
    public void Dates_match_on_every_part_the_claim_states()
    {
        Assert.True(Matches("2024年4月", "April 2024"));
        Assert.True(Matches("2024年4月", "2024-04-15"));
        Assert.False(Matches("2024年4月15日", "2024年4月"));
        Assert.True(Matches("6月25日", "2025/6/25"));
        Assert.False(Matches("2024年4月", "2024年"));
    }

    [Fact]
    public void Ordinals_match_only_ordinals()
    {
        Assert.True(Matches("第三位", "ranked 3rd"));
        Assert.False(Matches("第三位", "3 people"));
    }

    [Fact]
    public void English_scale_words_match_digits()
    {
        Assert.True(Matches("1.5亿", "150 million"));
        Assert.True(Matches("2 million", "2,000,000"));
    }

    [Fact]
    public void Is_stated_by_searches_all_quote_figures()
    {
        var claim = F("检出率仅1%左右");
        var quoteFigures = FigureExtractor.Extract("传统筛查检出率为0.8%，而新方法达到24.5%。");

        Assert.True(FigureComparer.IsStatedBy(claim, quoteFigures));
        Assert.True(FigureComparer.IsStatedBy(F("25%"), quoteFigures)); // 24.5% rounds to 25%
        Assert.False(FigureComparer.IsStatedBy(F("26%"), quoteFigures));
        Assert.False(FigureComparer.IsStatedBy(claim, []));
    }

    [Fact]
    public void Seed_article_claims_are_stated_by_an_English_source()
    {
        var quote = FigureExtractor.Extract(
            "The model reached a sensitivity of 85.1% and specificity of 96.8%, improving on radiologists by 21.8% and 14.0%.");

        Assert.All(FigureExtractor.Extract(SeedArticle.GrapePerformance), claim => Assert.True(FigureComparer.IsStatedBy(claim, quote)));
    }
}
