using System.Text.Json;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Checking;

/// <summary><c>suppress:</c> in claims, sources and evidence.yaml: kept in JSON and SARIF, left out of text, GitHub output and the exit code.</summary>
public class SuppressionTests
{
    private static string Fixture => TestPaths.Fixture("suppress");

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    [InlineData("sarif", "sarif")]
    [InlineData("github", "txt")]
    public void Check_of_the_suppression_fixture_matches_its_golden_file(string format, string extension)
    {
        var result = CliRunner.Run(Fixture, "check", "--format", format);
        Assert.Equal(1, result.ExitCode);
        Golden.Verify($"check-suppress.{format}.{extension}", result.Out);
    }

    [Fact]
    public void Suppressed_findings_stay_in_json_marked_and_counted_in_the_summary()
    {
        using var doc = JsonDocument.Parse(CliRunner.Run(Fixture, "check", "--format", "json").Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var suppressed = findings.Where(f => f.TryGetProperty("suppressed", out var s) && s.GetBoolean())
            .Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("file").GetString())).Order().ToList();
        Assert.Equal(
        [
            ("orphan-source", "sources/lonely.yaml"),
            ("secondary-only", "claims/news-only.yaml"),
            ("unused-footnote", "articles/notes.md"),
        ], suppressed);
        Assert.Equal(3, doc.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        var counted = findings.Count(f => !f.TryGetProperty("suppressed", out _) && f.GetProperty("severity").GetString() == "warning");
        Assert.Equal(counted, doc.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Suppressed_findings_are_left_out_of_text_and_github_output()
    {
        var text = CliRunner.Run(Fixture, "check").Out;
        Assert.DoesNotContain("sources/lonely.yaml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("claims/news-only.yaml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[^2]", text, StringComparison.Ordinal);
        Assert.Contains("; 3 suppressed", text, StringComparison.Ordinal);
        var github = CliRunner.Run(Fixture, "check", "--format", "github").Out;
        Assert.DoesNotContain("orphan-source", github, StringComparison.Ordinal);
        Assert.DoesNotContain("file=claims/news-only.yaml", github, StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_carry_sarif_suppressions()
    {
        using var doc = JsonDocument.Parse(CliRunner.Run(Fixture, "check", "--format", "sarif").Out);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var withSuppressions = results.Where(r => r.TryGetProperty("suppressions", out _))
            .Select(r => r.GetProperty("ruleId").GetString()).Order().ToList();
        Assert.Equal(["orphan-source", "secondary-only", "unused-footnote"], withSuppressions);
        Assert.All(results.Where(r => r.TryGetProperty("suppressions", out _)),
            r => Assert.Equal("inSource", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public void A_suppression_without_a_reason_is_a_schema_finding_and_suppresses_nothing()
    {
        var text = CliRunner.Run(Fixture, "check").Out;
        Assert.Contains("claims/no-reason.yaml:6:5: error schema: a suppress entry of the claim is missing the required field 'reason'", text, StringComparison.Ordinal);
        Assert.Contains("warning secondary-only: ", text[text.IndexOf("claims/no-reason.yaml", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_naming_an_unknown_rule_is_a_schema_finding_with_a_hint()
    {
        var text = CliRunner.Run(Fixture, "check").Out;
        Assert.Contains("error schema: field 'rule': unknown rule 'secondary-onyl'; did you mean 'secondary-only'?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppressed_error_no_longer_fails_the_check()
    {
        using var repo = new TempRepo();
        repo.Write("claims/bare.yaml", "id: bare\nstatement: A claim with no evidence yet.\n");
        Assert.Equal(1, CliRunner.Run(repo.Root, "check").ExitCode);
        repo.Write("claims/bare.yaml", "id: bare\nstatement: A claim with no evidence yet.\nsuppress:\n  - rule: unsupported-claim\n    reason: Sources are being gathered.\n");
        var result = CliRunner.Run(repo.Root, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 errors", result.Out, StringComparison.Ordinal);
        Assert.Contains("; 1 suppressed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_suppression_with_a_match_covers_only_messages_that_contain_it()
    {
        using var repo = new TempRepo();
        repo.Write("articles/a.md", "Plain text.[^1]\n\n[^1]: https://example.org/one\n[^2]: https://example.org/two\n[^3]: https://example.org/three\n");
        repo.Write("evidence.yaml", "suppress:\n  - rule: unused-footnote\n    file: articles/a.md\n    match: \"[^2]\"\n    reason: kept for print\n");
        var text = CliRunner.Run(repo.Root, "check").Out;
        Assert.DoesNotContain("[^2]", text, StringComparison.Ordinal);
        Assert.Contains("[^3]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_suppression_without_a_file_is_a_schema_finding()
    {
        using var repo = new TempRepo();
        repo.Write("evidence.yaml", "suppress:\n  - rule: unused-footnote\n    reason: everywhere\n");
        var result = CliRunner.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a suppress entry of the evidence.yaml is missing the required field 'file'", result.Out, StringComparison.Ordinal);
    }
}
