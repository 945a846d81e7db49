using System.Text.Json;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Output;

/// <summary>
/// Golden files for every output format (tests/golden). Re-bless with <c>EVIDENCE_BLESS=1 dotnet test</c>,
/// then review the diff.
/// </summary>
public class OutputGoldenTests
{
    private static string Rules => TestPaths.Fixture("rules");
    private static string Clean => TestPaths.Fixture("clean");

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    [InlineData("sarif", "sarif")]
    [InlineData("github", "txt")]
    [InlineData("junit", "xml")]
    public void Check_output_matches_its_golden_file(string format, string extension)
    {
        var result = CliRunner.Run(Rules, "check", "--format", format);
        Assert.Equal(1, result.ExitCode);
        Golden.Verify($"check-rules.{format}.{extension}", result.Out);
    }

    [Fact]
    public void Check_of_a_clean_repository_prints_only_the_summary_and_exits_0()
    {
        var result = CliRunner.Run(Clean, "check");
        Assert.Equal(0, result.ExitCode);
        Golden.Verify("check-clean.text.txt", result.Out);
    }

    [Theory]
    [InlineData("list-claims", "list", "claims")]
    [InlineData("list-sources", "list", "sources")]
    [InlineData("list-articles", "list", "articles")]
    [InlineData("show-claim", "show", "coffee-cuts-sleep-41-minutes")]
    [InlineData("show-source", "show", "smith-2023-caffeine")]
    public void List_and_show_match_their_golden_files_in_text_and_json(string name, string command, string what)
    {
        var text = CliRunner.Run(Clean, command, what);
        Assert.Equal(0, text.ExitCode);
        Golden.Verify($"{name}.txt", text.Out);
        var json = CliRunner.Run(Clean, command, what, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        JsonDocument.Parse(json.Out).Dispose();
        Golden.Verify($"{name}.json", json.Out);
    }

    [Fact]
    public void The_json_report_has_the_shape_of_the_contract()
    {
        var result = CliRunner.Run(Rules, "check", "--format", "json");
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var summary = root.GetProperty("summary");
        foreach (var key in new[] { "claims", "sources", "articles", "errors", "warnings", "notes" })
        {
            Assert.Equal(JsonValueKind.Number, summary.GetProperty(key).ValueKind);
        }
        foreach (var level in new[] { "verified", "quoted", "cited", "unsupported", "contradicted" })
        {
            Assert.Equal(JsonValueKind.Number, summary.GetProperty("support").GetProperty(level).ValueKind);
        }
        var finding = root.GetProperty("findings")[0];
        foreach (var key in new[] { "rule", "severity", "message", "file", "line", "column", "claim", "source", "article" })
        {
            Assert.True(finding.TryGetProperty(key, out _), $"finding lacks '{key}'");
        }
        var claim = root.GetProperty("claims")[0];
        Assert.Equal(["id", "support", "verdict"], claim.EnumerateObject().Select(p => p.Name));
        Assert.Equal(summary.GetProperty("errors").GetInt32(),
            root.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() == "error"));
    }

    [Fact]
    public void The_sarif_log_has_one_rule_descriptor_per_rule_id_with_help_and_valid_locations()
    {
        var result = CliRunner.Run(Rules, "check", "--format", "sarif");
        using var doc = JsonDocument.Parse(result.Out);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Diagnostics.Rules.All.Count, ids.Count);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("help").GetProperty("text").GetString())));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Contains(r.GetProperty("ruleId").GetString(), ids);
            Assert.Equal(r.GetProperty("ruleId").GetString(), ids[r.GetProperty("ruleIndex").GetInt32()]);
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!.StartsWith('/'));
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        });
    }

    [Fact]
    public void The_github_format_escapes_workflow_command_data()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: x\n\"odd, key: 100%\": 1\n");
        var result = CliRunner.Run(repo.Root, "check", "--format", "github");
        Assert.Contains("::error file=claims/a.yaml,line=3,col=1,title=schema::unknown field 'odd, key: 100%25' in claim", result.Out);
    }

    [Fact]
    public void The_junit_report_has_one_test_case_per_claim_and_one_per_file_for_other_findings()
    {
        var result = CliRunner.Run(Rules, "check", "--format", "junit");
        var doc = System.Xml.Linq.XDocument.Parse(result.Out);
        var cases = doc.Descendants("testcase").ToList();
        Assert.Equal(8, cases.Count(c => (string?)c.Attribute("classname") == "claims"));
        Assert.Contains(cases, c => (string?)c.Attribute("classname") == "files" && (string?)c.Attribute("name") == "claims/broken.yaml");
        Assert.Contains(cases, c => (string?)c.Attribute("name") == "unknown-source" && c.Element("failure") is not null);
    }
}
