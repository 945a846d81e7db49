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
    public void English_words_match_whole_words_case_insensitively()
    {
        Assert.Equal(
            ["first", "first", "most", "record", "world-leading", "never before", "unprecedented"],
            Words("The First model, a first-ever and most accurate record system, world-leading, never before seen, unprecedented."));
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
}
