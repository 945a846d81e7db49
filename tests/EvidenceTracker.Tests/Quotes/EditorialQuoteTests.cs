using EvidenceTracker.Quotes;

namespace EvidenceTracker.Tests.Quotes;

public class EditorialQuoteTests
{
    private const string Snapshot =
        "The water board said on Monday that inspectors found leaking pipes in 43.2% of the homes they visited. " +
        "It added that repairs would start in April, once the budget was approved by the council.";

    private static readonly QuoteMatcher Matcher = QuoteMatcher.Build(Snapshot);

    [Theory]
    [InlineData("inspectors found leaking pipes [...] of the homes they visited")]
    [InlineData("inspectors found leaking pipes […] of the homes they visited")]
    [InlineData("inspectors found leaking pipes ... of the homes they visited")]
    [InlineData("inspectors found leaking pipes … of the homes they visited")]
    [InlineData("inspectors found leaking pipes. . . of the homes they visited")]
    [InlineData("The water board said … repairs would start in April")]
    [InlineData("[The board's] inspectors found leaking pipes in 43.2% of the homes")]
    [InlineData("[I]nspectors found leaking pipes in 43.2% of the homes [sic] they visited")]
    [InlineData("…inspectors found leaking pipes in 43.2% of the homes they visited…")]
    public void Elisions_and_bracketed_insertions_are_matched_as_parts_in_order(string quote)
    {
        var match = Matcher.Find(quote);
        Assert.True(match.Found, quote);
        Assert.Equal(match.ClosestPassage, Snapshot.Substring(match.Start, match.Length));
    }

    [Fact]
    public void The_found_passage_runs_from_the_first_part_to_the_last()
    {
        var match = Matcher.Find("inspectors found … the homes they visited");
        Assert.Equal("inspectors found leaking pipes in 43.2% of the homes they visited", match.ClosestPassage);
    }

    [Theory]
    [InlineData("of the homes they visited … inspectors found leaking pipes")]
    [InlineData("inspectors found leaking pipes … in 44.2% of the homes")]
    public void Parts_out_of_order_or_a_changed_part_are_not_found_and_a_closest_passage_is_named(string quote)
    {
        var match = Matcher.Find(quote);
        Assert.False(match.Found);
        Assert.NotNull(match.ClosestPassage);
        Assert.True(match.Similarity > 0.5, $"{match.Similarity}");
    }

    [Fact]
    public void Parts_further_apart_than_the_limit_are_not_found()
    {
        var far = QuoteMatcher.Build("The survey began in May. " + new string('x', EditorialQuote.MaxGap + 100) + " It ended in June.");
        Assert.False(far.Find("The survey began … It ended in June").Found);
        var near = QuoteMatcher.Build("The survey began in May. " + new string('x', 200) + " It ended in June.");
        Assert.True(near.Find("The survey began … It ended in June").Found);
    }

    [Fact]
    public void A_long_bracketed_passage_is_quoted_text_not_an_insertion()
    {
        var parts = EditorialQuote.Parts("see [" + new string('a', 200) + "] here");
        Assert.Single(parts);
    }

    [Fact]
    public void A_plain_quote_is_one_part_itself()
    {
        Assert.Equal(["inspectors found 43.2%"], EditorialQuote.Parts("inspectors found 43.2%"));
        Assert.False(EditorialQuote.MayHaveConventions("inspectors found 43.2%"));
    }
}
