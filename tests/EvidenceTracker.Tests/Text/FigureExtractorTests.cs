using EvidenceTracker.Text;

namespace EvidenceTracker.Tests.Text;

public class FigureExtractorTests
{
    private static Figure Single(string text) => Assert.Single(FigureExtractor.Extract(text));

    private static string[] Normalized(string text) => [.. FigureExtractor.Extract(text).Select(figure => figure.Normalized)];

    // ------------------------------------------------------------------ seed article

    [Fact]
    public void Chinese_scale_word_wan_multiplies_by_ten_thousand()
    {
        var figure = Single("每年导致约26万人死亡");

        Assert.Equal(260_000m, figure.Low);
        Assert.Equal(260_000m, figure.High);
        Assert.Equal(FigureKind.Number, figure.Kind);
        Assert.Equal(FigureQualifier.About, figure.Qualifier);
        Assert.Equal(10_000m, figure.Scale);
        Assert.Equal("约26万", figure.Text);
        Assert.Equal("about 260000", figure.Normalized);
    }

    [Fact]
    public void Chinese_percent_range_with_zhi_is_one_range_qualified_up_to()
    {
        var figure = Single("五年生存率可高达95%至99%");

        Assert.Equal(FigureKind.Range, figure.Kind);
        Assert.True(figure.IsPercent);
        Assert.Equal(95m, figure.Low);
        Assert.Equal(99m, figure.High);
        Assert.Equal(FigureQualifier.UpTo, figure.Qualifier);
        Assert.Equal("高达95%至99%", figure.Text);
    }

    [Fact]
    public void Zuoyou_after_a_percentage_means_about()
    {
        var figure = Single("检出率仅1%左右");

        Assert.Equal(FigureKind.Percent, figure.Kind);
        Assert.Equal(1m, figure.Low);
        Assert.Equal(FigureQualifier.About, figure.Qualifier);
        Assert.Equal("1%左右", figure.Text);
    }

    [Fact]
    public void Hyphenated_percent_range_is_one_range()
    {
        var figure = Single("早期发现率长期徘徊在20%-30%之间");

        Assert.Equal((FigureKind.Range, 20m, 30m, true), (figure.Kind, figure.Low, figure.High, figure.IsPercent));
        Assert.Equal("20–30%", figure.Normalized);
    }

    [Fact]
    public void Wan_followed_by_duo_means_more_than_and_plain_counts_are_exact()
    {
        var figures = FigureExtractor.Extract("其在2万多例CT检查数据中找出了31例此前被漏诊的胰腺癌病灶，其中2名患者");

        Assert.Equal(3, figures.Count);
        Assert.Equal((20_000m, FigureQualifier.MoreThan, "2万多"), (figures[0].Low, figures[0].Qualifier, figures[0].Text));
        Assert.Equal((31m, FigureQualifier.Exact), (figures[1].Low, figures[1].Qualifier));
        Assert.Equal((2m, FigureQualifier.Exact), (figures[2].Low, figures[2].Qualifier));
    }

    [Fact]
    public void Decimal_percentages_keep_their_stated_decimals()
    {
        var figures = FigureExtractor.Extract(SeedArticle.GrapePerformance);

        Assert.Equal(["85.1%", "96.8%", "21.8%", "14.0%"], figures.Select(figure => figure.Normalized));
        Assert.All(figures, figure => Assert.Equal((FigureKind.Percent, 1, true), (figure.Kind, figure.Decimals, figure.IsPercent)));
        Assert.Equal(14.0m, figures[3].Low);
    }

    [Fact]
    public void Jin_before_a_number_means_nearly()
    {
        var figures = FigureExtractor.Extract("全国20个中心近10万人");

        Assert.Equal(2, figures.Count);
        Assert.Equal((20m, FigureQualifier.Exact), (figures[0].Low, figures[0].Qualifier));
        Assert.Equal((100_000m, FigureQualifier.Nearly, "近10万"), (figures[1].Low, figures[1].Qualifier, figures[1].Text));
    }

    [Fact]
    public void Dao_between_numbers_makes_a_range()
    {
        var figure = Single("提前2到10个月");

        Assert.Equal((FigureKind.Range, 2m, 10m, false), (figure.Kind, figure.Low, figure.High, figure.IsPercent));
        Assert.Equal("2到10", figure.Text);
    }

    [Fact]
    public void Year_and_month_in_Chinese_is_a_date()
    {
        var figure = Single("一名2024年4月确诊");

        Assert.Equal(FigureKind.Date, figure.Kind);
        Assert.Equal((2024, 4, (int?)null), (figure.Year, figure.Month, figure.Day));
        Assert.Equal("2024-04", figure.Normalized);
        Assert.Equal("2024年4月", figure.Text);
    }

    [Fact]
    public void Year_with_nian_is_a_year()
    {
        var figure = Single("DAMO PANDA已于2023年登上");

        Assert.Equal((FigureKind.Year, 2023, 2023m), (figure.Kind, figure.Year, figure.Low));
        Assert.Equal("2023", figure.Normalized);
    }

    [Fact]
    public void Count_in_brackets_is_a_number()
    {
        var figure = Single("数据集（6720例）");

        Assert.Equal((FigureKind.Number, 6720m), (figure.Kind, figure.Low));
    }

    [Fact]
    public void Yue_before_a_percentage_means_about()
    {
        var figure = Single("其中约40%的检出患者");

        Assert.Equal((FigureKind.Percent, 40m, FigureQualifier.About), (figure.Kind, figure.Low, figure.Qualifier));
    }

    [Fact]
    public void Change_from_one_percentage_to_another_is_two_figures()
    {
        Assert.Equal(["30%", "60%"], Normalized("我国胃癌五年生存率有望从目前的30%提升至60%"));
    }

    [Fact]
    public void Highest_reaching_is_up_to()
    {
        var figure = Single("胃癌检出率最高达到24.5%");

        Assert.Equal((24.5m, FigureQualifier.UpTo, 1), (figure.Low, figure.Qualifier, figure.Decimals));
    }

    [Fact]
    public void Chinese_numeral_ordinal_is_an_ordinal()
    {
        var figure = Single("位居恶性肿瘤死亡人数的第三位");

        Assert.Equal((FigureKind.Ordinal, 3m, "第三"), (figure.Kind, figure.Low, figure.Text));
    }

    [Fact]
    public void Seed_paragraph_yields_exactly_its_figures()
    {
        Assert.Equal(["about 260000", "#3", "up to 95–99%", "about 1%", "20–30%"], Normalized(SeedArticle.StomachCancerBurden));
        Assert.Equal(["2023", "more than 20000", "31", "2"], Normalized(SeedArticle.PandaHistory));
        Assert.Equal(["20", "nearly 100000", "11", "2–10", "2024-04", "6", "6"], Normalized(SeedArticle.ClinicalStudy));
    }

    // ------------------------------------------------------------------ not figures

    [Theory]
    [InlineData("COVID-19")]
    [InlineData("SARS-CoV-2")]
    [InlineData("H100")]
    [InlineData("GPT-4")]
    [InlineData("GPT-4o")]
    [InlineData("A100")]
    [InlineData("iPhone 15")]
    [InlineData("“AI 2.0时代”")]
    [InlineData("COVID-19疫情期间")]
    [InlineData("英伟达H100芯片")]
    [InlineData("ISO 9001")]
    [InlineData("v2.0.1")]
    [InlineData("version 2.0.1")]
    [InlineData("release 2.0.1 shipped")]
    [InlineData("see [^1] and [2]")]
    [InlineData("doi:10.1038/s41591-025-03743-0")]
    [InlineData("https://www.qbitai.com/2025/06/300840.html")]
    [InlineData("example.com/a.b")]
    [InlineData("mp3 and x86 and abc123def")]
    [InlineData("3D and 5G")]
    [InlineData("as shown in Fig. 3 and Table 2")]
    [InlineData("at 16:10:04")]
    public void Identifiers_labels_and_links_are_not_figures(string text)
    {
        Assert.Empty(FigureExtractor.Extract(text));
    }

    [Fact]
    public void Footnote_label_after_a_figure_is_not_a_figure()
    {
        Assert.Equal(["14.0%"], Normalized("分别提升了14.0%。[^1][^5]"));
    }

    // ------------------------------------------------------------------ numbers

    [Fact]
    public void Thousands_separators_are_read_as_one_number()
    {
        var figure = Single("sales of 1,234,567.25 units");

        Assert.Equal((1_234_567.25m, 2), (figure.Low, figure.Decimals));
    }

    [Fact]
    public void Comma_followed_by_space_separates_numbers()
    {
        Assert.Equal(["12", "345"], Normalized("between groups 12, 345 were seen"));
    }

    [Fact]
    public void Chinese_full_width_comma_is_never_a_thousands_separator()
    {
        Assert.Equal(["20", "300"], Normalized("其中20，300"));
    }

    [Fact]
    public void Full_width_digits_are_folded_but_offsets_refer_to_the_original()
    {
        const string text = "达到８５．１％。";

        var figure = Single(text);

        Assert.Equal((85.1m, true, 1), (figure.Low, figure.IsPercent, figure.Decimals));
        Assert.Equal("８５．１％", text.Substring(figure.Start, figure.Length));
        Assert.Equal("８５．１％", figure.Text);
    }

    [Fact]
    public void Percent_written_as_a_word_is_a_percentage()
    {
        var figure = Single("a sensitivity of 85.1 percent");

        Assert.Equal((FigureKind.Percent, 85.1m, "85.1 percent"), (figure.Kind, figure.Low, figure.Text));
    }

    [Fact]
    public void Baifenzhi_with_Chinese_numerals_is_a_percentage()
    {
        var figure = Single("约百分之三十的患者");

        Assert.Equal((FigureKind.Percent, 30m, FigureQualifier.About), (figure.Kind, figure.Low, figure.Qualifier));
    }

    [Fact]
    public void Percentage_points_count_as_percent()
    {
        var figure = Single("提升了21.8个百分点");

        Assert.Equal((FigureKind.Percent, 21.8m), (figure.Kind, figure.Low));
    }

    [Theory]
    [InlineData("1.5亿", 150_000_000, 1)]
    [InlineData("3千人", 3_000, 0)]
    [InlineData("2千万元", 20_000_000, 0)]
    [InlineData("20k users", 20_000, 0)]
    [InlineData("2 million people", 2_000_000, 0)]
    [InlineData("1.5 billion dollars", 1_500_000_000, 1)]
    [InlineData("3 thousand", 3_000, 0)]
    [InlineData("$4bn", 4_000_000_000, 0)]
    public void Scale_words_multiply_the_number(string text, long expected, int decimals)
    {
        var figure = Single(text);

        Assert.Equal(expected, figure.Low);
        Assert.Equal(decimals, figure.Decimals);
    }

    [Fact]
    public void Normalized_value_of_a_scaled_decimal_has_no_spurious_decimals()
    {
        Assert.Equal("150000000", Single("1.5亿").Normalized);
    }

    [Fact]
    public void Qian_as_part_of_a_unit_is_not_a_scale()
    {
        Assert.Equal(3m, Single("3千米").Low);
    }

    [Theory]
    [InlineData("20多万人", 200_000, FigureQualifier.MoreThan)]
    [InlineData("10余年", 10, FigureQualifier.MoreThan)]
    [InlineData("3个多月", 3, FigureQualifier.MoreThan)]
    [InlineData("5年以上", 5, FigureQualifier.AtLeast)]
    [InlineData("10个月左右", 10, FigureQualifier.About)]
    [InlineData("将近3成", 30, FigureQualifier.Nearly)]
    [InlineData("超过30人", 30, FigureQualifier.MoreThan)]
    [InlineData("不到5人", 5, FigureQualifier.LessThan)]
    [InlineData("至少5人", 5, FigureQualifier.AtLeast)]
    [InlineData("多达500人", 500, FigureQualifier.UpTo)]
    [InlineData("大约500人", 500, FigureQualifier.About)]
    [InlineData("about 500", 500, FigureQualifier.About)]
    [InlineData("around 500", 500, FigureQualifier.About)]
    [InlineData("approximately 500", 500, FigureQualifier.About)]
    [InlineData("~500", 500, FigureQualifier.About)]
    [InlineData("nearly 500", 500, FigureQualifier.Nearly)]
    [InlineData("almost 500", 500, FigureQualifier.Nearly)]
    [InlineData("more than 500", 500, FigureQualifier.MoreThan)]
    [InlineData("over 500", 500, FigureQualifier.MoreThan)]
    [InlineData("500+ users", 500, FigureQualifier.MoreThan)]
    [InlineData("at least 500", 500, FigureQualifier.AtLeast)]
    [InlineData("500 or more", 500, FigureQualifier.AtLeast)]
    [InlineData("up to 500", 500, FigureQualifier.UpTo)]
    [InlineData("less than 500", 500, FigureQualifier.LessThan)]
    [InlineData("under 500", 500, FigureQualifier.LessThan)]
    [InlineData("fewer than 500 patients", 500, FigureQualifier.LessThan)]
    public void Qualifiers_are_recognised(string text, long value, FigureQualifier qualifier)
    {
        var figure = Single(text);

        Assert.Equal((value, qualifier), ((long)figure.Low, figure.Qualifier));
    }

    [Fact]
    public void Zuijin_recently_is_not_nearly()
    {
        Assert.Equal(FigureQualifier.Exact, Single("最近10年").Qualifier);
    }

    [Fact]
    public void English_qualifier_inside_a_word_is_not_a_qualifier()
    {
        Assert.Equal(FigureQualifier.Exact, Single("Moreover 500").Qualifier);
    }

    [Fact]
    public void Qualifier_and_scale_in_English()
    {
        var figure = Single("more than 20,000 cases");

        Assert.Equal((20_000m, FigureQualifier.MoreThan, "more than 20,000"), (figure.Low, figure.Qualifier, figure.Text));
        Assert.Equal("more than 20000", figure.Normalized);
    }

    [Fact]
    public void Negative_numbers_keep_their_sign()
    {
        Assert.Equal(-5m, Single("增长-5%").Low);
    }

    // ------------------------------------------------------------------ ranges

    [Theory]
    [InlineData("20%–30%", 20, 30, true)]
    [InlineData("20-30%", 20, 30, true)]
    [InlineData("95–99%", 95, 99, true)]
    [InlineData("0.986–0.996", 0.986, 0.996, false)]
    [InlineData("between 2 and 3 months", 2, 3, false)]
    [InlineData("from 2 to 10 years", 2, 10, false)]
    [InlineData("2-10 months", 2, 10, false)]
    [InlineData("2 to 3 million", 2_000_000, 3_000_000, false)]
    [InlineData("2到3万", 20_000, 30_000, false)]
    [InlineData("20~30人", 20, 30, false)]
    [InlineData("２０％～３０％", 20, 30, true)]
    public void Ranges_are_recognised(string text, double low, double high, bool percent)
    {
        var figure = Single(text);

        Assert.Equal(FigureKind.Range, figure.Kind);
        Assert.Equal((decimal)low, figure.Low);
        Assert.Equal((decimal)high, figure.High);
        Assert.Equal(percent, figure.IsPercent);
    }

    [Fact]
    public void Range_text_includes_between()
    {
        Assert.Equal("between 2 and 3", Single("between 2 and 3 months").Text);
    }

    [Fact]
    public void And_without_between_joins_two_figures()
    {
        Assert.Equal(["20", "30"], Normalized("20 and 30 patients"));
    }

    [Fact]
    public void Descending_pair_is_not_a_range()
    {
        Assert.Equal(["5", "3"], Normalized("5 to 3 votes"));
    }

    [Fact]
    public void Range_takes_the_qualifier_before_it()
    {
        var figure = Single("约2到3个月");

        Assert.Equal((FigureKind.Range, FigureQualifier.About), (figure.Kind, figure.Qualifier));
    }

    // ------------------------------------------------------------------ years and dates

    [Theory]
    [InlineData("2025/6/25", 2025, 6, 25)]
    [InlineData("2025-06-25", 2025, 6, 25)]
    [InlineData("2025.06.25", 2025, 6, 25)]
    [InlineData("2025年6月25日", 2025, 6, 25)]
    [InlineData("June 25, 2025", 2025, 6, 25)]
    [InlineData("25 June 2025", 2025, 6, 25)]
    [InlineData("June 2025", 2025, 6, null)]
    [InlineData("Jun. 2025", 2025, 6, null)]
    [InlineData("2025-06", 2025, 6, null)]
    [InlineData("6月25日", null, 6, 25)]
    public void Dates_are_recognised(string text, int? year, int month, int? day)
    {
        var figure = Single(text);

        Assert.Equal(FigureKind.Date, figure.Kind);
        Assert.Equal((year, (int?)month, day), (figure.Year, figure.Month, figure.Day));
        Assert.Equal(text, figure.Text);
    }

    [Theory]
    [InlineData("in 2023")]
    [InlineData("since 2020, sales rose")]
    [InlineData("(Smith et al., 2020)")]
    [InlineData("2023年")]
    public void Years_are_recognised(string text)
    {
        Assert.Equal(FigureKind.Year, Single(text).Kind);
    }

    [Theory]
    [InlineData("2000 patients")]
    [InlineData("共2000人")]
    [InlineData("2,023 cases")]
    public void Four_digit_counts_are_not_years(string text)
    {
        Assert.Equal(FigureKind.Number, Single(text).Kind);
    }

    [Fact]
    public void Iso_timestamp_yields_only_its_date()
    {
        Assert.Equal(["2025-06-25"], Normalized("2025-06-25T16:10:04+08:00"));
    }

    // ------------------------------------------------------------------ ordinals

    [Theory]
    [InlineData("第1名", 1)]
    [InlineData("第十一位", 11)]
    [InlineData("ranked 3rd", 3)]
    [InlineData("the 21st century", 21)]
    [InlineData("No. 1 in the world", 1)]
    public void Ordinals_are_recognised(string text, int value)
    {
        var figure = Single(text);

        Assert.Equal((FigureKind.Ordinal, (decimal)value), (figure.Kind, figure.Low));
    }

    // ------------------------------------------------------------------ units and offsets

    [Theory]
    [InlineData("100mg", 100)]
    [InlineData("5km", 5)]
    [InlineData("a 24-hour window", 24)]
    [InlineData("1.5x faster", 1.5)]
    [InlineData("mid-2023", 2023)]
    public void Numbers_with_units_or_hyphenated_words_are_figures(string text, double value)
    {
        Assert.Equal((decimal)value, Single(text).Low);
    }

    [Fact]
    public void Offsets_of_every_figure_point_at_its_text()
    {
        string text = SeedArticle.ClinicalStudy + SeedArticle.StomachCancerBurden;

        Assert.All(FigureExtractor.Extract(text), figure => Assert.Equal(figure.Text, text.Substring(figure.Start, figure.Length)));
    }

    [Fact]
    public void Text_without_digits_has_no_figures()
    {
        Assert.Empty(FigureExtractor.Extract("人工智能正以前所未有的深度和广度渗透到医疗领域。"));
        Assert.Empty(FigureExtractor.Extract(string.Empty));
    }
}

public class TextAnalysisRobustnessTests
{
    [Fact]
    public void Random_mixes_of_digits_punctuation_and_scale_words_never_throw_and_offsets_stay_in_range()
    {
        string[] pieces =
        [
            "0", "1", "9", "99", "2025", "1,234", ".", ",", "%", "％", "-", "–", "~", "至", "到", "万", "亿", "千", "百", "多", "余",
            "约", "近", "左右", "以上", "年", "月", "日", "第", "三", "十", "百分之", " ", "\n", "\n\n", "。", "！", "？", "；", "…",
            "U.S.", "e.g.", "Dr.", "k", "M", "million", "billion", "percent", "between", "and", "to", "from", "about", "COVID-19",
            "v2.0", "[^1]", "[2]", "http://x.com/1.2", "10.1038/abc", "June", "No.", "Fig.", "st", "”", "）", "**", "_", "９",
            "99999999999999999999999", "亿亿亿亿", "0.000000000000000000000001",
        ];
        var random = new Random(20250625);
        var detector = new StrongWordDetector();
        for (int n = 0; n < 3000; n++)
        {
            var builder = new System.Text.StringBuilder();
            int count = random.Next(1, 14);
            for (int k = 0; k < count; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = builder.ToString();
            var figures = FigureExtractor.Extract(text);
            Assert.All(figures, figure =>
            {
                Assert.InRange(figure.Start, 0, text.Length);
                Assert.InRange(figure.Start + figure.Length, figure.Start + 1, text.Length);
                Assert.True(figure.Low <= figure.High, text);
                Assert.NotEmpty(figure.Normalized);
            });
            foreach (var claim in figures)
            {
                FigureComparer.IsStatedBy(claim, figures);
            }

            var segments = SentenceSplitter.Split(text);
            Assert.All(segments, segment => Assert.InRange(segment.End, segment.Start + 1, text.Length));
            for (int k = 1; k < segments.Count; k++)
            {
                Assert.True(segments[k].Start >= segments[k - 1].End, text);
            }

            detector.Find(text);
        }
    }

    [Fact]
    public async Task A_sentence_after_a_million_spaces_is_scanned_in_one_pass()
    {
        // the article rules blank code spans to spaces; the scanner measured the leading spaces again at each position:
        // a fuzzed sentence whose code span held 72,000 characters took 1.8 s, a million would take hours.
        // Capped like the fuzz harness: a hang fails, time is not measured.
        string text = new string(' ', 1_000_000) + "Use rose 5%.";
        var figures = await Task.Run(() => FigureExtractor.Extract(text), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal("5%", Assert.Single(figures).Text.Trim());
    }

    [Fact]
    public async Task A_number_of_400_000_thousands_groups_is_skipped_whole_in_one_pass()
    {
        // too long to be a figure, it was read again from each of its groups: 40,000 groups took 4 s, this many would
        // take minutes. Capped like the fuzz harness: a hang fails, time is not measured.
        string text = "1" + string.Concat(Enumerable.Repeat(",234", 400_000)) + " cases, of which 5%.";
        var figures = await Task.Run(() => FigureExtractor.Extract(text), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal("5%", Assert.Single(figures).Text.Trim());
    }

    [Fact]
    public void A_grouped_number_of_up_to_twenty_digits_is_still_a_figure()
    {
        Assert.Equal(12_345_678_901_234_567_890m, Assert.Single(FigureExtractor.Extract("We counted 12,345,678,901,234,567,890 grains.")).Low);
    }

    [Theory]
    [InlineData("  2. The rate rose to 5% (https://example.org/2024/15).", "5%")]
    [InlineData("见 example.com/2025/06 与 10.1234/56789：增长5%。", "5%")]
    [InlineData("[^12] 增长5%，代码 `x = 42` 不算。", "5%")]
    [InlineData("研究人员报告，模型在A队列中的敏感性达到43.5%。", "43.5%")]
    [InlineData("     ", null)]
    public void Excluded_spans_after_text_passed_over_unread_are_still_found(string text, string? only)
    {
        // the exclusions are looked for only where one can start (a bracket, a backtick, an ASCII letter or digit,
        // and the first character after leading spaces); the figures around them are unchanged
        var figures = FigureExtractor.Extract(text);
        if (only is null)
        {
            Assert.Empty(figures);
        }
        else
        {
            Assert.Equal(only, Assert.Single(figures).Text.Trim());
        }
    }
}
