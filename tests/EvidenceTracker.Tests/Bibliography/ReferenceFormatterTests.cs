using System.Text;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Bibliography;

public class ReferenceFormatterTests
{
    // the type as a source file spells it
    private static Source Src(string id, string type, string title, params string[] authors) =>
        new()
        {
            Id = id, File = $"sources/{id}.yaml", Title = title, Authors = authors,
            Type = Names.TryParse(Names.SourceTypes, type, out SourceType t) ? t : throw new ArgumentException($"not a source type: {type}", nameof(type)),
        };

    private static readonly Source Journal4 = Src("cao-2023", "journal-article",
            "Large-scale pancreatic cancer detection via non-contrast CT and deep learning", "Cao, Kai", "Xia, Yingda", "Yao, Jiawen", "Zhang, Ling") with
    {
        Publisher = "Nature Medicine", Date = "2023-11-20", Volume = "29", Issue = "12", Pages = "3033-3043",
        Doi = "10.1038/s41591-023-02640-w", Url = "https://doi.org/10.1038/s41591-023-02640-w", Lang = "en",
    };

    private static readonly Source Journal2 = Src("smith-2020", "journal-article", "Caffeine and sleep", "Smith, Jane Anne", "Doe, J.-P.") with
    {
        Publisher = "Journal of Sleep", Date = "2020", Volume = "5", Issue = "2", Pages = "101-9", Doi = "10.1234/js.2020.5",
    };

    private static readonly Source Journal7 = Src("big-2021", "journal-article", "A consortium study",
        "A, B", "C, D", "E, F", "G, H", "I, J", "K, L", "M, N") with { Publisher = "Science", Date = "2021-03", Volume = "371", Pages = "1-10" };

    private static readonly Source News = Src("nyt-2025", "news", "AI spots stomach cancer months earlier", "Kolata, Gina") with
    {
        Publisher = "The New York Times", Date = "2025-06-25", Accessed = "2025-06-26", Url = "https://www.nytimes.com/2025/06/25/health/ai-cancer.html", Lang = "en",
    };

    private static readonly Source Web = Src("damo-2025", "web-page", "DAMO GRAPE") with
    {
        Publisher = "DAMO Academy", Accessed = "2025-06-25", Url = "https://damo.alibaba.com/grape",
    };

    private static readonly Source Book3 = Src("tolkien-1954", "book", "The Fellowship of the Ring", "Tolkien, J. R. R.", "Tolkien, Christopher", "Anderson, Douglas A.") with
    {
        Publisher = "Allen & Unwin", Date = "1954-07-29",
    };

    private static readonly Source Report1 = Src("who-2024", "report", "Global cancer report 2024", "World Health Organization") with
    {
        Publisher = "World Health Organization", Date = "2024", Url = "https://www.who.int/report", Accessed = "2025-06-25",
    };

    private static readonly Source ChineseNews = Src("xinhua-2025", "news", "胃癌筛查困局有望破解：AI影像分析推动胃癌早筛智能发展") with
    {
        Publisher = "新华网", Date = "2025-06-25", Accessed = "2025-06-25", Url = "http://www.news.cn/tech/20250625/c.html", Lang = "zh",
    };

    private static readonly Source ChineseJournal5 = Src("wang-2024", "journal-article", "平扫CT人工智能筛查胃癌的多中心研究", "王, 芳", "李, 明", "张, 玲", "陈, 刚", "刘, 洋") with
    {
        Publisher = "中华放射学杂志", Date = "2024-05", Volume = "58", Issue = "5", Pages = "481-487", Lang = "zh",
    };

    private static readonly Source ChineseBook1 = Src("zhang-2020", "book", "医学影像人工智能", "张, 玲") with { Publisher = "人民卫生出版社", Date = "2020" };

    private static readonly Source ChineseReport = Src("nhc-2023", "report", "中国癌症筛查报告", "国家癌症中心") with
    {
        Publisher = "国家癌症中心", Date = "2023-12", Url = "https://www.nhc.gov.cn/report", Accessed = "2025-06-25", Lang = "zh",
    };

    private static readonly Source[] All = [Journal4, Journal2, Journal7, News, Web, Book3, Report1, ChineseNews, ChineseJournal5, ChineseBook1, ChineseReport];

    [Fact]
    public void Every_style_matches_its_golden_file_for_english_and_chinese_sources()
    {
        var sb = new StringBuilder();
        foreach (var style in Enum.GetValues<ReferenceStyle>())
        {
            sb.Append("## ").Append(ReferenceFormatter.StyleName(style)).Append('\n');
            foreach (var s in All)
            {
                sb.Append(s.Id).Append('\n');
                sb.Append("  text:     ").Append(ReferenceFormatter.Format(s, style)).Append('\n');
                sb.Append("  markdown: ").Append(ReferenceFormatter.Format(s, style, ReferenceMarkup.Markdown)).Append('\n');
            }
        }
        Golden.Verify("references.txt", sb.ToString());
    }

    [Fact]
    public void Apa_lists_up_to_twenty_authors_with_an_ampersand_and_italicises_journal_and_volume()
    {
        Assert.Equal("Smith, J. A., & Doe, J.-P. (2020). Caffeine and sleep. *Journal of Sleep*, *5*(2), 101–109. https://doi.org/10.1234/js.2020.5",
            ReferenceFormatter.Format(Journal2, ReferenceStyle.Apa, ReferenceMarkup.Markdown));
        Assert.StartsWith("Cao, K., Xia, Y., Yao, J., & Zhang, L. (2023).", ReferenceFormatter.Format(Journal4, ReferenceStyle.Apa));
    }

    [Fact]
    public void Apa_gives_news_the_full_date_and_drops_a_publisher_that_is_the_author()
    {
        Assert.Equal("Kolata, G. (2025, June 25). AI spots stomach cancer months earlier. The New York Times. https://www.nytimes.com/2025/06/25/health/ai-cancer.html",
            ReferenceFormatter.Format(News, ReferenceStyle.Apa));
        Assert.Equal("World Health Organization. (2024). Global cancer report 2024. https://www.who.int/report", ReferenceFormatter.Format(Report1, ReferenceStyle.Apa));
        Assert.Equal("DAMO GRAPE. (n.d.). DAMO Academy. Retrieved June 25, 2025, from https://damo.alibaba.com/grape", ReferenceFormatter.Format(Web, ReferenceStyle.Apa));
    }

    [Fact]
    public void Vancouver_initialises_without_periods_or_hyphens_and_cuts_the_list_after_six_authors()
    {
        Assert.Equal("Smith JA, Doe JP. Caffeine and sleep. Journal of Sleep. 2020;5(2):101-9. doi:10.1234/js.2020.5", ReferenceFormatter.Format(Journal2, ReferenceStyle.Vancouver));
        Assert.Equal("A B, C D, E F, G H, I J, K L, et al. A consortium study. Science. 2021 Mar;371:1-10.", ReferenceFormatter.Format(Journal7, ReferenceStyle.Vancouver));
    }

    // The rules below were found by bench/csl-compare.sh (citeproc-js with the official CSL styles); see bench/csl-compare.md.

    [Fact]
    public void Vancouver_puts_internet_after_the_newspaper_and_a_page_after_the_date()
    {
        Assert.Equal("Kolata G. AI spots stomach cancer months earlier. The New York Times [Internet]. 2025 Jun 25 [cited 2025 Jun 26]. Available from: https://www.nytimes.com/2025/06/25/health/ai-cancer.html",
            ReferenceFormatter.Format(News, ReferenceStyle.Vancouver));
        var print = Src("patel-2024", "news", "Hospital opens new screening centre", "Patel, Ravi") with { Publisher = "The Guardian", Date = "2024-01-15", Pages = "A1" };
        Assert.Equal("Patel R. Hospital opens new screening centre. The Guardian. 2024 Jan 15:A1.", ReferenceFormatter.Format(print, ReferenceStyle.Vancouver));
    }

    [Fact]
    public void Vancouver_cites_a_journal_article_with_a_doi_or_pmid_without_its_url_and_ends_with_the_pmid()
    {
        var withPublisherPage = Journal4 with { Url = "https://www.nature.com/articles/s41591-023-02640-w", Accessed = "2025-06-25", Pmid = "37985692" };
        Assert.Equal("Cao K, Xia Y, Yao J, Zhang L. Large-scale pancreatic cancer detection via non-contrast CT and deep learning. Nature Medicine. 2023 Nov 20;29(12):3033-43. doi:10.1038/s41591-023-02640-w PubMed PMID: 37985692.",
            ReferenceFormatter.Format(withPublisherPage, ReferenceStyle.Vancouver));
        var onlyUrl = Journal4 with { Doi = null, Url = "https://www.nature.com/articles/s41591-023-02640-w", Accessed = "2025-06-25" };
        Assert.Equal("Cao K, Xia Y, Yao J, Zhang L. Large-scale pancreatic cancer detection via non-contrast CT and deep learning. Nature Medicine [Internet]. 2023 Nov 20 [cited 2025 Jun 25];29(12):3033-43. Available from: https://www.nature.com/articles/s41591-023-02640-w",
            ReferenceFormatter.Format(onlyUrl, ReferenceStyle.Vancouver));
    }

    [Fact]
    public void Vancouver_writes_a_web_page_under_its_site_with_the_page_title_after_the_date()
    {
        Assert.Equal("DAMO Academy [Internet]. [cited 2025 Jun 25]. DAMO GRAPE. Available from: https://damo.alibaba.com/grape", ReferenceFormatter.Format(Web, ReferenceStyle.Vancouver));
        var dated = Web with { Authors = ["Rivera, Ana"], Date = "2024-10-03" };
        Assert.Equal("Rivera A. DAMO Academy [Internet]. 2024 [cited 2025 Jun 25]. DAMO GRAPE. Available from: https://damo.alibaba.com/grape", ReferenceFormatter.Format(dated, ReferenceStyle.Vancouver));
        var noSite = Web with { Publisher = null };
        Assert.Equal("DAMO GRAPE [Internet]. [cited 2025 Jun 25]. Available from: https://damo.alibaba.com/grape", ReferenceFormatter.Format(noSite, ReferenceStyle.Vancouver));
    }

    [Fact]
    public void Vancouver_dates_reports_by_year_and_month_and_other_monographs_by_year_after_their_publisher()
    {
        Assert.StartsWith("国家癌症中心. 中国癌症筛查报告 [Internet]. 国家癌症中心; 2023 Dec [cited 2025 Jun 25].", ReferenceFormatter.Format(ChineseReport, ReferenceStyle.Vancouver));
        var release = Src("alibaba-2025", "press-release", "Alibaba DAMO Academy announces GRAPE", "Alibaba Group") with
        {
            Publisher = "Alibaba Group", Date = "2025-06-24", Url = "https://www.alibabagroup.com/en-US/document-1850",
        };
        Assert.Equal("Alibaba Group. Alibaba DAMO Academy announces GRAPE [Press release] [Internet]. Alibaba Group; 2025 Jun. Available from: https://www.alibabagroup.com/en-US/document-1850",
            ReferenceFormatter.Format(release, ReferenceStyle.Vancouver));
        var dataset = Src("ct-2023", "dataset", "Gastric CT cohort", "DAMO Academy") with { Publisher = "Zenodo", Date = "2023-05-02", Doi = "10.5281/zenodo.1234567" };
        Assert.Equal("DAMO Academy. Gastric CT cohort. Zenodo; 2023. doi:10.5281/zenodo.1234567", ReferenceFormatter.Format(dataset, ReferenceStyle.Vancouver));
        var regulation = Src("gdpr", "regulatory", "General Data Protection Regulation", "European Parliament") with { Publisher = "Official Journal of the European Union", Date = "2016-04-27" };
        Assert.Equal("European Parliament. General Data Protection Regulation. Official Journal of the European Union; 2016.", ReferenceFormatter.Format(regulation, ReferenceStyle.Vancouver));
        Assert.Equal("Li H. An undated handbook. Example Press.",
            ReferenceFormatter.Format(Src("li", "book", "An undated handbook", "Li, Hua") with { Publisher = "Example Press" }, ReferenceStyle.Vancouver));
    }

    [Fact]
    public void Vancouver_joins_pages_to_the_date_when_a_journal_article_has_no_volume_and_shortens_prefixed_ranges()
    {
        var noVolume = Journal2 with { Volume = null, Issue = null, Pages = "5-9", Doi = null };
        Assert.Equal("Smith JA, Doe JP. Caffeine and sleep. Journal of Sleep. 2020;5-9.", ReferenceFormatter.Format(noVolume, ReferenceStyle.Vancouver));
        var articleNumbers = Journal2 with { Pages = "e100-e110", Doi = null };
        Assert.EndsWith("2020;5(2):e100-10.", ReferenceFormatter.Format(articleNumbers, ReferenceStyle.Vancouver));
        Assert.Contains("5(2): e100-e110.", ReferenceFormatter.Format(articleNumbers, ReferenceStyle.GbT7714), StringComparison.Ordinal);
    }

    [Fact]
    public void Gbt_writes_a_name_suffix_after_the_initials_and_leaves_out_a_date_that_is_not_valid()
    {
        var king = Src("king-2015", "journal-article", "Road safety", "King, Jr., Martin Luther", "Abernathy, Ralph") with { Publisher = "Traffic", Date = "2015" };
        Assert.Equal("KING M L Jr, ABERNATHY R. Road safety[J]. Traffic, 2015.", ReferenceFormatter.Format(king, ReferenceStyle.GbT7714));
        var badDate = Src("memo", "other", "Values that are wrong") with { Date = "2023-02-30", Url = "https://example.com/file" };
        Assert.Equal("Values that are wrong[Z/OL]. https://example.com/file.", ReferenceFormatter.Format(badDate, ReferenceStyle.GbT7714));
    }

    [Fact]
    public void Apa_italicises_the_title_of_an_article_without_a_journal_or_newspaper()
    {
        var digest = Src("digest", "news", "The week in water");
        Assert.Equal("*The week in water*. (n.d.).", ReferenceFormatter.Format(digest, ReferenceStyle.Apa, ReferenceMarkup.Markdown));
        Assert.Equal("Kolata, G. (2025, June 25). AI spots stomach cancer months earlier. *The New York Times*. https://www.nytimes.com/2025/06/25/health/ai-cancer.html",
            ReferenceFormatter.Format(News, ReferenceStyle.Apa, ReferenceMarkup.Markdown));
    }

    [Fact]
    public void Gbt_capitalises_western_family_names_and_writes_et_al_or_deng_after_three()
    {
        Assert.Equal("CAO K, XIA Y, YAO J, et al. Large-scale pancreatic cancer detection via non-contrast CT and deep learning[J/OL]. Nature Medicine, 2023, 29(12): 3033-3043. https://doi.org/10.1038/s41591-023-02640-w. DOI:10.1038/s41591-023-02640-w.",
            ReferenceFormatter.Format(Journal4, ReferenceStyle.GbT7714));
        Assert.Equal("王芳, 李明, 张玲, 等. 平扫CT人工智能筛查胃癌的多中心研究[J]. 中华放射学杂志, 2024, 58(5): 481-487.",
            ReferenceFormatter.Format(ChineseJournal5, ReferenceStyle.GbT7714));
        Assert.Equal("胃癌筛查困局有望破解：AI影像分析推动胃癌早筛智能发展[N/OL]. 新华网, 2025-06-25[2025-06-25]. http://www.news.cn/tech/20250625/c.html.",
            ReferenceFormatter.Format(ChineseNews, ReferenceStyle.GbT7714));
        Assert.Equal("DAMO GRAPE[EB/OL]. [2025-06-25]. https://damo.alibaba.com/grape.", ReferenceFormatter.Format(Web, ReferenceStyle.GbT7714));
        Assert.Equal("张玲. 医学影像人工智能[M]. 人民卫生出版社, 2020.", ReferenceFormatter.Format(ChineseBook1, ReferenceStyle.GbT7714));
    }

    [Fact]
    public void Html_escapes_the_text_and_marks_italics()
    {
        Assert.Equal("Tolkien, J. R. R., Tolkien, C., &amp; Anderson, D. A. (1954). <i>The Fellowship of the Ring</i>. Allen &amp; Unwin.",
            ReferenceFormatter.Format(Book3, ReferenceStyle.Apa, ReferenceMarkup.Html));
    }

    [Fact]
    public void Lists_are_numbered_in_numeric_styles_and_sorted_by_author_in_apa()
    {
        var gbt = ReferenceFormatter.FormatList([Journal2, ChineseBook1], ReferenceStyle.GbT7714);
        Assert.StartsWith("[1] SMITH J A, DOE J P.", gbt[0]);
        Assert.StartsWith("[2] 张玲.", gbt[1]);
        Assert.StartsWith("1. Smith JA", ReferenceFormatter.FormatList([Journal2], ReferenceStyle.Vancouver)[0]);
        var apa = ReferenceFormatter.FormatList([Journal2, Book3, Journal4], ReferenceStyle.Apa);
        Assert.Equal(["Cao", "Smith", "Tolkien"], apa.Select(r => r[..r.IndexOf(',', StringComparison.Ordinal)]));
    }

    [Fact]
    public void The_default_style_is_the_configured_one_else_gbt_for_chinese_articles_else_apa()
    {
        Article Art(string text) => new() { Id = "a", File = "articles/a.md", Text = text };
        Assert.Equal(ReferenceStyle.Vancouver, ReferenceFormatter.DefaultStyle(new EvidenceConfig { Style = "vancouver" }, [Art("中文文章")], []));
        Assert.Equal(ReferenceStyle.GbT7714, ReferenceFormatter.DefaultStyle(EvidenceConfig.Default, [Art("达摩院的AI模型在平扫CT上发现胃癌")], [News]));
        Assert.Equal(ReferenceStyle.Apa, ReferenceFormatter.DefaultStyle(EvidenceConfig.Default, [Art("An English article about 胃癌")], [ChineseNews]));
        Assert.Equal(ReferenceStyle.GbT7714, ReferenceFormatter.DefaultStyle(EvidenceConfig.Default, [], [ChineseNews, ChineseBook1, News]));
        Assert.Equal(ReferenceStyle.Apa, ReferenceFormatter.DefaultStyle(EvidenceConfig.Default, [], []));
    }
}
