using EvidenceTracker.App;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Checking;

/// <summary>Each rule has a fixture that triggers it (tests/fixtures/rules) and one that must not (tests/fixtures/clean).</summary>
public class CheckRuleTests
{
    private static readonly Lazy<IReadOnlyList<Finding>> RulesFindings =
        new(() => EvidenceQueries.Check(TestPaths.Fixture("rules")).Findings);

    [Fact]
    public void The_clean_fixture_has_no_findings_at_all()
    {
        var report = EvidenceQueries.Check(TestPaths.Fixture("clean"));
        Assert.Empty(report.Findings);
        Assert.Equal(2, report.Claims.Count);
    }

    [Theory]
    [InlineData("yaml-syntax", "claims/broken.yaml", 2, 12)]
    [InlineData("schema", "claims/typo-field.yaml", 2, 1)]
    [InlineData("schema", "claims/wrong-types.yaml", 2, 12)]
    [InlineData("schema", "claims/wrong-types.yaml", 8, 7)]
    [InlineData("schema", "claims/bad-citations.yaml", 7, 13)]
    [InlineData("schema", "claims/bad-citations.yaml", 8, 5)]
    [InlineData("schema", "claims/empty.yaml", 1, 1)]
    [InlineData("schema", "sources/bad-values.yaml", 4, 7)]
    [InlineData("schema", "sources/bad-values.yaml", 11, 27)]
    [InlineData("schema", "sources/cycle-a.yaml", 5, 13)]
    [InlineData("duplicate-id", "claims/unsupported.yaml", 1, 5)]
    [InlineData("id-mismatch", "sources/wrong-name.yaml", 1, 5)]
    [InlineData("id-mismatch", "claims/wrong-types.yaml", 1, 5)]
    [InlineData("unknown-source", "claims/unknown-source.yaml", 4, 13)]
    [InlineData("unknown-article", "claims/unknown-article.yaml", 3, 10)]
    [InlineData("unsupported-claim", "claims/unsupported.yaml", 1, 5)]
    [InlineData("verdict-conflict", "claims/verdict-conflict.yaml", 4, 10)]
    [InlineData("orphan-source", "sources/lonely-source.yaml", 1, 5)]
    public void A_rule_reports_the_offending_key_or_value_with_its_line_and_column(string rule, string file, int line, int column)
    {
        var hits = RulesFindings.Value.Where(f => f.Rule == rule && f.File == file).ToList();
        Assert.True(hits.Count > 0, $"{rule} did not fire in {file}; findings there: " +
            string.Join("; ", RulesFindings.Value.Where(f => f.File == file).Select(f => $"{f.Rule}@{f.Line}:{f.Column}")));
        Assert.Contains(hits, f => f.Line == line && f.Column == column);
    }

    [Fact]
    public void A_misspelt_field_is_reported_with_did_you_mean()
    {
        var f = Assert.Single(RulesFindings.Value, f => f.File == "claims/typo-field.yaml" && f.Message.Contains("statment"));
        Assert.Equal("unknown field 'statment' in claim; did you mean 'statement'?", f.Message);
    }

    [Fact]
    public void An_unknown_source_suggests_the_nearest_existing_id()
    {
        var f = Assert.Single(RulesFindings.Value, f => f.Rule == "unknown-source");
        Assert.Equal("unknown-source", f.Claim);
        Assert.Equal("good-sauce", f.Source);
        Assert.EndsWith("did you mean 'good-source'?", f.Message);
    }

    [Fact]
    public void Every_finding_of_the_rules_fixture_carries_a_file_and_a_position()
    {
        Assert.All(RulesFindings.Value, f =>
        {
            Assert.NotNull(f.File);
            Assert.True(f.Line >= 1 && f.Column >= 1, $"{f.Rule} in {f.File} has no position");
        });
    }

    [Fact]
    public void A_cited_source_is_not_an_orphan_and_a_claim_with_a_verdict_is_not_unsupported()
    {
        Assert.DoesNotContain(RulesFindings.Value, f => f.Rule == "orphan-source" && f.Source == "good-source");
        Assert.DoesNotContain(RulesFindings.Value, f => f.Rule == "unsupported-claim" && f.Claim == "verdict-conflict");
    }

    [Fact]
    public void Severities_can_be_overridden_or_turned_off_in_evidence_yaml()
    {
        using var repo = new TempRepo("rules");
        repo.Write("evidence.yaml", "rules:\n  orphan-source: off\n  unsupported-claim: warning\n  schema: note\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        Assert.DoesNotContain(findings, f => f.Rule == "orphan-source");
        Assert.All(findings.Where(f => f.Rule == "unsupported-claim"), f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(findings.Where(f => f.Rule == "schema"), f => Assert.Equal(Severity.Note, f.Severity));
    }

    [Fact]
    public void An_unknown_rule_or_severity_in_evidence_yaml_is_a_schema_error()
    {
        using var repo = new TempRepo("clean");
        repo.Write("evidence.yaml", "rules:\n  orphan-sources: off\n  schema: loud\ncitation-scop: run\n");
        var findings = EvidenceQueries.Check(repo.Root).Findings;
        Assert.Contains(findings, f => f.File == "evidence.yaml" && f.Line == 2 && f.Message == "unknown rule 'orphan-sources'; did you mean 'orphan-source'?");
        Assert.Contains(findings, f => f.File == "evidence.yaml" && f.Line == 3 && f.Message.Contains("severity must be error, warning, note or off"));
        Assert.Contains(findings, f => f.File == "evidence.yaml" && f.Line == 4 && f.Message.Contains("did you mean 'citation-scope'?"));
    }

    [Fact]
    public void A_claim_with_a_refuting_citation_is_contradicted_and_a_contradicted_verdict_needs_one()
    {
        using var repo = new TempRepo("clean");
        repo.Write("claims/refuted.yaml", "id: refuted\nstatement: Coffee helps sleep.\ncitations:\n  - source: smith-2023-caffeine\n    stance: refutes\nverdict: contradicted\n");
        repo.Write("claims/wrongly-contradicted.yaml", "id: wrongly-contradicted\nstatement: X.\ncitations:\n  - source: smith-2023-caffeine\nverdict: contradicted\n");
        var report = EvidenceQueries.Check(repo.Root);
        Assert.Equal(Model.SupportLevel.Contradicted, report.Claims.Single(c => c.Claim.Id == "refuted").Support);
        Assert.DoesNotContain(report.Findings, f => f.Claim == "refuted");
        Assert.Contains(report.Findings, f => f.Claim == "wrongly-contradicted" && f.Rule == "verdict-conflict");
    }

    [Theory]
    [InlineData("coffee-cuts-sleep-41-minutes", "verified")]
    [InlineData("trial-size-120", "cited")]
    public void Support_levels_follow_the_evidence(string claim, string level)
    {
        var report = EvidenceQueries.Check(TestPaths.Fixture("clean"));
        Assert.Equal(level, Model.Names.Of(report.Claims.Single(c => c.Claim.Id == claim).Support));
    }

    [Fact]
    public void Claims_in_sub_folders_are_loaded()
    {
        var report = EvidenceQueries.Check(TestPaths.Fixture("rules"));
        Assert.Contains(report.Claims, c => c.Claim.File == "claims/sub/unsupported.yaml");
    }
}
