using System.Diagnostics;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Commands;

/// <summary>
/// The CLI as a user runs it: a separate process, real exit codes and streams. Uses the published binary
/// when EVIDENCE_EXE names it (as .ci/run does), else the build output next to the tests.
/// </summary>
public class EndToEndTests
{
    internal static string Executable
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("EVIDENCE_EXE");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }
            var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "evidence.exe" : "evidence");
            return apphost;
        }
    }

    private static CliResult Run(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment.Remove("NO_COLOR");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within 60 s");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_published_cli_checks_a_clean_repository_and_exits_0()
    {
        var result = Run(TestPaths.Fixture("clean"), "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 2 claims, 2 sources, 1 article (support: 1 verified, 1 cited)\n", result.Out);
    }

    [Fact]
    public void The_published_cli_reports_findings_without_colour_when_piped_and_exits_1()
    {
        var result = Run(TestPaths.Fixture("rules"), "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Golden, "check-rules.text.txt")), result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void The_published_cli_exits_2_on_a_usage_error_with_one_line_per_problem()
    {
        var result = Run(TestPaths.Fixture("clean"), "check", "--format", "pdf");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Argument 'pdf' not recognized.", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void The_published_cli_checks_this_repository_own_evidence_without_errors()
    {
        var result = Run(TestPaths.RepoRoot, "check", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Out);
        Assert.Contains("\"errors\": 0", result.Out);
    }

    [Fact]
    public void The_published_cli_archives_a_snapshot_that_then_verifies_a_quote_and_detects_a_changed_one()
    {
        using var repo = new TempRepo();
        repo.Write("sources/report.yaml", "# kept as it is\nid: report\ntype: report\ntitle: Report\nlevel: primary\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: Leaks were found in 43% of homes.\ncitations:\n  - source: report\n    quote: \"Leaks were found in 43.2% of the homes.\"\n");
        repo.Write("incoming/report.html", "<html><body><nav>Menu</nav><article><p>Leaks were found in\n43.2% of the homes.</p></article></body></html>\n");

        var snapshot = Run(repo.Root, "snapshot", "report", "incoming/report.html");
        Assert.Equal(0, snapshot.ExitCode);
        var name = $"report.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(repo.Full("incoming/report.html"))))[..12]}.html";
        Assert.StartsWith($"archived sources/snapshots/{name} for report", snapshot.Out);
        Assert.StartsWith($"# kept as it is\nid: report\ntype: report\ntitle: Report\nlevel: primary\nsnapshot: snapshots/{name}\nsnapshot-sha256: ",
            repo.Read("sources/report.yaml"));

        var check = Run(repo.Root, "check", "--format", "json");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("\"verified\": 1", check.Out);

        File.AppendAllText(repo.Full($"sources/snapshots/{name}"), "<!-- edited -->\n");
        var changed = Run(repo.Root, "check");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains($"error schema: snapshot sources/snapshots/{name} changed since it was archived", changed.Out);

        using var elsewhere = new TempRepo();
        var outside = Run(repo.Root, "snapshot", "report", elsewhere.Write("page.html", "<p>Text.</p>\n"));
        Assert.Equal(0, outside.ExitCode);
        Assert.Contains("archived sources/snapshots/report.", outside.Out);
        Assert.Equal("<p>Text.</p>\n", File.ReadAllText(Path.Combine(elsewhere.Root, "page.html")));
        Assert.Equal(1, Run(repo.Root, "snapshot", "reprot", "incoming/report.html").ExitCode);
    }

    [Fact]
    public void The_published_cli_imports_the_seed_article_checks_it_and_a_second_import_changes_nothing()
    {
        using var repo = new TempRepo();
        File.Copy(Path.Combine(TestPaths.Fixtures, "seed-article", "articles", "damo-grape-ct-screening.md"), repo.Full("seed.md"));
        var import = Run(repo.Root, "import", "seed.md", "--id", "damo-grape-ct-screening");
        Assert.Equal(0, import.ExitCode);
        Assert.EndsWith("import: created 1 article, 5 sources and 12 draft claims\n", import.Out);
        Assert.Empty(import.Error);
        var check = Run(repo.Root, "check");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("articles/damo-grape-ct-screening.md:30:92: warning uncited-sentence: sentence states the figures 1%左右 and 20%-30%", check.Out);
        Assert.Contains("articles/damo-grape-ct-screening.md:63:1: warning unused-footnote: footnote [^2] is defined but never cited", check.Out);
        var again = Run(repo.Root, "import", "seed.md", "--id", "damo-grape-ct-screening");
        Assert.Equal(0, again.ExitCode);
        Assert.EndsWith("import: created 0 articles, 0 sources and 0 draft claims; 1 article unchanged, 5 existing sources reused\n", again.Out);
    }

    /// <summary>Runs the CLI from a folder that is removed just before it starts (the shell stays in it).</summary>
    private static CliResult RunInDeletedDirectory(params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "evidence-tests", "gone-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in (string[])["-c", "cd \"$1\" && rmdir \"$1\" && shift 2 && exec \"$0\" \"$@\"", Executable, dir, "--", .. args])
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within 60 s");
        Assert.False(Directory.Exists(dir));
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_published_cli_prints_its_version_from_a_deleted_working_directory()
    {
        var result = RunInDeletedDirectory("--version");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(EvidenceCli.Version, result.Out.Trim());
    }

    [Fact]
    public void The_published_cli_gives_a_one_line_error_for_a_relative_root_in_a_deleted_working_directory()
    {
        var result = RunInDeletedDirectory("check");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the current directory no longer exists (was it deleted?); change to an existing folder or pass --root with an absolute path\n", result.Error);
        var absolute = RunInDeletedDirectory("--root", TestPaths.Fixture("clean"), "check");
        Assert.True(absolute.ExitCode == 0, absolute.Error);
    }
}
