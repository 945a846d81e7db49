using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Output;

/// <summary><c>--format github</c>: annotations capped per severity, and the Markdown job summary.</summary>
public class GitHubOutputTests
{
    private static TempRepo ManyFindings()
    {
        var repo = new TempRepo();
        for (var i = 1; i <= 15; i++)
        {
            repo.Write($"claims/c{i:00}.yaml", $"id: c{i:00}\nstatement: Claim {i}.\n");
        }
        for (var i = 1; i <= 12; i++)
        {
            repo.Write($"sources/s{i:00}.yaml", $"id: s{i:00}\ntype: web-page\ntitle: Source {i}\n");
        }
        return repo;
    }

    private static CliResult Run(string root, Dictionary<string, string> variables, params string[] args) =>
        CliRunner.Run(CliEnvironment.Plain(root) with { Variable = name => variables.GetValueOrDefault(name) },
            ["--root", root, .. args]);

    [Fact]
    public void Github_output_prints_at_most_ten_annotations_per_severity_and_counts_the_rest()
    {
        using var repo = ManyFindings();
        var result = CliRunner.Run(repo.Root, "check", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal("evidence check: 5 more errors, 2 more warnings not shown as annotations (GitHub shows 10 of each kind); see the job summary or run `evidence check`", lines[^1]);
        Assert.StartsWith("evidence check: 15 errors, 12 warnings, 0 notes", lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Github_output_under_the_cap_has_no_count_line()
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "check", "--format", "github");
        Assert.DoesNotContain("not shown as annotations", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_job_summary_lists_every_finding_with_links_and_the_support_counts()
    {
        using var repo = ManyFindings();
        var summary = repo.Full("summary.md");
        File.WriteAllText(summary, "earlier step\n");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/evidence",
            ["GITHUB_SHA"] = "0123abc",
            ["GITHUB_WORKSPACE"] = repo.Root,
        };
        var result = Run(repo.Root, variables, "check", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Error);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("earlier step\n## evidence check\n", text, StringComparison.Ordinal);
        Assert.Contains("| unsupported | 15 |", text, StringComparison.Ordinal);
        Assert.Equal(27, text.Split('\n').Count(l => l.StartsWith("| error |", StringComparison.Ordinal) || l.StartsWith("| warning |", StringComparison.Ordinal)));
        Assert.Contains("[claims/c15.yaml:1:5](https://github.com/acme/evidence/blob/0123abc/claims/c15.yaml#L1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_job_summary_matches_its_golden_file()
    {
        using var repo = new TempRepo("suppress");
        var summary = repo.Full("summary.md");
        var result = Run(repo.Root, new() { ["GITHUB_STEP_SUMMARY"] = summary }, "check", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Golden.Verify("check-suppress.summary.md", File.ReadAllText(summary));
    }

    [Fact]
    public void Job_summary_values_are_escaped()
    {
        using var repo = new TempRepo();
        repo.Write("claims/x.yaml", "id: x\nstatement: One.\nbogus|<b>*field*</b>: 1\n");
        var summary = repo.Full("summary.md");
        Run(repo.Root, new() { ["GITHUB_STEP_SUMMARY"] = summary }, "check", "--format", "github");
        var text = File.ReadAllText(summary);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Contains("bogus&#124;&lt;b&gt;\\*field\\*&lt;/b&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_job_summary_is_a_warning_and_leaves_the_result_unchanged()
    {
        using var repo = ManyFindings();
        var plain = CliRunner.Run(repo.Root, "check", "--format", "github");
        var result = Run(repo.Root, new() { ["GITHUB_STEP_SUMMARY"] = repo.Full("no-such-folder/summary.md") }, "check", "--format", "github");
        Assert.Equal(plain.ExitCode, result.ExitCode);
        Assert.Equal(plain.Out, result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("warning: cannot write the job summary to '", line, StringComparison.Ordinal);

        using var clean = new TempRepo("clean");
        var ok = Run(clean.Root, new() { ["GITHUB_STEP_SUMMARY"] = clean.Root }, "check", "--format", "github");
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("warning: cannot write the job summary", ok.Error, StringComparison.Ordinal);
    }
}
