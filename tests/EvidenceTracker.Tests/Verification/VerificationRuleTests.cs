using System.Text.Json;
using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Tests.Verification;

/// <summary>
/// quote-not-found, figure-mismatch, secondary-only and missing-snapshot on tests/fixtures/verification: English,
/// Chinese (full-width digits) and HTML snapshots, one claim per case.
/// </summary>
public class VerificationRuleTests
{
    private static readonly Lazy<CheckReport> Fixture = new(() => EvidenceQueries.Check(TestPaths.Fixture("verification")));

    private static IEnumerable<Finding> FindingsOf(string claim) => Fixture.Value.Findings.Where(f => f.Claim == claim);

    private static SupportLevel LevelOf(CheckReport report, string claim) => report.Claims.Single(c => c.Claim.Id == claim).Support;

    [Theory]
    [InlineData("en-verbatim", "verified")]
    [InlineData("en-line-break", "verified")]
    [InlineData("en-straight-quotes", "verified")]
    [InlineData("en-one-digit", "quoted")]
    [InlineData("en-figure-mismatch", "quoted")]
    [InlineData("zh-full-width", "verified")]
    [InlineData("zh-wan-scale", "verified")]
    [InlineData("zh-line-break", "verified")]
    [InlineData("html-main-text", "verified")]
    [InlineData("html-navigation", "quoted")]
    [InlineData("no-snapshot", "quoted")]
    [InlineData("secondary-direct", "cited")]
    [InlineData("secondary-chain", "cited")]
    [InlineData("through-reports-on", "cited")]
    public void Each_claim_of_the_verification_fixture_has_the_support_level_its_evidence_shows(string claim, string level)
    {
        Assert.Equal(level, Names.Of(LevelOf(Fixture.Value, claim)));
    }

    [Fact]
    public void The_verification_fixture_reports_exactly_the_expected_findings_at_their_positions()
    {
        var actual = Fixture.Value.Findings.Select(f => $"{f.Rule} {f.File}:{f.Line}:{f.Column}").ToList();
        Assert.Equal(
        [
            "figure-mismatch claims/en-figure-mismatch.yaml:2:12",
            "figure-mismatch claims/en-one-digit.yaml:2:12",
            "quote-not-found claims/en-one-digit.yaml:5:12",
            "secondary-only claims/html-main-text.yaml:3:1",
            "secondary-only claims/html-navigation.yaml:4:1",
            "quote-not-found claims/html-navigation.yaml:6:12",
            "missing-snapshot claims/no-snapshot.yaml:5:12",
            "secondary-only claims/secondary-chain.yaml:4:1",
            "secondary-only claims/secondary-direct.yaml:3:1",
            "secondary-only claims/through-reports-on.yaml:4:1",
        ], actual);
        Assert.Equal(2, Fixture.Value.Summary.Errors);
        Assert.Equal(7, Fixture.Value.Summary.Warnings);
        Assert.Equal(1, Fixture.Value.Summary.Notes);
    }

    [Fact]
    public void A_quote_that_differs_by_one_digit_is_not_found_and_the_message_names_the_closest_passage_its_line_and_the_difference()
    {
        var f = Assert.Single(FindingsOf("en-one-digit"), f => f.Rule == Rules.QuoteNotFound);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("water-report-en", f.Source);
        Assert.Equal(
            "quote not found in sources/snapshots/water-report-en.txt; closest passage (98% similar) at line 9: " +
            "\"After repairs, the share of households with a recorded leak fell from 43.2% to 9.7%.\" " +
            "(the quote has \"9.1%\" where the passage has \"9.7%\")", f.Message);
    }

    [Fact]
    public void A_quote_that_differs_only_in_quotation_marks_and_apostrophes_is_verified()
    {
        Assert.Empty(FindingsOf("en-straight-quotes"));
        var check = Fixture.Value.Claims.Single(c => c.Claim.Id == "en-straight-quotes").QuoteOf(0);
        Assert.Equal(QuoteStatus.Verified, check.Status);
        Assert.Equal(12, check.Line);
    }

    [Fact]
    public void Full_width_digits_in_a_chinese_snapshot_match_the_half_width_digits_of_a_quote()
    {
        Assert.Empty(FindingsOf("zh-full-width"));
        Assert.Equal(QuoteStatus.Verified, Fixture.Value.Claims.Single(c => c.Claim.Id == "zh-full-width").QuoteOf(0).Status);
    }

    [Theory]
    [InlineData("en-line-break")]
    [InlineData("zh-line-break")]
    public void A_line_break_of_the_snapshot_inside_a_quote_does_not_matter(string claim)
    {
        Assert.Equal(QuoteStatus.Verified, Fixture.Value.Claims.Single(c => c.Claim.Id == claim).QuoteOf(0).Status);
    }

    [Fact]
    public void Text_of_an_html_page_is_its_main_text_without_navigation_or_scripts()
    {
        Assert.Equal(QuoteStatus.Verified, Fixture.Value.Claims.Single(c => c.Claim.Id == "html-main-text").QuoteOf(0).Status);
        var f = Assert.Single(FindingsOf("html-navigation"), f => f.Rule == Rules.QuoteNotFound);
        Assert.Equal(
            "quote not found in the main text of sources/snapshots/city-news-page.html; no similar passage (none is 60% similar or more)",
            f.Message);
    }

    [Fact]
    public void A_rounded_figure_of_the_claim_matches_a_more_precise_quote()
    {
        // statement 43%, quote 43.2%
        Assert.DoesNotContain(FindingsOf("en-line-break"), f => f.Rule == Rules.FigureMismatch);
    }

    [Fact]
    public void A_figure_that_differs_in_its_last_decimal_is_a_figure_mismatch_naming_the_figure_and_the_quote()
    {
        var f = Assert.Single(FindingsOf("en-figure-mismatch"));
        Assert.Equal(Rules.FigureMismatch, f.Rule);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("figure '85.2' (statement) is not stated by any supporting quote " +
            "(\"The repair programme cut average household water use by 85.1 litres a day.\")", f.Message);
    }

    [Fact]
    public void Years_of_the_statement_are_context_not_figures_that_a_quote_must_state()
    {
        // "in 2023" appears in the statement of en-figure-mismatch, not in its quote: only 85.2 is reported.
        Assert.DoesNotContain(FindingsOf("en-figure-mismatch"), f => f.Message.Contains("2023"));
    }

    [Fact]
    public void More_than_20000_in_the_statement_is_stated_by_2_wan_duo_in_a_chinese_quote()
    {
        Assert.Empty(FindingsOf("zh-wan-scale"));
    }

    [Fact]
    public void A_claim_that_cites_no_primary_source_is_secondary_only_naming_what_it_cites_and_its_leads()
    {
        var direct = Assert.Single(FindingsOf("secondary-direct"));
        Assert.Equal(Rules.SecondaryOnly, direct.Rule);
        Assert.Equal("cites no primary source in support: opinion-blog (no level); cite the primary research, or record what a source reports on with `reports-on`", direct.Message);
        var chain = Assert.Single(FindingsOf("secondary-chain"));
        Assert.StartsWith("cites no primary source in support: news-digest (secondary); leads to check: opinion-blog (no level) (reported on by a cited source, not cited for this claim);", chain.Message);
    }

    [Fact]
    public void A_news_report_that_reports_on_a_primary_source_is_a_lead_not_support()
    {
        var f = Assert.Single(FindingsOf("through-reports-on"));
        Assert.Equal(Rules.SecondaryOnly, f.Rule);
        Assert.Equal(
            "cites no primary source in support: city-news-page (secondary); leads to check: water-report-en (primary) " +
            "(reported on by a cited source, not cited for this claim); cite the primary research where it states this", f.Message);
    }

    [Fact]
    public void A_claim_that_cites_the_primary_source_itself_in_support_rests_on_it()
    {
        using var repo = new TempRepo();
        repo.Write("sources/news.yaml", "id: news\ntype: news\ntitle: N\nlevel: secondary\nreports-on: [paper]\n");
        repo.Write("sources/paper.yaml", "id: paper\ntype: journal-article\ntitle: P\nlevel: primary\n");
        repo.Write("claims/x.yaml", "id: x\nstatement: X.\ncitations:\n  - source: news\n  - source: paper\n    locator: abstract\n");
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.SecondaryOnly);
    }

    [Fact]
    public void A_quote_of_a_source_without_snapshot_is_a_note_at_the_quote_and_stays_quoted()
    {
        var f = Assert.Single(FindingsOf("no-snapshot"));
        Assert.Equal(Rules.MissingSnapshot, f.Rule);
        Assert.Equal(Severity.Note, f.Severity);
        Assert.Equal("paper-without-snapshot", f.Source);
        Assert.Contains("`evidence snapshot paper-without-snapshot FILE`", f.Message);
        Assert.Equal(QuoteStatus.Unverified, Fixture.Value.Claims.Single(c => c.Claim.Id == "no-snapshot").QuoteOf(0).Status);
    }

    [Fact]
    public void Each_snapshot_is_read_and_indexed_once_per_run_and_every_quote_looked_up()
    {
        CheckTimings? observed = null;
        EvidenceQueries.Check(TestPaths.Fixture("verification"), new CheckObserver(t => observed = t));
        var timings = Assert.IsType<CheckTimings>(observed);
        Assert.Equal(3, timings.Snapshots);
        Assert.Equal(10, timings.Quotes);
    }

    [Fact]
    public void Reports_on_cycles_still_give_secondary_only_and_only_the_cited_sources_leads_are_named()
    {
        using var repo = new TempRepo();
        repo.Write("sources/a.yaml", "id: a\ntype: news\ntitle: A\nlevel: secondary\nreports-on: [b]\n");
        repo.Write("sources/b.yaml", "id: b\ntype: news\ntitle: B\nlevel: secondary\nreports-on: [c, a]\n");
        repo.Write("sources/c.yaml", "id: c\ntype: news\ntitle: C\nreports-on: [a, missing]\n");
        repo.Write("claims/x.yaml", "id: x\nstatement: X.\ncitations:\n  - source: a\n");
        var report = EvidenceQueries.Check(repo.Root);
        var f = Assert.Single(report.Findings, f => f.Rule == Rules.SecondaryOnly);
        Assert.StartsWith("cites no primary source in support: a (secondary); leads to check: b (secondary) (", f.Message);
        Assert.Contains(report.Findings, f => f.Rule == Rules.Schema && f.Message.StartsWith("reports-on forms a cycle"));
    }

    [Fact]
    public void A_primary_source_several_reports_away_is_not_support()
    {
        using var repo = new TempRepo();
        repo.Write("sources/a.yaml", "id: a\ntype: news\ntitle: A\nlevel: secondary\nreports-on: [b]\n");
        repo.Write("sources/b.yaml", "id: b\ntype: news\ntitle: B\nlevel: secondary\nreports-on: [c]\n");
        repo.Write("sources/c.yaml", "id: c\ntype: report\ntitle: C\nlevel: primary\n");
        repo.Write("claims/x.yaml", "id: x\nstatement: X.\ncitations:\n  - source: a\n");
        var f = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.SecondaryOnly);
        Assert.Contains("leads to check: b (secondary)", f.Message);
    }

    [Fact]
    public void Only_supporting_citations_count_for_the_chain_and_a_claim_without_them_is_not_checked()
    {
        using var repo = new TempRepo();
        repo.Write("sources/p.yaml", "id: p\ntype: report\ntitle: P\nlevel: primary\n");
        repo.Write("sources/n.yaml", "id: n\ntype: news\ntitle: N\n");
        repo.Write("claims/x.yaml", "id: x\nstatement: X.\ncitations:\n  - source: n\n  - source: p\n    stance: mentions\n");
        repo.Write("claims/y.yaml", "id: y\nstatement: Y.\ncitations:\n  - source: n\n    stance: refutes\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings.Where(f => f.Rule == Rules.SecondaryOnly).ToList();
        Assert.Equal("x", Assert.Single(findings).Claim);
    }

    [Fact]
    public void A_snapshot_changed_since_it_was_archived_is_a_schema_error_at_its_hash_and_verifies_nothing()
    {
        using var repo = new TempRepo("verification");
        File.AppendAllText(repo.Full("sources/snapshots/water-report-en.txt"), "An added line.\n");
        var report = EvidenceQueries.Check(repo.Root);
        var f = Assert.Single(report.Findings, f => f.Rule == Rules.Schema);
        Assert.Equal(("sources/water-report-en.yaml", 9, 18), (f.File!, f.Line!.Value, f.Column!.Value));
        Assert.Matches(@"^snapshot sources/snapshots/water-report-en\.txt changed since it was archived \(sha256 now [0-9a-f]{12}…, recorded 75c3b3f7f01b…\); re-run `evidence snapshot water-report-en FILE` to archive it again$", f.Message);
        Assert.Equal(SupportLevel.Quoted, LevelOf(report, "en-verbatim"));
        var check = report.Claims.Single(c => c.Claim.Id == "en-verbatim").QuoteOf(0);
        Assert.Equal(QuoteStatus.Unverified, check.Status);
        Assert.Equal("found, but the snapshot changed since it was archived", check.Reason);
        // A quote that is not there is still reported.
        Assert.Contains(report.Findings, f => f.Rule == Rules.QuoteNotFound && f.Claim == "en-one-digit");
    }

    [Fact]
    public void A_snapshot_file_that_does_not_exist_is_a_schema_error_at_the_snapshot_value()
    {
        using var repo = new TempRepo("verification");
        File.Delete(repo.Full("sources/snapshots/water-report-zh.txt"));
        var report = EvidenceQueries.Check(repo.Root);
        var f = Assert.Single(report.Findings, f => f.Rule == Rules.Schema);
        Assert.Equal(("sources/water-report-zh.yaml", 8, 11), (f.File!, f.Line!.Value, f.Column!.Value));
        Assert.Equal("snapshot sources/snapshots/water-report-zh.txt does not exist; archive the source again with `evidence snapshot water-report-zh FILE`", f.Message);
        Assert.Equal(SupportLevel.Quoted, LevelOf(report, "zh-full-width"));
        Assert.DoesNotContain(report.Findings, f => f.Rule is Rules.QuoteNotFound or Rules.MissingSnapshot && f.Source == "water-report-zh");
    }

    [Fact]
    public void A_snapshot_that_is_not_utf8_is_reported_and_its_quotes_stay_unverified()
    {
        using var repo = new TempRepo("verification");
        repo.WriteBytes("sources/snapshots/water-report-zh.txt", [0x48, 0x69, 0xC3, 0x28, 0x0A]);
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Contains(report.Findings, f => f.Rule == Rules.Schema && f.File == "sources/water-report-zh.yaml" && f.Message.Contains("not valid UTF-8"));
        Assert.Equal(QuoteStatus.Unverified, report.Claims.Single(c => c.Claim.Id == "zh-full-width").QuoteOf(0).Status);
    }

    [Fact]
    public void A_snapshot_link_that_leads_outside_the_repository_is_not_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var repo = new TempRepo("verification");
        using var outside = new TempRepo();
        var secret = outside.Write("secret.txt", "The repair programme cut average household water use by 85.1 litres a day.\n");
        File.Delete(repo.Full("sources/snapshots/water-report-en.txt"));
        File.CreateSymbolicLink(repo.Full("sources/snapshots/water-report-en.txt"), secret);
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Contains(report.Findings, f => f.Rule == Rules.Schema && f.Message.Contains("leads outside the repository"));
        Assert.NotEqual(SupportLevel.Verified, LevelOf(report, "en-verbatim"));
    }

    [Fact]
    public void A_figure_mismatch_keeps_a_claim_at_quoted_unless_the_rule_is_turned_off()
    {
        using var repo = new TempRepo("verification");
        repo.Write("evidence.yaml", "rules:\n  figure-mismatch: off\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Equal(SupportLevel.Verified, LevelOf(report, "en-figure-mismatch"));
        Assert.DoesNotContain(report.Findings, f => f.Rule == Rules.FigureMismatch);
    }

    [Fact]
    public void A_quote_that_is_not_found_keeps_the_claim_at_quoted_even_when_another_quote_is_verified_elsewhere()
    {
        using var repo = new TempRepo("verification");
        repo.Write("claims/mixed.yaml",
            "id: mixed\nstatement: Water use fell by 85.1 litres a day.\ncitations:\n" +
            "  - source: water-report-en\n    quote: Water use fell by 85.1 litres a day.\n" +
            "  - source: city-news-page\n    quote: cut average household water use by 85.1 litres a day\n");
        var report = EvidenceQueries.Check(repo.Root);
        var status = report.Claims.Single(c => c.Claim.Id == "mixed");
        Assert.Equal(QuoteStatus.NotFound, status.QuoteOf(0).Status);
        Assert.Equal(QuoteStatus.Verified, status.QuoteOf(1).Status);
        // verified = a supporting quote found in its snapshot; the quote that is not found is an error of its own.
        Assert.Equal(SupportLevel.Verified, status.Support);
        Assert.Contains(report.Findings, f => f.Claim == "mixed" && f.Rule == Rules.QuoteNotFound && f.Severity == Severity.Error);
    }

    [Fact]
    public void Quotes_of_refuting_and_mentioning_citations_are_checked_too_but_never_verify_a_claim()
    {
        using var repo = new TempRepo("verification");
        repo.Write("claims/refuted.yaml",
            "id: refuted\nstatement: Repairs raised water use.\ncitations:\n" +
            "  - source: water-report-en\n    stance: refutes\n    quote: The repair programme raised water use.\n");
        repo.Write("claims/mentioned.yaml",
            "id: mentioned\nstatement: Pipes are old.\ncitations:\n" +
            "  - source: water-report-en\n    stance: mentions\n    quote: most of them in buildings older than forty years\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Contains(report.Findings, f => f.Claim == "refuted" && f.Rule == Rules.QuoteNotFound);
        Assert.Equal(SupportLevel.Contradicted, LevelOf(report, "refuted"));
        Assert.Equal(SupportLevel.Cited, LevelOf(report, "mentioned"));
        Assert.Equal(QuoteStatus.Verified, report.Claims.Single(c => c.Claim.Id == "mentioned").QuoteOf(0).Status);
    }

    [Fact]
    public void A_long_passage_is_shortened_around_its_first_difference()
    {
        using var repo = new TempRepo();
        var filler = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"));
        repo.Write("sources/snapshots/s.txt", $"Intro.\n{filler} the rate was 12.5 percent {filler}.\n");
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\nlevel: primary\nsnapshot: snapshots/s.txt\n");
        repo.Write("claims/c.yaml", $"id: c\nstatement: S.\ncitations:\n  - source: s\n    quote: \"{filler} the rate was 12.6 percent {filler}\"\n");
        var f = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.QuoteNotFound);
        Assert.Contains("at line 2: \"…", f.Message);
        Assert.Contains("the rate was 12.5 percent", f.Message);
        Assert.EndsWith("(the quote has \"12.6\" where the passage has \"12.5\")", f.Message);
        Assert.True(f.Message.Length < 320, f.Message);
    }

    [Fact]
    public void Show_says_for_each_citation_whether_its_quote_is_verified_not_found_or_unverified()
    {
        var root = TestPaths.Fixture("verification");
        var verified = CliRunner.Run(root, "show", "en-verbatim");
        Assert.Contains("      verified: found in sources/snapshots/water-report-en.txt, line 9\n", verified.Out);
        var notFound = CliRunner.Run(root, "show", "en-one-digit");
        Assert.Contains("      not found in sources/snapshots/water-report-en.txt (closest passage 98% similar, line 9)\n", notFound.Out);
        var unverified = CliRunner.Run(root, "show", "no-snapshot");
        Assert.Contains("      unverified: the source has no snapshot\n", unverified.Out);

        var json = CliRunner.Run(root, "show", "en-one-digit", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("quoted", doc.RootElement.GetProperty("support").GetString());
        var check = doc.RootElement.GetProperty("citations")[0].GetProperty("quote-check");
        Assert.Equal("not-found", check.GetProperty("status").GetString());
        Assert.Equal("sources/snapshots/water-report-en.txt", check.GetProperty("snapshot").GetString());
        Assert.Equal(9, check.GetProperty("line").GetInt32());
        Assert.True(check.GetProperty("similarity").GetDouble() is > 0.9 and < 1);
    }

    [Fact]
    public void Check_summary_list_and_json_count_verified_claims()
    {
        var root = TestPaths.Fixture("verification");
        var text = CliRunner.Run(root, "check");
        Assert.Equal(1, text.ExitCode);
        Assert.EndsWith("2 errors, 7 warnings, 1 note in 14 claims, 6 sources, 0 articles (support: 7 verified, 4 quoted, 3 cited)\n", text.Out);
        var json = CliRunner.Run(root, "check", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var support = doc.RootElement.GetProperty("summary").GetProperty("support");
        Assert.Equal(7, support.GetProperty("verified").GetInt32());
        Assert.Equal(4, support.GetProperty("quoted").GetInt32());
        Assert.Equal(7, doc.RootElement.GetProperty("claims").EnumerateArray().Count(c => c.GetProperty("support").GetString() == "verified"));
        var list = CliRunner.Run(root, "list", "claims", "--support", "verified");
        Assert.Contains("zh-wan-scale", list.Out);
        Assert.DoesNotContain("en-figure-mismatch", list.Out);
        Assert.EndsWith("7 claims\n", list.Out);
    }

    [Theory]
    [InlineData("snapshots/../../outside.txt")]
    [InlineData("/etc/hostname")]
    [InlineData("snapshots/./s.txt")]
    [InlineData("snapshots/x.txt\\u0000.html")]
    [InlineData("snapshots/x\\e[2J.txt")]
    public void A_snapshot_path_that_could_leave_sources_is_a_schema_error_and_never_read(string path)
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", $"id: s\ntype: report\ntitle: S\nlevel: primary\nsnapshot: \"{path}\"\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: S.\ncitations:\n  - source: s\n    quote: Text.\n");
        var report = EvidenceQueries.Check(repo.Root);
        var f = Assert.Single(report.Findings, f => f.Rule == Rules.Schema && f.Severity == Severity.Error);
        Assert.Contains("must be a relative path inside sources/", f.Message);
        Assert.Equal(QuoteStatus.Unverified, report.Claims.Single().QuoteOf(0).Status);
        Assert.DoesNotContain(report.Findings, f => f.Rule == Rules.QuoteNotFound);
    }

    [Fact]
    public void A_snapshot_that_is_a_folder_or_too_large_is_reported_not_read()
    {
        using var repo = new TempRepo();
        Directory.CreateDirectory(repo.Full("sources/snapshots/folder.txt"));
        using (var big = File.Create(repo.Full("sources/snapshots/big.txt")))
        {
            big.SetLength((16L << 20) + 1);
        }
        repo.Write("sources/a.yaml", "id: a\ntype: report\ntitle: A\nlevel: primary\nsnapshot: snapshots/folder.txt\n");
        repo.Write("sources/b.yaml", "id: b\ntype: report\ntitle: B\nlevel: primary\nsnapshot: snapshots/big.txt\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: S.\ncitations:\n  - source: a\n    quote: Text.\n  - source: b\n    quote: Text.\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Contains(report.Findings, f => f.Source == "a" && f.Message == "snapshot sources/snapshots/folder.txt is a folder, not a file");
        Assert.Contains(report.Findings, f => f.Source == "b" && f.Message == "snapshot sources/snapshots/big.txt is larger than 16 MB; not read");
        Assert.All(report.Claims.Single().Quotes, q => Assert.Equal(QuoteStatus.Unverified, q.Status));
        Assert.All(report.Findings, f => Assert.True(f.Line >= 1 && f.Column >= 1));
    }

    [Fact]
    public void A_quote_too_long_for_the_closest_passage_search_says_so()
    {
        using var repo = new TempRepo();
        repo.Write("sources/snapshots/s.txt", "Short text.\n");
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\nlevel: primary\nsnapshot: snapshots/s.txt\n");
        repo.Write("claims/c.yaml", $"id: c\nstatement: S.\ncitations:\n  - source: s\n    quote: \"{new string('x', 9000)}\"\n");
        var f = Assert.Single(EvidenceQueries.Check(repo.Root).Findings, f => f.Rule == Rules.QuoteNotFound);
        Assert.Equal("quote not found in sources/snapshots/s.txt; at 9000 characters the quote is too long for a closest-passage search (the limit is 8192): quote a shorter passage", f.Message);
    }
}
