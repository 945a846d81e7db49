using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) => [.. SentenceSplitter.Split(text).Select(segment => segment.Of(text))];

    [Fact]
    public void Chinese_paragraph_splits_on_full_stops_and_keeps_footnote_labels_with_their_sentence()
    {
        Assert.Equal(
            [
                "胃癌，作为我国常见的恶性肿瘤之一，每年导致约26万人死亡，位居恶性肿瘤死亡人数的第三位。",
                "然而，若能在早期发现并有效切除，其五年生存率可高达95%至99%，甚至有治愈的可能。[^1]",
                "令人惋惜的是，由于早期胃癌缺乏特异性症状，且当前主流的“问卷+胃镜”筛查方法存在创伤性、依从性低和检出率仅1%左右的局限性，我国胃癌的早期发现率长期徘徊在20%-30%之间。",
            ],
            Sentences(SeedArticle.StomachCancerBurden));
    }

    [Fact]
    public void Decimal_percentages_in_a_Chinese_paragraph_do_not_split_it()
    {
        var sentences = Sentences(SeedArticle.GrapePerformance);

        Assert.Equal(2, sentences.Length);
        Assert.EndsWith("分别提升了21.8%和14.0%。[^1]", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("这一突破的关键在于", sentences[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Leftover_bold_markers_and_several_footnote_labels_stay_with_their_sentence()
    {
        var sentences = Sentences(SeedArticle.ClinicalStudy);

        Assert.Equal(4, sentences.Length);
        Assert.EndsWith("**提前2到10个月发现胃癌病灶**。[^1][^3]", sentences[1], StringComparison.Ordinal);
        Assert.EndsWith("极大改善预后。[^1]", sentences[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_end_a_segment_so_a_heading_is_its_own_segment()
    {
        var sentences = Sentences(SeedArticle.TwoParagraphsWithHeading);

        Assert.Equal("### 技术原理与突破", sentences[0]);
        Assert.StartsWith("胃癌，作为", sentences[1], StringComparison.Ordinal);
        Assert.Equal(6, sentences.Length);
        Assert.StartsWith("这好比", sentences[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_are_offsets_into_the_input_trimmed_of_whitespace()
    {
        const string text = "  第一句。  第二句！\n";

        var segments = SentenceSplitter.Split(text);

        Assert.Equal([new TextSegment(2, 4), new TextSegment(8, 4)], segments);
        Assert.Equal(12, segments[1].End);
    }

    [Fact]
    public void Chinese_question_exclamation_semicolon_and_ellipsis_end_sentences()
    {
        Assert.Equal(["真的吗？", "是的！", "先这样；", "然后……", "好吧"], Sentences("真的吗？是的！先这样；然后……好吧"));
    }

    [Fact]
    public void Closing_Chinese_quotes_and_brackets_stay_with_the_sentence_they_end()
    {
        Assert.Equal(["他说：“这是突破。”", "（详见附录。）", "「完了？」", "结束"], Sentences("他说：“这是突破。”（详见附录。）「完了？」结束"));
    }

    [Fact]
    public void A_single_newline_inside_a_paragraph_is_not_a_sentence_end()
    {
        Assert.Equal(["第一行\n第二行。", "下一句。"], Sentences("第一行\n第二行。下一句。"));
        Assert.Equal(["The rate was\nhigh.", "It fell."], Sentences("The rate was\nhigh. It fell."));
    }

    [Fact]
    public void English_abbreviations_decimals_and_quotes_do_not_break_sentences()
    {
        const string text = "The U.S. rate rose to 85.1%, e.g. in large trials. Dr. Smith et al. reported 3.5 times more, i.e. a lot. "
            + "\"Is it true?\" she asked. (It was.) Then it ended!";

        Assert.Equal(
            [
                "The U.S. rate rose to 85.1%, e.g. in large trials.",
                "Dr. Smith et al. reported 3.5 times more, i.e. a lot.",
                "\"Is it true?\" she asked.",
                "(It was.)",
                "Then it ended!",
            ],
            Sentences(text));
    }

    [Fact]
    public void Initials_and_common_abbreviations_are_not_sentence_ends()
    {
        Assert.Single(Sentences("J. Smith and Mr. Li compared Fig. 3 with No. 5 vs. Table 2, approx. 10 cases."));
    }

    [Fact]
    public void No_ends_a_sentence_unless_a_number_follows()
    {
        Assert.Equal(["The answer is no.", "Then we left."], Sentences("The answer is no. Then we left."));
    }

    [Fact]
    public void Ellipsis_continues_the_sentence_before_lower_case_and_ends_it_before_upper_case()
    {
        Assert.Equal(["We waited... and waited.", "Nothing...", "Then rain."], Sentences("We waited... and waited. Nothing... Then rain."));
    }

    [Fact]
    public void Urls_and_file_names_do_not_split()
    {
        Assert.Equal(
            ["See example.com/a.b and https://www.qbitai.com/2025/06/300840.html for details.", "Done."],
            Sentences("See example.com/a.b and https://www.qbitai.com/2025/06/300840.html for details. Done."));
    }

    [Fact]
    public void Numbered_list_markers_at_line_start_are_not_sentences()
    {
        Assert.Equal(["1. Collect data.", "2. Train the model."], Sentences("1. Collect data.\n2. Train the model."));
    }

    [Fact]
    public void Sentence_ending_with_a_year_or_number_splits()
    {
        Assert.Equal(["It was published in 2023.", "Sales hit 20,530."], Sentences("It was published in 2023. Sales hit 20,530."));
    }

    [Fact]
    public void Latin_terminator_before_Chinese_text_splits()
    {
        Assert.Equal(["He said no.", "这是中文。"], Sentences("He said no.这是中文。"));
    }

    [Fact]
    public void Leftover_emphasis_after_a_period_stays_with_the_sentence()
    {
        Assert.Equal(["**It is big.**", "_Really._", "Yes."], Sentences("**It is big.** _Really._ Yes."));
    }

    [Fact]
    public void Empty_and_whitespace_only_text_has_no_segments()
    {
        Assert.Empty(SentenceSplitter.Split(string.Empty));
        Assert.Empty(SentenceSplitter.Split(" \n\n \u3000"));
    }

    [Fact]
    public void Text_without_terminator_is_one_segment()
    {
        Assert.Equal(["没有句号的标题"], Sentences("没有句号的标题"));
    }
}
