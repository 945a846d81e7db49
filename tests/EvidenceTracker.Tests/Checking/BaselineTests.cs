using System.Text.Json;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Checking;

/// <summary><c>evidence baseline</c> and <c>check --baseline</c>: known findings stay known when lines move; new ones count.</summary>
public class BaselineTests
{
    [Fact]
    public void The_baseline_of_the_rules_fixture_matches_its_golden_file()
    {
        using var repo = new TempRepo("rules");
        var result = CliRunner.Run(repo.Root, "baseline");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("wrote ", result.Out, StringComparison.Ordinal);
        Golden.Verify("baseline-rules.json", repo.Read(".evidence-baseline.json"));
    }

    [Fact]
    public void A_check_against_a_fresh_baseline_reports_nothing_and_says_how_many_remain()
    {
        using var repo = new TempRepo("rules");
        var before = CliRunner.Run(repo.Root, "check", "--format", "json");
        using var doc = JsonDocument.Parse(before.Out);
        var total = doc.RootElement.GetProperty("findings").GetArrayLength();
        Assert.Equal(1, before.ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        var after = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full(".evidence-baseline.json"));
        Assert.Equal(0, after.ExitCode);
        Assert.Contains($"; {total} baseline findings remain", after.Out, StringComparison.Ordinal);
        Assert.Single(after.Out.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Known_findings_stay_known_when_lines_move_and_the_file_is_reformatted()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\ncitations:\n  - source: missing-one\n");
        repo.Write("sources/s.yaml", "id: s\ntype: web-page\ntitle: T\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        repo.Write("claims/a.yaml", "# moved down by a comment\n\nid: a\n\ncitations: [{source: missing-one}]\nstatement: \"One.\"\n");
        repo.Write("sources/s.yaml", "# a comment\nid: s\ntitle: T\ntype: web-page\n");
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full(".evidence-baseline.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("claims/a.yaml", result.Out, StringComparison.Ordinal);
        Assert.Contains("; 3 baseline findings remain", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_findings_stay_known_when_a_claim_moves_to_a_sub_folder()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        Directory.CreateDirectory(repo.Full("claims/health"));
        File.Move(repo.Full("claims/a.yaml"), repo.Full("claims/health/a.yaml"));
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full(".evidence-baseline.json"));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Only_a_new_finding_is_printed_and_fails_the_check()
    {
        using var repo = new TempRepo("rules");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        repo.Write("claims/new-claim.yaml", "id: new-claim\nstatement: New.\ncitations:\n  - source: nowhere-source\n");
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full(".evidence-baseline.json"));
        Assert.Equal(1, result.ExitCode);
        var files = result.Out.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ') && l.Contains('/', StringComparison.Ordinal) && !l.Contains(" in ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["claims/new-claim.yaml"], files);
        Assert.Contains("unknown-source", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_finding_drops_out_of_the_count_of_those_remaining()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\n");
        repo.Write("claims/b.yaml", "id: b\nstatement: Two.\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        repo.Write("claims/b.yaml", "id: b\nstatement: Two.\nverdict: unverifiable\n");
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full(".evidence-baseline.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("; 1 baseline finding remains, 1 fixed (run `evidence baseline` to drop them)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_held_once_in_the_baseline_covers_only_one_of_two_equal_findings()
    {
        using var repo = new TempRepo();
        repo.Write("articles/a.md", "The plan cut costs by 40% in one year.\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        repo.Write("articles/a.md", "The plan cut costs by 40% in one year.\n\nAgain: the plan cut costs by 40% in one year.\n\nThe plan cut costs by 40% in one year.\n");
        var result = CliRunner.Run(repo.Root, "check", "--format", "json", "--baseline", repo.Full(".evidence-baseline.json"));
        using var doc = JsonDocument.Parse(result.Out);
        var uncited = doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "uncited-sentence").ToList();
        Assert.Equal(2, uncited.Count);
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("baseline").GetProperty("remaining").GetInt32());
    }

    [Theory]
    [InlineData(null, "does not exist")]
    [InlineData("not json at all", "is not JSON at line 1, byte 2: 'not json at all' is an invalid JSON literal")]
    [InlineData("{\n  \"version\": 1,\n  oops\n}", "is not JSON at line 3, byte 3: ")]
    [InlineData("{\"version\": 2, \"tool\": \"evidence\", \"findings\": []}", "has version 2; this evidence reads version 1")]
    [InlineData("[1, 2]", "is not an evidence baseline")]
    [InlineData("{\"version\": 1, \"findings\": [{\"rule\": \"schema\"}]}", "finding 1 has no \"key\"")]
    [InlineData("{\"version\": 1, \"findings\": [{\"key\": \"\\ud800\"}]}", "holds a lone surrogate escape")]
    public void A_bad_baseline_is_a_one_line_error_with_exit_2(string? content, string expected)
    {
        using var repo = new TempRepo("clean");
        if (content is not null)
        {
            repo.Write("base.json", content);
        }
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full("base.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: baseline '", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_saved_with_a_byte_order_mark_is_read()
    {
        using var repo = new TempRepo("clean");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        var written = File.ReadAllBytes(repo.Full(".evidence-baseline.json"));
        File.WriteAllBytes(repo.Full("bom.json"), [0xEF, 0xBB, 0xBF, .. written]);
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full("bom.json"));
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Baseline_refuses_to_replace_a_file_that_is_not_a_baseline()
    {
        using var repo = new TempRepo("clean");
        repo.Write("notes.json", "{\"mine\": true}\n");
        var result = CliRunner.Run(repo.Root, "baseline", "--output", repo.Full("notes.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an evidence baseline", result.Error, StringComparison.Ordinal);
        Assert.Equal("{\"mine\": true}\n", repo.Read("notes.json"));
    }

    [Fact]
    public void A_baseline_that_is_not_utf8_is_a_one_line_error_and_is_not_replaced()
    {
        using var repo = new TempRepo("clean");
        byte[] broken = [.. "{\"version\": 1, \"tool\": \"evid"u8, 0xFF, .. "ence\", \"findings\": [{\"key\": \"a"u8, 0xFF, .. "b\"}]}\n"u8];
        File.WriteAllBytes(repo.Full("base.json"), broken);

        var check = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full("base.json"));
        Assert.Equal(2, check.ExitCode);
        var line = Assert.Single(check.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("is not UTF-8 text", line, StringComparison.Ordinal);

        var write = CliRunner.Run(repo.Root, "baseline", "--output", repo.Full("base.json"));
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("is not an evidence baseline", write.Error, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllBytes(repo.Full("base.json")));
    }

    [Fact]
    public void Baseline_replaces_an_earlier_baseline()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\n");
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\nverdict: unverifiable\n");
        var result = CliRunner.Run(repo.Root, "baseline");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote 0 findings to .evidence-baseline.json\n", result.Out.Replace(repo.Root + "/", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_fingerprints_do_not_change_when_lines_move()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: One.\ncitations:\n  - source: missing-one\n");
        var before = Fingerprints(CliRunner.Run(repo.Root, "check", "--format", "sarif").Out);
        repo.Write("claims/a.yaml", "# a\n# b\n# c\nid: a\nstatement: One.\ncitations:\n  - source: missing-one\n");
        var after = Fingerprints(CliRunner.Run(repo.Root, "check", "--format", "sarif").Out);
        Assert.NotEmpty(before);
        Assert.Equal(before.Select(b => b.Print), after.Select(a => a.Print));
        Assert.NotEqual(before.Select(b => b.Line), after.Select(a => a.Line));
    }

    private static List<(string? Print, int Line)> Fingerprints(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("partialFingerprints").GetProperty("evidenceFinding/v2").GetString(),
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }
}
