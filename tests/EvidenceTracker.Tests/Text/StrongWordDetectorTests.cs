using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class StrongWordDetectorTests
{
    private static string[] Words(string text, StrongWordDetector? detector = null) =>
        [.. (detector ?? new StrongWordDetector()).Find(text).Select(match => match.Word)];

    [Fact]
    public void Chinese_firsts_and_superlatives_are_found_by_substring()
    {
        Assert.Equal(["全球首个", "首次"], Words("浙江研发全球首个胃癌影像筛查AI模型，首次用平扫CT识别早期胃癌"));
    }

    [Fact]
    public void Longest_overlapping_word_wins()
    {
        var matches = new StrongWordDetector().Find("国内首个产品");

        var match = Assert.Single(matches);
        Assert.Equal((0, 4, "国内首个"), match);
    }

    [Fact]
    public void Seed_article_paragraph_has_its_strong_words_found()
    {
        Assert.Equal(["首次", "突破性", "里程碑"], Words(SeedArticle.PandaHistory));
    }

    [Fact]
    public void English_hype_words_match_whole_words_case_insensitively()
    {
        Assert.Equal(
            ["first", "world-leading", "never before", "unprecedented", "breakthrough"],
            Words("The First model, a first-ever system, world-leading, never before seen, unprecedented. Breakthrough!"));
    }

    [Theory]
    [InlineData("It is the first study to show that the drug works.", "first")]
    [InlineData("They were the first to reach the summit.", "first")]
    [InlineData("It is the first open-source database to ship the feature.", "first")]
    [InlineData("This is the world's first commercial fusion plant.", "first")]
    [InlineData("It was the first known case in Europe.", "first")]
    [InlineData("It is the world's largest dataset of its kind.", "largest")]
    [InlineData("It is the largest study ever of sleep.", "largest")]
    [InlineData("Sales grew 38%, the largest rise on record.", "largest")]
    [InlineData("Norway is the only country to ban the sale.", "only")]
    [InlineData("Only a third of households have one.", "Only")]
    [InlineData("Only one in five patients responded.", "Only")]
    [InlineData("Most patients recovered within a week.", "Most")]
    [InlineData("Most of the participants dropped out.", "Most")]
    [InlineData("Python is the most popular language in the world.", "most")]
    [InlineData("It is the most-cited paper in the field.", "most")]
    [InlineData("Exports hit a record high in March.", "record")]
    [InlineData("The team set a record for the distance.", "record")]
    [InlineData("It is the fastest-growing app.", "fastest")]
    [InlineData("It is now the second-largest economy.", "largest")]
    [InlineData("She called it \"the best result we have seen\".", "best")]
    [InlineData("The quietest models are the only ones she recommends.", "only")]
    public void Rank_and_novelty_phrases_are_strong(string sentence, string word) =>
        Assert.Equal([word.ToLowerInvariant()], Words(sentence));

    [Theory]
    [InlineData("In our first post we set up the server.")]
    [InlineData("The first step is to install the tools.")]
    [InlineData("First, we parse the file.")]
    [InlineData("At first the build failed.")]
    [InlineData("When I first tried it, nothing worked.")]
    [InlineData("For the first time I understood the error.")]
    [InlineData("Most people don't need a cluster.")]
    [InlineData("Most of the time the cache is warm.")]
    [InlineData("Most of us run it locally.")]
    [InlineData("It costs at most a few cents.")]
    [InlineData("The most important thing is to measure.")]
    [InlineData("That is the only way I know to do it.")]
    [InlineData("The only thing you need is a terminal.")]
    [InlineData("It is not only fast but also small.")]
    [InlineData("Run it only if the tests pass.")]
    [InlineData("Follow best practices for secrets.")]
    [InlineData("The best way to learn is to build.")]
    [InlineData("This gives the lowest latency of the three.")]
    [InlineData("Our biggest customer asked for it.")]
    [InlineData("It was the best meal I have ever had.")]
    [InlineData("We record every request in the log.")]
    [InlineData("For the record, it was my fault.")]
    [InlineData("The best-effort delivery is enough.")]
    [InlineData("It is a first-class citizen.")]
    public void Ordinary_uses_of_first_only_most_and_superlatives_are_not_strong(string sentence) =>
        Assert.Empty(Words(sentence));

    [Fact]
    public void A_configured_word_that_is_also_a_rank_word_is_strong_wherever_it_stands()
    {
        Assert.Equal(["only"], Words("It is not only fast.", new StrongWordDetector(["only"])));
        Assert.Empty(Words("It is not only fast."));
    }

    [Fact]
    public void English_words_inside_longer_words_are_not_strong()
    {
        Assert.Empty(Words("Firstly, almost all records were recorded; the bestseller is lonely."));
    }

    [Fact]
    public void Offsets_point_at_the_matched_text()
    {
        const string text = "It is the LARGEST dataset.";

        var (start, length, word) = Assert.Single(new StrongWordDetector().Find(text));

        Assert.Equal("LARGEST", text.Substring(start, length));
        Assert.Equal("largest", word);
    }

    [Fact]
    public void Extra_words_from_configuration_extend_the_defaults()
    {
        var detector = new StrongWordDetector(["领先", "game-changing"]);

        Assert.Equal(["领先", "首次", "game-changing"], Words("全球领先，首次推出 game-changing 技术", detector));
        Assert.Contains("首次", detector.Words);
    }

    [Fact]
    public void Default_lists_are_public_for_documentation()
    {
        Assert.Contains("全球首个", StrongWordDetector.DefaultChineseWords);
        Assert.Contains("unprecedented", StrongWordDetector.DefaultEnglishWords);
    }

    [Fact]
    public void Text_without_strong_words_yields_nothing()
    {
        Assert.Empty(Words("胃癌的早期发现率长期徘徊在20%-30%之间。"));
    }

    [Fact]
    public async Task Four_hundred_thousand_strong_phrases_in_a_row_are_found_in_one_pass()
    {
        // Each phrase was compared with every strong word found: 'the first to ' 23,000 times took 1.2 s, this many
        // would take minutes. Capped like the fuzz harness: a hang fails, time is not measured.
        var text = string.Concat(Enumerable.Repeat("the first to ", 400_000));
        var matches = await Task.Run(() => new StrongWordDetector().Find(text), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(399_999, matches.Count);
        Assert.All(matches, m => Assert.Equal("first", m.Word));
    }
}
