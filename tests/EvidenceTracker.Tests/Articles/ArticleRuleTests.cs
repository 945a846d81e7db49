using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Articles;

/// <summary>The article rules on the seed article, on an English fixture, and on hostile articles.</summary>
public class ArticleRuleTests
{
    private static readonly Lazy<IReadOnlyList<Finding>> SeedFindings =
        new(() => EvidenceQueries.Check(TestPaths.Fixture("seed-article")).Findings);

    private static readonly Lazy<IReadOnlyList<Finding>> EnglishFindings =
        new(() => EvidenceQueries.Check(TestPaths.Fixture("articles-en")).Findings);

    private static List<(string Rule, int? Line, int? Column)> Of(IEnumerable<Finding> findings, string rule) =>
        findings.Where(f => f.Rule == rule).Select(f => (f.Rule, f.Line, f.Column)).ToList();

    [Fact]
    public void In_the_seed_article_footnotes_2_and_4_are_defined_but_never_cited()
    {
        var unused = SeedFindings.Value.Where(f => f.Rule == Rules.UnusedFootnote).ToList();
        Assert.Equal(["footnote [^2] is defined but never cited", "footnote [^4] is defined but never cited"], unused.Select(f => f.Message));
        Assert.Equal([(63, 1), (65, 1)], unused.Select(f => (f.Line!.Value, f.Column!.Value)));
        Assert.All(unused, f => Assert.Equal("damo-grape-ct-screening", f.Article));
    }

    [Fact]
    public void In_the_seed_article_the_sentence_stating_1_percent_and_20_to_30_percent_has_no_citation_in_scope()
    {
        var f = Assert.Single(SeedFindings.Value, f => f.Rule == Rules.UncitedSentence && f.Message.Contains("1%左右"));
        Assert.Equal("articles/damo-grape-ct-screening.md", f.File);
        Assert.Equal((30, 92), (f.Line!.Value, f.Column!.Value));
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.StartsWith("sentence states the figures 1%左右 and 20%-30% with no citation in scope: \"令人惋惜的是", f.Message);
        Assert.EndsWith("…\"", f.Message);
    }

    [Fact]
    public void In_the_seed_article_the_sentence_stating_85_1_and_96_8_percent_is_cited()
    {
        Assert.DoesNotContain(SeedFindings.Value, f => f.Rule == Rules.UncitedSentence && f.Line == 36 && f.Column == 1);
        var passage = Assert.Single(SeedFindings.Value, f => f.Rule == Rules.UnclaimedCitation && f.Line == 36 && f.Column == 1);
        Assert.Contains("85.1%", passage.Message);
    }

    [Fact]
    public void The_seed_article_has_no_undefined_footnote_and_its_block_quote_is_checked()
    {
        Assert.Empty(Of(SeedFindings.Value, Rules.UndefinedFootnote));
        Assert.Contains(SeedFindings.Value, f => f.Rule == Rules.UncitedSentence && f.Line == 24 && f.Column == 3);
    }

    [Fact]
    public void The_english_fixture_triggers_each_article_rule_at_its_position()
    {
        var all = EnglishFindings.Value;
        Assert.Equal([(Rules.ExcerptNotInArticle, 5, 10)], Of(all, Rules.ExcerptNotInArticle));
        Assert.Equal([(Rules.UndefinedFootnote, 20, 47)], Of(all, Rules.UndefinedFootnote));
        Assert.Equal([(Rules.UnusedFootnote, 32, 1)], Of(all, Rules.UnusedFootnote));
        Assert.Equal([(Rules.UncitedSentence, 15, 30), (Rules.UncitedSentence, 17, 1), (Rules.UncitedSentence, 17, 109)], Of(all, Rules.UncitedSentence));
        Assert.Equal([(Rules.UnclaimedCitation, 9, 55), (Rules.UnclaimedCitation, 14, 3), (Rules.UnclaimedCitation, 19, 3)], Of(all, Rules.UnclaimedCitation));
    }

    [Fact]
    public void An_excerpt_that_spans_bold_markup_and_a_line_break_is_in_the_article()
    {
        Assert.DoesNotContain(EnglishFindings.Value, f => f.Claim == "lakeside-bills-fell-31" && f.Rule == Rules.ExcerptNotInArticle);
        Assert.Contains(EnglishFindings.Value, f => f.Claim == "lakeside-742-homes" && f.Rule == Rules.ExcerptNotInArticle);
    }

    [Fact]
    public void A_cited_passage_that_a_claims_excerpt_overlaps_is_claimed()
    {
        // "Heat pumps now heat about 15% of homes in Norway." is the excerpt of norway-share-15-percent.
        Assert.DoesNotContain(EnglishFindings.Value, f => f.Rule == Rules.UnclaimedCitation && f.Line == 9 && f.Column == 1);
    }

    [Fact]
    public void Strong_words_from_evidence_yaml_extend_the_default_lists()
    {
        Assert.Contains(EnglishFindings.Value, f => f.Rule == Rules.UncitedSentence && f.Message.Contains("'miracle'"));
        using var repo = new TempRepo("articles-en");
        repo.Write("evidence.yaml", "title: no extra words\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        Assert.DoesNotContain(findings, f => f.Message.Contains("miracle"));
        Assert.Contains(findings, f => f.Rule == Rules.UncitedSentence && f.Message.Contains("'only'"));
    }

    [Fact]
    public void Sentence_scope_leaves_the_earlier_sentences_of_a_run_uncited()
    {
        using var repo = new TempRepo("articles-en");
        repo.Write("evidence.yaml", "citation-scope: sentence\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        // "Most of them were installed after 2010." is uncited in sentence scope, but states no figure (a year) and
        // uses "most" as an ordinary word: it is not reported.
        Assert.DoesNotContain(findings, f => f.Rule == Rules.UncitedSentence && f.Line == 9 && f.Column == 55);
        // The Lakeside run's first sentences are uncited too; the 742 homes figure is reported.
        Assert.Contains(findings, f => f.Rule == Rules.UncitedSentence && f.Line == 11 && f.Column == 1 && f.Message.Contains("742"));
    }

    [Fact]
    public void Rule_severities_from_evidence_yaml_apply_to_the_article_rules()
    {
        using var repo = new TempRepo("articles-en");
        repo.Write("evidence.yaml", "rules:\n  uncited-sentence: error\n  unclaimed-citation: off\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        Assert.All(findings.Where(f => f.Rule == Rules.UncitedSentence), f => Assert.Equal(Severity.Error, f.Severity));
        Assert.DoesNotContain(findings, f => f.Rule == Rules.UnclaimedCitation);
    }

    [Fact]
    public void A_draft_placeholder_statement_is_a_schema_warning_at_the_statement()
    {
        using var repo = new TempRepo("articles-en");
        repo.Write("claims/draft.yaml", "id: draft\nstatement: \"TODO: state the claim in your own words\"\ncitations:\n  - source: lakeside-trial-2024\n");
        var f = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Claim == "draft");
        Assert.Equal((Rules.Schema, Severity.Warning, 2, 12), (f.Rule, f.Severity, f.Line!.Value, f.Column!.Value));
        Assert.Equal("statement is a draft placeholder; write the claim in your own words", f.Message);
    }

    [Fact]
    public void Hostile_articles_become_findings_never_crashes()
    {
        var findings = EvidenceQueries.Check(TestPaths.Fixture("bad-articles")).Findings;
        string[] files =
        [
            "broken-front-matter", "duplicate-definitions", "empty", "markers-in-code", "no-front-matter", "not-utf8", "odd-labels",
            "toml-front-matter", "unclosed-front-matter",
        ];
        (string File, string Rule, int Line, int Column)[] expected =
        [
            ("broken-front-matter", Rules.YamlSyntax, 3, 1),
            ("unclosed-front-matter", Rules.YamlSyntax, 1, 1),
            ("duplicate-definitions", Rules.UnusedFootnote, 4, 1),
            ("empty", Rules.Schema, 1, 1),
            ("not-utf8", Rules.Schema, 1, 4),
            ("odd-labels", Rules.UndefinedFootnote, 1, 63),
        ];
        foreach (var (file, rule, line, column) in expected)
        {
            Assert.Contains(findings, f => f.File == $"articles/{file}.md" && f.Rule == rule && f.Line == line && f.Column == column);
        }
        Assert.All(findings, f => Assert.Contains(f.File!.Replace("articles/", "").Replace(".md", ""), files));
        // [^2, ^3] resolves to 2 and 3 for unused-footnote; markers in code define and cite nothing.
        Assert.DoesNotContain(findings, f => f.File == "articles/odd-labels.md" && f.Rule == Rules.UnusedFootnote);
        Assert.DoesNotContain(findings, f => f.File == "articles/markers-in-code.md" && f.Rule is Rules.UndefinedFootnote or Rules.UnusedFootnote);
        Assert.Contains("write [^2][^3]", Assert.Single(findings, f => f.Rule == Rules.UndefinedFootnote).Message);
    }

    [Fact]
    public void Every_article_finding_has_a_rule_severity_message_file_line_and_column()
    {
        foreach (var f in SeedFindings.Value.Concat(EnglishFindings.Value))
        {
            Assert.False(string.IsNullOrEmpty(f.Rule));
            Assert.False(string.IsNullOrEmpty(f.Message));
            Assert.False(string.IsNullOrEmpty(f.File));
            Assert.True(f.Line >= 1 && f.Column >= 1, $"{f.Rule} in {f.File} has no position");
        }
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("a  b\n c", "a b c")]
    public void Shorten_collapses_white_space_and_keeps_short_text(string text, string expected) =>
        Assert.Equal(expected, ArticleRules.Shorten(text));

    [Fact]
    public void Shorten_cuts_long_text_to_sixty_characters_with_an_ellipsis()
    {
        var s = ArticleRules.Shorten(new string('x', 100));
        Assert.Equal(60, s.Length);
        Assert.EndsWith("…", s);
        var emoji = ArticleRules.Shorten(string.Concat(Enumerable.Repeat("😀", 80)));
        Assert.EndsWith("😀…", emoji);
    }

    [Fact]
    public void Shorten_reads_only_the_start_of_a_long_text_and_cuts_it_as_the_whole_text_would_be_cut()
    {
        var words = "  \n " + string.Join(" \t\n ", Enumerable.Repeat("word", 100_000));
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 12)) + "…", ArticleRules.Shorten(words));
        var accents = string.Concat(Enumerable.Repeat("e\u0301", 100_000));
        Assert.Equal(string.Concat(Enumerable.Repeat("e\u0301", 59)) + "…", ArticleRules.Shorten(accents));
        var spaced = new string('a', 30) + new string(' ', 5000) + new string('b', 29);
        Assert.Equal(new string('a', 30) + " " + new string('b', 29), ArticleRules.Shorten(spaced));
        Assert.Equal(new string('a', 30) + " " + new string('b', 28) + "…", ArticleRules.Shorten(spaced + "b"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Check_output_on_the_english_article_fixture_matches_its_golden_file(string format)
    {
        var result = CliRunner.Run(TestPaths.Fixture("articles-en"), "check", "--format", format);
        Assert.Equal(1, result.ExitCode);
        Golden.Verify($"check-articles-en.{format}.{(format == "json" ? "json" : "txt")}", result.Out);
    }

    [Fact]
    public void An_undefined_footnote_gets_a_did_you_mean_hint_for_the_first_64_distinct_labels_only()
    {
        // each hint compares the label with every label defined: thousands of undefined markers against thousands of
        // definitions took a fuzzed 130 KB article a second
        using var repo = new TempRepo();
        var markers = string.Concat(Enumerable.Range(1, 70).Select(i => $"Claim {i}.[^smithx{i}] "));
        repo.Write("articles/hints.md", $"# Hints\n\n{markers}\n\n[^smithx]: Smith, J. (2023). A study. Journal.\n");

        var undefined = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == "undefined-footnote").ToList();

        Assert.Equal(70, undefined.Count);
        Assert.Equal(64, undefined.Count(f => f.Message.EndsWith("did you mean [^smithx]?", StringComparison.Ordinal)));
        Assert.Equal("footnote [^smithx70] is cited but never defined", undefined[^1].Message);
    }
}
