using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Commands;

public class CliTests
{
    [Fact]
    public void Exit_code_is_0_without_error_findings_and_1_with_them()
    {
        Assert.Equal(0, CliRunner.Run(TestPaths.Fixture("clean"), "check").ExitCode);
        Assert.Equal(1, CliRunner.Run(TestPaths.Fixture("rules"), "check").ExitCode);
    }

    [Fact]
    public void Warnings_alone_do_not_fail_the_check()
    {
        using var repo = new TempRepo("clean");
        repo.Write("sources/unused.yaml", "id: unused\ntype: other\ntitle: Unused\n");
        var result = CliRunner.Run(repo.Root, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning orphan-source", result.Out);
    }

    [Theory]
    [InlineData("check", "--format", "yaml")]
    [InlineData("check", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("list", "widgets")]
    [InlineData("list", "claims", "--support", "great")]
    [InlineData("show")]
    public void A_usage_error_exits_2_and_points_to_help(params string[] args)
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("--help' for usage.", result.Error);
    }

    [Fact]
    public void Filtering_sources_by_support_is_a_usage_error_that_says_what_to_do()
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "list", "sources", "--support", "cited");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --support and --tag filter claims only: use `evidence list claims --support LEVEL`\n", result.Error);
    }

    [Fact]
    public void Show_of_an_unknown_id_suggests_the_nearest_and_exits_1()
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "show", "trial-size-12");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no claim or source has the id 'trial-size-12'; did you mean 'trial-size-120'?\n", result.Error);
    }

    [Fact]
    public void List_filters_claims_by_support_level_and_tag()
    {
        var verified = CliRunner.Run(TestPaths.Fixture("clean"), "list", "claims", "--support", "verified");
        Assert.Contains("coffee-cuts-sleep-41-minutes", verified.Out);
        Assert.DoesNotContain("trial-size-120", verified.Out);
        var quoted = CliRunner.Run(TestPaths.Fixture("clean"), "list", "claims", "--support", "quoted");
        Assert.Contains("0 claims", quoted.Out);
        var sleep = CliRunner.Run(TestPaths.Fixture("clean"), "list", "claims", "--tag", "sleep", "--format", "json");
        Assert.Contains("coffee-cuts-sleep-41-minutes", sleep.Out);
        Assert.DoesNotContain("trial-size-120", sleep.Out);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file_and_the_summary_to_stderr()
    {
        using var repo = new TempRepo("rules");
        var result = CliRunner.Run(repo.Root, "check", "--format", "sarif", "--output", repo.Full("out/report.sarif"));
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("32 errors", result.Error);
        Assert.Contains("\"version\": \"2.1.0\"", repo.Read("out/report.sarif"));
        Assert.Empty(Directory.GetFiles(repo.Full("out"), "*.tmp"));
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_a_one_line_error_with_exit_2()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "check", "--output", repo.Full("claims"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Text_output_is_coloured_on_a_terminal_unless_no_color_is_asked_for()
    {
        var root = TestPaths.Fixture("rules");
        var terminal = new CliEnvironment { StdoutIsTerminal = true, WorkingDirectory = root };
        Assert.Contains("\u001b[1;31merror", CliRunner.Run(terminal, ["check"]).Out);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(terminal, ["check", "--no-color"]).Out);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(terminal with { NoColor = true }, ["check"]).Out);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(CliEnvironment.Plain(root), ["check"]).Out);
    }

    [Fact]
    public void Root_defaults_to_the_working_directory()
    {
        var result = CliRunner.Run(CliEnvironment.Plain(TestPaths.Fixture("clean")), ["check"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 claims, 2 sources, 1 article", result.Out);
    }

    [Fact]
    public void Help_describes_every_command_with_examples()
    {
        var help = CliRunner.Run(TestPaths.Fixture("clean"), "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "check", "list", "show" })
        {
            Assert.Contains(command, help.Out);
        }
        var check = CliRunner.Run(TestPaths.Fixture("clean"), "check", "--help");
        Assert.Contains("Examples:", check.Out);
        Assert.Contains("--format", check.Out);
        Assert.Contains("Exit code 0", check.Out);
    }

    [Fact]
    public void Cite_help_names_its_arguments_instead_of_listing_every_claim_id()
    {
        var help = CliRunner.Run(TestPaths.Fixture("clean"), "cite", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("cite [<claim> [<source>]]", help.Out);
        Assert.DoesNotContain("coffee-cuts-sleep-41-minutes", help.Out);
        var top = CliRunner.Run(TestPaths.Fixture("clean"), "--help");
        Assert.DoesNotContain("trial-size-120", top.Out);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var result = CliRunner.Run(CliEnvironment.Plain(TestPaths.Fixture("clean")), ["--version"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(EvidenceCli.Version, result.Out.Trim());
    }
}
