using EvidenceTracker.Articles;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Articles;

/// <summary>The article model: front matter, body sentences, footnote markers and definitions, with exact positions.</summary>
public class ArticleParserTests
{
    private static string English => File.ReadAllText(TestPaths.Fixture("articles-en/articles/heat-pumps.md"));
    private static string Seed => File.ReadAllText(TestPaths.Fixture("seed-article/articles/damo-grape-ct-screening.md"));

    private static List<(string Label, int Line, int Column)> Markers(ArticleDocument doc) =>
        doc.Markers.Select(m => (m.Label, m.Position.Line, m.Position.Column)).ToList();

    [Fact]
    public void Every_body_marker_has_its_line_and_column_and_markers_in_code_are_not_markers()
    {
        var doc = ArticleParser.Parse(English);
        Assert.Equal(
            [("1", 9, 50), ("2", 9, 149), ("3", 9, 153), ("4", 12, 76), ("4", 15, 25), ("5", 19, 66), ("9", 20, 47)],
            Markers(doc));
    }

    [Fact]
    public void Every_definition_has_its_line_and_column_and_raw_content()
    {
        var doc = ArticleParser.Parse(English);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], doc.Definitions.Select(d => d.Label));
        Assert.All(doc.Definitions, d => Assert.Equal(1, d.Position.Column));
        Assert.Equal([27, 28, 29, 30, 31, 32], doc.Definitions.Select(d => d.Position.Line));
        Assert.Equal("Sales figures compiled by the author from dealer surveys", doc.Definition("3")!.Content);
    }

    [Fact]
    public void The_seed_articles_adjacent_markers_are_both_found()
    {
        var doc = ArticleParser.Parse(Seed);
        var markers = Markers(doc);
        Assert.Contains(("1", 38, 329), markers);
        Assert.Contains(("5", 38, 333), markers);
        Assert.Contains(("1", 44, 99), markers);
        Assert.Contains(("3", 44, 103), markers);
        Assert.Equal(14, markers.Count);
        Assert.Equal([62, 63, 64, 65, 66], doc.Definitions.Select(d => d.Position.Line));
    }

    [Fact]
    public void Front_matter_is_read_but_not_analysed_as_body()
    {
        var doc = ArticleParser.Parse(Seed);
        Assert.NotNull(doc.FrontMatter);
        Assert.StartsWith("title: AI医疗前沿", doc.FrontMatter);
        Assert.Empty(doc.Problems);
        Assert.DoesNotContain(doc.Blocks, b => b.Text.Contains("featured_image"));
        Assert.DoesNotContain(doc.Blocks, b => b.Text.Contains("阿里巴巴达摩院与浙江省肿瘤医院合作，成功研发出"));
    }

    [Fact]
    public void Inline_markdown_is_analysed_as_text_with_positions_mapped_to_the_file()
    {
        var doc = ArticleParser.Parse(English);
        var bills = doc.Blocks.SelectMany(b => b.Sentences).Single(s => s.Text.StartsWith("Bills fell"));
        Assert.Equal("Bills fell by 31% on average.", bills.Text);
        Assert.Equal(new Position(12, 43), bills.Position);
        var running = doc.Blocks.SelectMany(b => b.Sentences).Single(s => s.Text.StartsWith("Running costs"));
        Assert.Equal("Running costs are discussed in notes [^3] and in the appendix.", running.Text);
    }

    [Fact]
    public void Block_quotes_list_items_and_headings_are_body_blocks_and_code_blocks_are_not()
    {
        var doc = ArticleParser.Parse(English);
        Assert.Contains(doc.Blocks, b => b.InQuote && b.Text.StartsWith("Dr. Jane Ortiz"));
        Assert.Contains(doc.Blocks, b => b.Kind == ArticleBlockKind.Heading && b.Text == "Heat pumps in cold climates");
        var item = doc.Blocks.SelectMany(b => b.Sentences).Single(s => s.Text.StartsWith("Efficiency drops"));
        Assert.Equal(new Position(19, 3), item.Position);
        Assert.DoesNotContain(doc.Blocks, b => b.Text.Contains("A code block"));
    }

    [Fact]
    public void Chinese_sentences_keep_their_columns()
    {
        var doc = ArticleParser.Parse(Seed);
        var s = doc.Blocks.SelectMany(b => b.Sentences).Single(s => s.Text.Contains("1%左右"));
        Assert.Equal(new Position(30, 92), s.Position);
        Assert.StartsWith("令人惋惜的是", s.Text);
        Assert.EndsWith("20%-30%之间。", s.Text);
    }

    [Fact]
    public void Crlf_line_ends_give_the_same_lines_and_columns()
    {
        var lf = ArticleParser.Parse(English);
        var crlf = ArticleParser.Parse(English.Replace("\n", "\r\n"));
        Assert.Equal(Markers(lf), Markers(crlf));
        Assert.Equal(lf.Definitions.Select(d => d.Position), crlf.Definitions.Select(d => d.Position));
        Assert.Equal(lf.Blocks.SelectMany(b => b.Sentences).Select(s => (s.Position, s.Text.Replace("\r", ""))),
            crlf.Blocks.SelectMany(b => b.Sentences).Select(s => (s.Position, s.Text.Replace("\r", ""))));
    }

    [Fact]
    public void Run_scope_gives_every_sentence_since_the_previous_marker_and_sentence_scope_only_the_last()
    {
        var doc = ArticleParser.Parse(English);
        var run = doc.Passages(CitationScope.Run);
        var sentence = doc.Passages(CitationScope.Sentence);
        var salesRun = run.Single(p => p.Markers.Any(m => m.Label == "2"));
        Assert.Equal("Most of them were installed after 2010. Sales grew by 38% in 2022, the largest rise on record.", salesRun.Text);
        Assert.Equal(["2", "3"], salesRun.Labels);
        var salesSentence = sentence.Single(p => p.Markers.Any(m => m.Label == "2"));
        Assert.Equal("Sales grew by 38% in 2022, the largest rise on record.", salesSentence.Text);
        var lakeside = run.Single(p => p.Text.StartsWith("The Lakeside trial"));
        Assert.Equal(3, lakeside.LastSentence - lakeside.FirstSentence + 1);
    }

    [Fact]
    public void A_marker_in_the_middle_of_a_sentence_supports_that_sentence()
    {
        var doc = ArticleParser.Parse("One claim[^1] and another[^2] in one sentence. A second sentence.\n\n[^1]: a\n[^2]: b\n");
        var passages = doc.Passages(CitationScope.Run);
        Assert.Equal(2, passages.Count);
        Assert.All(passages, p => Assert.Equal("One claim and another in one sentence.", p.Text));
    }

    [Fact]
    public void A_marker_after_a_space_belongs_to_the_sentence_before_it()
    {
        var doc = ArticleParser.Parse("Sales rose 5%. [^1] Then they fell.\n\n[^1]: a\n");
        var passage = Assert.Single(doc.Passages(CitationScope.Sentence));
        Assert.Equal("Sales rose 5%.", passage.Text);
    }

    [Fact]
    public void No_front_matter_is_no_problem()
    {
        var doc = ArticleParser.Parse("Just text with 40% growth.[^1]\n\n[^1]: A note\n");
        Assert.Null(doc.FrontMatter);
        Assert.Empty(doc.Problems);
        Assert.Single(doc.Markers);
    }

    [Fact]
    public void Broken_front_matter_is_a_yaml_syntax_problem_at_its_line_and_the_body_is_still_read()
    {
        var doc = ArticleParser.Parse("---\ntitle: \"unclosed\ndate: 2024\n---\n\nBody with 12 cases.\n");
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(Rules.YamlSyntax, problem.Rule);
        Assert.True(problem.Position!.Value.Line >= 2);
        Assert.Contains(doc.Blocks, b => b.Text == "Body with 12 cases.");
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_is_a_problem()
    {
        var doc = ArticleParser.Parse("---\n- a list\n---\n\nBody.\n");
        Assert.Equal(Rules.YamlSyntax, Assert.Single(doc.Problems).Rule);
    }

    [Fact]
    public void Unclosed_front_matter_is_a_problem_on_line_1()
    {
        var doc = ArticleParser.Parse("---\ntitle: x\n\nBody text here.\n");
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(Rules.YamlSyntax, problem.Rule);
        Assert.Equal(new Position(1, 1), problem.Position);
    }

    [Fact]
    public void Toml_front_matter_is_skipped()
    {
        var doc = ArticleParser.Parse("+++\ntitle = \"x 50%\"\n+++\n\nBody 30% up.[^1]\n\n[^1]: Note\n");
        Assert.Empty(doc.Problems);
        Assert.Equal("Body 30% up.", Assert.Single(doc.Blocks).Text);
        Assert.Equal(new Position(5, 13), Assert.Single(doc.Markers).Position);
    }

    [Fact]
    public void A_label_with_a_space_is_a_label_and_a_list_of_labels_resolves_to_each_but_stays_undefined()
    {
        var doc = ArticleParser.Parse("RSS said 5%.[^RSS Snippet] Two agree on 7%.[^2, ^3]\n\n[^RSS Snippet]: Feed item\n[^2]: Two\n[^3]: Three\n");
        var markers = doc.Markers.ToList();
        Assert.False(markers[0].IsUndefined);
        Assert.Equal(["rss snippet"], markers[0].Labels);
        Assert.True(markers[1].IsUndefined);
        Assert.Equal(["2", "3"], markers[1].Labels);
    }

    [Fact]
    public void Labels_compare_case_insensitively()
    {
        var doc = ArticleParser.Parse("Text.[^Note]\n\n[^note]: defined\n");
        Assert.False(Assert.Single(doc.Markers).IsUndefined);
    }

    [Fact]
    public void A_duplicate_definition_points_at_the_first()
    {
        var doc = ArticleParser.Parse("Cited once.[^1]\n\n[^1]: First\n[^1]: Second\n");
        Assert.Equal(2, doc.Definitions.Count);
        Assert.Null(doc.Definitions[0].DuplicateOf);
        Assert.Equal(new Position(3, 1), doc.Definitions[1].DuplicateOf);
        Assert.Equal("First", doc.Definition("1")!.Content);
    }

    [Fact]
    public void Markers_in_code_spans_indented_code_and_fenced_code_are_not_markers_and_fenced_definitions_are_not_definitions()
    {
        var doc = ArticleParser.Parse("Use `[^1]` syntax.\n\n    indented [^2]\n\n```\n[^3]: not a definition\n```\n\n~~~md\n[^5] x\n~~~\n\nReal one 50%.[^4]\n\n[^4]: Defined\n");
        Assert.Equal(["4"], doc.Markers.Select(m => m.Label));
        Assert.Equal(["4"], doc.Definitions.Select(d => d.Label));
    }

    [Fact]
    public void An_escaped_bracket_is_not_a_marker()
    {
        var doc = ArticleParser.Parse("Write \\[^1] to cite.\n");
        Assert.Empty(doc.Markers);
    }

    [Fact]
    public void A_definition_continues_on_indented_and_lazy_lines_and_ends_at_a_blank_line()
    {
        var doc = ArticleParser.Parse("Text.[^1][^2]\n\n[^1]: First line\n    second line\nlazy line\n\n    indented paragraph\n\nBody again.\n\n[^2]: Two\n");
        Assert.Equal("First line\nsecond line\nlazy line\n\nindented paragraph", doc.Definition("1")!.Content);
        Assert.Contains(doc.Blocks, b => b.Text == "Body again.");
        Assert.DoesNotContain(doc.Blocks, b => b.Text.Contains("lazy line"));
    }

    [Fact]
    public void Markers_inside_definitions_count_as_uses()
    {
        var doc = ArticleParser.Parse("Text.[^1]\n\n[^1]: See also [^2].\n[^2]: Two\n");
        Assert.Equal(["2"], doc.DefinitionMarkers.SelectMany(m => m.Labels));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    public void An_empty_article_is_a_warning(string text)
    {
        var doc = ArticleParser.Parse(text);
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Empty(doc.Blocks);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_problem_not_a_long_wait()
    {
        var doc = ArticleParser.Parse(new string('>', 5000) + " deep 5%\n");
        Assert.Contains(doc.Problems, p => p.Message.Contains("nested"));
        var list = string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- x\n"));
        Assert.Contains(ArticleParser.Parse(list).Problems, p => p.Message.Contains("nested"));
    }

    [Fact]
    public void A_footnote_whose_content_is_a_list_nested_past_the_limit_is_the_nesting_problem_at_its_line()
    {
        // the article page parses a footnote's content as blocks: "[^3]:- - - …" 7,000 deep took it 0.86 s for 15 KB
        var doc = ArticleParser.Parse("Rates rose 5%.[^3]\n\n[^3]:" + string.Concat(Enumerable.Repeat("- ", 3_000)) + "x\n");
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(new Position(3, 1), problem.Position);
        Assert.Contains("nested more than", problem.Message, StringComparison.Ordinal);
        Assert.Empty(ArticleParser.Parse("Rates rose 5%.[^3]\n\n[^3]: - a list item\n").Problems);
    }

    [Theory]
    [InlineData("1. ")]
    [InlineData("12) ")]
    public void Ordered_list_numbers_count_as_nesting_like_bullets(string marker)
    {
        // "1. 1. 1. … x" on one line is a list 3,000 deep: Markdig takes seconds to refuse it, the parser refuses it at once
        var doc = ArticleParser.Parse("Intro 5%.\n\n" + string.Concat(Enumerable.Repeat(marker, 3_000)) + "x\n");
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(new Position(3, 1), problem.Position);
        Assert.Contains("nested more than", problem.Message, StringComparison.Ordinal);
        // a version number or a sentence ending in a number is no list marker
        Assert.Empty(ArticleParser.Parse(string.Concat(Enumerable.Repeat("2.5 ", 3_000)) + "x\n").Problems);
    }

    [Fact]
    public void Link_openings_that_never_close_read_as_their_text_and_a_real_link_after_them_as_a_link()
    {
        var opens = string.Concat(Enumerable.Repeat("[a](", 50_000));
        var doc = ArticleParser.Parse($"Rates rose 5% {opens} and [the report](https://example.com/r_(1)) said so.[^1]\n\n[^1]: x\n");
        var block = Assert.Single(doc.Blocks);
        Assert.Equal($"Rates rose 5% {opens} and the report said so.", block.Text);
        Assert.DoesNotContain(ArticleParser.HeldParenthesis, block.Text);
        Assert.Empty(doc.Problems);
        var marker = Assert.Single(doc.Markers);
        Assert.Equal(new Position(1, 15 + opens.Length + 53), marker.Position);
        // the text starts the file: each '(' maps back to its own offset
        Assert.Equal(14 + 3, block.SourceOffset(14 + 3));
        Assert.Equal(14 + opens.Length - 1, block.SourceOffset(14 + opens.Length - 1));
    }

    [Theory]
    [InlineData("[^", "]")]
    [InlineData("[a][", "")]
    [InlineData("_a ", "")]
    [InlineData("**a ", "")]
    [InlineData("http://a.example/ ", "")]
    [InlineData("| a ", "")]
    public void A_paragraph_holding_more_brackets_emphasis_marks_and_links_than_prose_does_is_read_as_plain_text(string open, string close)
    {
        // Markdig's time grows with the square of these (8,000 of them: up to a second); over the budget the
        // paragraph is plain text, one error says so, and the paragraphs around it are parsed as usual
        var run = string.Concat(Enumerable.Repeat(open, 8_000)) + string.Concat(Enumerable.Repeat(close, 8_000));
        var doc = ArticleParser.Parse($"Before [a link](https://example.org/a) 5%.\n\nRates rose {run} 5%.\n\nAfter **bold** 6%.\n");
        Assert.Equal(3, doc.Blocks.Count);
        Assert.Equal("Before a link 5%.", doc.Blocks[0].Text);
        Assert.Equal($"Rates rose {run} 5%.", doc.Blocks[1].Text);
        Assert.Equal("After bold 6%.", doc.Blocks[2].Text);
        var problem = Assert.Single(doc.Problems);
        Assert.Equal(Severity.Error, problem.Severity);
        Assert.Equal(new Position(3, 1), problem.Position);
        Assert.Contains("read as plain text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_with_as_many_links_and_emphasis_marks_as_the_budget_allows_is_parsed_as_markdown()
    {
        // 128 links with emphasised text: 128 '[' + 256 '*' + 128 '://' = 512 marks, the most a paragraph may hold
        var links = string.Join(" ", Enumerable.Range(0, 128).Select(i => $"[*s{i}*](https://example.org/{i})"));
        var doc = ArticleParser.Parse(links + "\n");
        Assert.Empty(doc.Problems);
        Assert.Equal(string.Join(" ", Enumerable.Range(0, 128).Select(i => $"s{i}")), Assert.Single(doc.Blocks).Text);
        Assert.Equal(128, doc.Blocks[0].Links.Count);
    }

    [Fact]
    public void Marker_groups_in_one_sentence_are_passages_of_one_text_cut_once()
    {
        var doc = ArticleParser.Parse(string.Concat(Enumerable.Repeat("x.[^1]", 1000)) + "\n\nNext 5%.[^1]\n\n[^1]: x\n");
        var passages = doc.Passages(CitationScope.Run);
        Assert.Equal(1001, passages.Count);
        Assert.All(passages.Take(1000), p => Assert.Same(passages[0].Text, p.Text));
        Assert.Equal(string.Concat(Enumerable.Repeat("x.", 1000)), passages[0].Text.TrimEnd());
        Assert.Equal("Next 5%.", passages[^1].Text);
    }

    [Fact]
    public void An_article_of_ordinary_links_is_parsed_as_markdig_reads_it()
    {
        var doc = ArticleParser.Parse("See [a](http://x.example/a_(b)) and [c](d and (e) [f](g \"t\") or [h](<i j>).\n");
        Assert.Equal("See a and [c](d and (e) f or h.", Assert.Single(doc.Blocks).Text);
    }

    [Fact]
    public void Excerpts_match_the_plain_text_or_the_raw_text_with_white_space_normalised()
    {
        var doc = ArticleParser.Parse(English);
        Assert.True(doc.ContainsExcerpt("sized by the installer.   Bills fell by 31% on average."));
        Assert.True(doc.ContainsExcerpt("Bills fell by **31%** on average."));
        Assert.True(doc.ContainsExcerpt("the units kept rooms warm even on the coldest nights."));
        Assert.False(doc.ContainsExcerpt("The Lakeside trial tested 724 homes"));
    }

    [Fact]
    public void Hugo_shortcodes_are_markup_not_prose()
    {
        var doc = ArticleParser.Parse("Intro 5%.[^1] {{< figure src=\"a.png\" width=\"600\" >}} After.\n\n{{% note %}}\nInside the note.\n{{% /note %}}\n\n[^1]: x\n");
        Assert.DoesNotContain(doc.Blocks, b => b.Text.Contains("600") || b.Text.Contains("note %"));
        Assert.Contains(doc.Blocks, b => b.Text.Contains("Inside the note."));
        Assert.Equal(new Position(1, 10), Assert.Single(doc.Markers).Position);
        var after = doc.Blocks.SelectMany(b => b.Sentences).Single(s => s.Text.EndsWith("After."));
        Assert.Equal("After.", after.Text);
        Assert.Equal(new Position(1, 54), after.Position);
    }

    [Fact]
    public void Random_markdown_never_throws()
    {
        var random = new Random(4);
        string[] pieces = ["[^", "]", "[^1]", "[^1]: ", "\n", "\n\n", "> ", "- ", "`", "```\n", "**", "_", "#", "---\n", "+++\n", "\\", "\r\n",
            "5%", "首次", "。", ". ", "[x](http://a.b)", "<b>", "&amp;", "    ", "\t", "1. ", "~~~", "[", "(", "）", "\u00A0", "\uD83D\uDE00"];
        for (var round = 0; round < 500; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var doc = ArticleParser.Parse(text);
            _ = doc.Passages(CitationScope.Run);
            _ = doc.Passages(CitationScope.Sentence);
            foreach (var s in doc.Blocks.SelectMany(b => b.Sentences))
            {
                Assert.True(s.Position.Line >= 1 && s.Position.Column >= 1);
            }
        }
    }
}
