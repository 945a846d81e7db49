using System.Diagnostics;
using System.Text;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Commands;

/// <summary>
/// Standard output is written in blocks into a file or a pipe; standard error first hands on what it holds, so the
/// two sent to one place keep their order, and a reader that goes away is no trace.
/// </summary>
public class StandardStreamsTests
{
    [Fact]
    public void Standard_error_hands_on_buffered_standard_output_first_so_both_keep_their_order_in_one_stream()
    {
        using var shared = new MemoryStream();
        var output = new StreamWriter(shared, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var error = new StreamWriter(shared, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = true };
        using var ordered = new OrderedErrorWriter(error, output);

        output.Write("report line 1\n");
        ordered.WriteLine("warning: on stderr");
        output.Write("report line 2\n");
        ordered.Write("error: also on stderr\n".AsSpan());
        output.Flush();

        Assert.Equal("report line 1\nwarning: on stderr\nreport line 2\nerror: also on stderr\n", Encoding.UTF8.GetString(shared.ToArray()));
    }

    [Fact]
    public async Task The_published_cli_keeps_the_report_before_a_later_warning_when_both_streams_go_to_one_file()
    {
        using var repo = new TempRepo("rules");
        // the job summary cannot be written (its folder does not exist): a warning on stderr after the whole report
        var (_, both, _) = await Shell(repo.Root, "GITHUB_STEP_SUMMARY=\"$PWD/missing/summary.md\" exec \"$0\" check --format github 2>&1");

        var lines = both.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var warning = Array.FindIndex(lines, l => l.StartsWith("warning: cannot write the job summary", StringComparison.Ordinal));
        Assert.True(warning > 0, both);
        Assert.Equal(lines.Length - 1, warning);
        Assert.StartsWith("::", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_went_away_before_the_report_leaves_the_exit_code_of_the_check_and_no_trace()
    {
        var info = new ProcessStartInfo(EndToEndTests.Executable)
        {
            WorkingDirectory = TestPaths.Fixture("rules"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add("check");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        process.StandardOutput.Close(); // the reader is gone before the report is written
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within 60 s");

        // .NET drops what is written to a pipe nobody reads (EPIPE), as `head` expects of the writer before it
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_to_standard_output_is_a_one_line_error_and_exit_2()
    {
        var (exitCode, _, stderr) = await Shell(TestPaths.Fixture("rules"), "exec \"$0\" check > /dev/full");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: No space left on device\n", stderr);
    }

    /// <summary>Runs a shell script with the published CLI as <c>$0</c>: its exit code, standard output and standard error.</summary>
    private static async Task<(int ExitCode, string Out, string Error)> Shell(string workingDirectory, string script)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in (string[])["-c", script, EndToEndTests.Executable])
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within 60 s");
        return (process.ExitCode, await stdout, await stderr);
    }
}
