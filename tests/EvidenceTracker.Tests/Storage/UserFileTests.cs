using EvidenceTracker.Cli;
using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;
using Microsoft.Win32.SafeHandles;

namespace EvidenceTracker.Tests.Storage;

/// <summary>
/// Files named on the command line or in the environment (a baseline, import inputs, the job summary): a device is
/// refused, a named pipe never blocks, and a regular file is read only up to a cap.
/// </summary>
public class UserFileTests
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo(string path, uint mode);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static extern int Pipe(int[] fds);

    private static string Fifo(TempRepo repo, string name)
    {
        var path = repo.Full(name);
        Assert.Equal(0, Mkfifo(path, Convert.ToUInt32("644", 8)));
        return path;
    }

    /// <summary>Runs the CLI, failing the test (instead of hanging it) when it does not end within 20 seconds.</summary>
    private static Task<CliResult> Within(Func<CliResult> run) =>
        Task.Run(run, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

    private static string OneLine(string text) => Assert.Single(text.TrimEnd('\n').Split('\n'));

    [Fact]
    public async Task A_baseline_that_is_a_device_is_a_one_line_error_and_is_not_read()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero");
        using var repo = new TempRepo("clean");
        var result = await Within(() => CliRunner.Run(repo.Root, "check", "--baseline", "/dev/zero"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: baseline '/dev/zero' is a device, not a regular file", OneLine(result.Error));
    }

    [Fact]
    public async Task A_baseline_that_is_a_named_pipe_without_a_writer_is_an_error_at_once()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes");
        using var repo = new TempRepo("clean");
        var fifo = Fifo(repo, "base.fifo");
        var result = await Within(() => CliRunner.Run(repo.Root, "check", "--baseline", fifo));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: baseline 'base.fifo' is empty", OneLine(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_read_from_a_pipe_as_process_substitution_gives_it_is_applied()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd");
        using var repo = new TempRepo("rules");
        Assert.Equal(1, CliRunner.Run(repo.Root, "check").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "baseline").ExitCode);
        var fds = new int[2];
        Assert.Equal(0, Pipe(fds));
        using var readEnd = new SafeFileHandle(fds[0], ownsHandle: true);
        // what `<(cat .evidence-baseline.json)` gives: a pipe whose writer has written it all and gone
        using (var writeEnd = new FileStream(new SafeFileHandle(fds[1], ownsHandle: true), FileAccess.Write))
        {
            writeEnd.Write(File.ReadAllBytes(repo.Full(".evidence-baseline.json")));
        }
        var result = await Within(() => CliRunner.Run(repo.Root, "check", "--baseline", $"/proc/self/fd/{fds[0]}"));
        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("; [1-9][0-9]* baseline findings remain", result.Out);
    }

    [Fact]
    public void A_baseline_over_the_cap_is_refused_before_it_is_read()
    {
        using var repo = new TempRepo("clean");
        using (var file = File.Create(repo.Full("huge.json")))
        {
            file.SetLength(UserFile.MaxBaselineBytes + (1 << 20)); // sparse: no disk used
        }
        var result = CliRunner.Run(repo.Root, "check", "--baseline", repo.Full("huge.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: baseline 'huge.json' is 257 MB, over the 256 MB limit", OneLine(result.Error));
    }

    [Fact]
    public void Reading_a_pipe_stops_at_the_cap()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd");
        var fds = new int[2];
        Assert.Equal(0, Pipe(fds));
        using var readEnd = new SafeFileHandle(fds[0], ownsHandle: true);
        using (var writeEnd = new FileStream(new SafeFileHandle(fds[1], ownsHandle: true), FileAccess.Write))
        {
            writeEnd.Write(new byte[2000]);
        }
        var ex = Assert.Throws<UserFileException>(() => UserFile.ReadAllBytes($"/proc/self/fd/{fds[0]}", "pipe", 1000, pipes: true));
        Assert.Equal("'pipe' is over the 1 KB limit", ex.Message);
        Assert.True(ex.TooLarge);
    }

    [Theory]
    [InlineData("z.bib")]
    [InlineData("z.md")]
    public async Task Importing_a_link_to_a_device_is_refused_in_one_line(string name)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/zero");
        using var repo = new TempRepo();
        File.CreateSymbolicLink(repo.Full(name), "/dev/zero");
        var result = await Within(() => CliRunner.Run(repo.Root, "import", name));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($"{name}'? is a device, not a regular file", result.Out + result.Error);
        Assert.Empty(Directory.GetFiles(repo.Root, "*.yaml", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("f.bib")]
    [InlineData("f.md")]
    public async Task Importing_a_named_pipe_is_refused_without_waiting_for_a_writer(string name)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes");
        using var repo = new TempRepo();
        Fifo(repo, name);
        var result = await Within(() => CliRunner.Run(repo.Root, "import", name));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($"{name}'? is a named pipe, not a regular file", result.Out + result.Error);
    }

    [Fact]
    public async Task A_bibliography_an_article_names_that_is_a_named_pipe_is_not_read()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes");
        using var repo = new TempRepo();
        Directory.CreateDirectory(repo.Full("incoming"));
        Fifo(repo, "incoming/refs.bib");
        repo.Write("incoming/post.md", "---\nbibliography: refs.bib\n---\n\nIt rained 30 days [@smith2020].\n");
        var result = await Within(() => CliRunner.Run(repo.Root, "import", "incoming/post.md"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("refs.bib' is a named pipe, not a regular file", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a named pipe")]
    [InlineData("a device")]
    public async Task A_job_summary_that_is_not_a_regular_file_is_a_one_line_warning_and_never_blocks(string what)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes and /dev/zero");
        using var repo = new TempRepo("clean");
        var summary = what == "a named pipe" ? Fifo(repo, "summary.fifo") : "/dev/zero";
        var env = CliEnvironment.Plain(repo.Root) with { Variable = name => name == "GITHUB_STEP_SUMMARY" ? summary : null };
        var result = await Within(() => CliRunner.Run(env, ["--root", repo.Root, "check", "--format", "github"]));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"warning: cannot write the job summary to '{summary}': it is {what}, not a regular file", OneLine(result.Error));
    }

    [Fact]
    public void A_job_summary_naming_the_evidence_is_a_warning_and_the_evidence_is_kept()
    {
        using var repo = new TempRepo("clean");
        var claim = Directory.GetFiles(repo.Full("claims"), "*.yaml")[0];
        var before = File.ReadAllBytes(claim);
        var env = CliEnvironment.Plain(repo.Root) with { Variable = name => name == "GITHUB_STEP_SUMMARY" ? claim : null };
        var result = CliRunner.Run(env, ["--root", repo.Root, "check", "--format", "github"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"warning: GITHUB_STEP_SUMMARY='{claim}' names the repository's evidence; the job summary is not written there", OneLine(result.Error));
        Assert.Equal(before, File.ReadAllBytes(claim));
    }
}
