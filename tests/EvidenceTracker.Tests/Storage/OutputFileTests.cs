using System.Diagnostics;
using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Storage;

/// <summary><c>--output FILE</c> of check and export: only a regular file is replaced; pipes and devices are written to.</summary>
public class OutputFileTests
{
    private static TempRepo Repo()
    {
        var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: x\ncitations:\n  - source: s\n");
        return repo;
    }

    private static void Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task A_named_pipe_is_written_to_and_stays_a_named_pipe()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo"), "needs mkfifo");
        using var repo = Repo();
        var fifo = repo.Full("report.fifo");
        Run("/usr/bin/mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);
        var result = CliRunner.Run(repo.Root, "check", "--format", "json", "--output", fifo);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"version\": 1", await reader);
        Assert.Equal(FileKind.NamedPipe, Posix.KindOf(fifo, followLinks: false));
    }

    [Theory]
    [InlineData("check", "--format", "json")]
    [InlineData("export", "--format", "bibtex")]
    public void A_link_to_dev_null_is_written_through_and_stays_a_link(params string[] command)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/null");
        using var repo = Repo();
        var link = repo.Full("out");
        File.CreateSymbolicLink(link, "/dev/null");
        var result = CliRunner.Run(repo.Root, [.. command, "--output", link]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(FileKind.CharacterDevice, Posix.KindOf("/dev/null", followLinks: false));
    }

    [Fact]
    public void A_full_device_is_a_one_line_io_error_with_exit_2_and_stays_a_device()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full");
        using var repo = Repo();
        // A link in the test's folder, so that a regression replaces the link, never /dev/full itself.
        var link = repo.Full("full");
        File.CreateSymbolicLink(link, "/dev/full");
        var result = CliRunner.Run(repo.Root, "export", "--format", "bibtex", "--output", link);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: cannot write '{link}': No space left on device\n", result.Error);
        Assert.Equal("/dev/full", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_character_device_node_as_root_is_written_to_not_replaced()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/mknod"), "needs root to make a device node");
        using var repo = Repo();
        var node = repo.Full("full-device");
        Run("/usr/bin/mknod", node, "c", "1", "7"); // the device /dev/full is, made here so a regression cannot touch /dev
        var result = CliRunner.Run(repo.Root, "check", "--output", node);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: cannot write '{node}': No space left on device", result.Error);
        Assert.Equal(FileKind.CharacterDevice, Posix.KindOf(node, followLinks: false));
    }

    [Fact]
    public void A_link_to_a_regular_file_keeps_the_link_and_replaces_its_target()
    {
        using var repo = Repo();
        var target = repo.Write("reports/real.json", "old");
        var link = repo.Full("report.json");
        File.CreateSymbolicLink(link, target);
        var result = CliRunner.Run(repo.Root, "check", "--format", "json", "--output", link);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Contains("\"version\": 1", File.ReadAllText(target));
    }

    [Fact]
    public void A_dangling_link_or_a_folder_is_refused_with_exit_2_and_nothing_is_created()
    {
        using var repo = Repo();
        var link = repo.Full("report.json");
        File.CreateSymbolicLink(link, repo.Full("missing/report.json"));
        var dangling = CliRunner.Run(repo.Root, "check", "--output", link);
        Assert.Equal(2, dangling.ExitCode);
        Assert.Equal($"error: '{link}' is a symbolic link to a file that does not exist; not written\n", dangling.Error);
        Assert.False(Directory.Exists(repo.Full("missing")));
        var folder = CliRunner.Run(repo.Root, "export", "--format", "ris", "--output", repo.Full("claims"));
        Assert.Equal(2, folder.ExitCode);
        Assert.Equal($"error: '{repo.Full("claims")}' is a folder; give a file name for the output\n", folder.Error);
    }

    [Fact]
    public void A_link_to_the_standard_output_of_the_process_reaches_that_output()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "evidence");
        Assert.SkipUnless(File.Exists(exe) && OperatingSystem.IsLinux(), "needs the evidence executable on Linux");
        using var repo = Repo();
        var link = repo.Full("stdout");
        File.CreateSymbolicLink(link, "/proc/self/fd/1");
        using var p = Process.Start(new ProcessStartInfo(exe, ["--root", repo.Root, "export", "--format", "ris", "--output", link])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("TY  - ", output);
        Assert.Equal("/proc/self/fd/1", new FileInfo(link).LinkTarget);
    }

    [Theory]
    [InlineData("check", "claims/c.yaml")]
    [InlineData("check", "sources/s.yaml")]
    [InlineData("check", "evidence.yaml")]
    [InlineData("export", "sources/s.yaml")]
    [InlineData("export", "evidence.yaml")]
    [InlineData("export", "sources/snapshots/s.0123456789ab.txt")]
    [InlineData("check", "articles/new.md")]
    [InlineData("check", ".git/HEAD")]
    public void An_output_onto_the_repositorys_evidence_is_refused_and_nothing_changes(string command, string target)
    {
        using var repo = Repo();
        repo.Write("evidence.yaml", "title: T\n");
        repo.Write("sources/snapshots/s.0123456789ab.txt", "S says x.");
        repo.Write(".git/HEAD", "ref: refs/heads/main\n");
        var before = File.Exists(repo.Full(target)) ? repo.Read(target) : null;
        var args = command == "check" ? new[] { "check", "--format", "json", "--output", target } : ["export", "--format", "bibtex", "--output", target];
        var result = CliRunner.Run(repo.Root, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never replaces the evidence it was made from", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, File.Exists(repo.Full(target)) ? repo.Read(target) : null);
    }

    [Fact]
    public void An_output_through_a_link_onto_a_claim_is_refused()
    {
        using var repo = Repo();
        File.CreateSymbolicLink(repo.Full("report.json"), repo.Full("claims/c.yaml"));
        var result = CliRunner.Run(repo.Root, "check", "--format", "json", "--output", "report.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("claims/", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("id: c\n", repo.Read("claims/c.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_elsewhere_in_the_repository_is_written_as_before()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "check", "--format", "json", "--output", "reports/evidence.json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("\"version\": 1", repo.Read("reports/evidence.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claims/zz.yaml")]
    [InlineData("sources/zz.yaml")]
    [InlineData("articles/zz.md")]
    [InlineData("sources/snapshots/zz.html")]
    [InlineData(".git/zz")]
    public void A_baseline_output_into_the_evidence_is_refused_as_for_check_and_export(string target)
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "baseline", "--output", target);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never replaces the evidence it was made from", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Full(target)));
    }
}

