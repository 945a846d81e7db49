using System.Text;
using EvidenceTracker.App;
using EvidenceTracker.Authoring;
using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Authoring;

public class MoveRemoveTests
{
    private const string SourceS = "# source s\nid: s   # the id\ntype: report\ntitle: S\nsnapshot: snapshots/s.0123456789ab.txt\n";
    private const string SourceT = "id: t\r\ntype: news\r\ntitle: T\r\nreports-on:   # leads\r\n  - s   # the paper\r\n";
    private const string ClaimC = """
        # claim c
        id: c
        statement: "x"   # kept
        citations:
          # first
          - source: s   # inline
            locator: p. 1
          - {source: 's', locator: p. 2}
          - source: t
        tags: [a]

        """;
    private const string ClaimD = "id: d\r\nstatement: y\r\ncitations: [{source: s}]\r\n";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static TempRepo Repo()
    {
        var repo = new TempRepo();
        repo.Write("sources/s.yaml", SourceS);
        repo.WriteBytes("sources/t.yaml", [.. Bom, .. Encoding.UTF8.GetBytes(SourceT)]);
        repo.Write("sources/snapshots/s.0123456789ab.txt", "S says x.");
        repo.Write("claims/sub/c.yaml", ClaimC);
        repo.Write("claims/d.yaml", ClaimD);
        return repo;
    }

    /// <summary>Every file under the root (hidden ones included) and its bytes.</summary>
    private static Dictionary<string, byte[]> Tree(TempRepo repo) =>
        Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(repo.Root, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameTree(Dictionary<string, byte[]> before, TempRepo repo)
    {
        var after = Tree(repo);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
    }

    [Fact]
    public void Mv_renames_a_source_its_snapshot_and_every_reference_keeping_every_other_byte()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "mv", "s", "s-2");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            "renamed sources/s.yaml -> sources/s-2.yaml\nrenamed sources/snapshots/s.0123456789ab.txt -> sources/snapshots/s-2.0123456789ab.txt\n"
            + "edited  claims/d.yaml (1 citation)\nedited  claims/sub/c.yaml (2 citations)\nedited  sources/t.yaml (1 reports-on item)\n", result.Out);
        Assert.False(File.Exists(repo.Full("sources/s.yaml")));
        Assert.False(File.Exists(repo.Full("sources/snapshots/s.0123456789ab.txt")));
        Assert.Equal(SourceS.Replace("id: s ", "id: s-2 ", StringComparison.Ordinal).Replace("snapshots/s.", "snapshots/s-2.", StringComparison.Ordinal), repo.Read("sources/s-2.yaml"));
        Assert.Equal("S says x.", repo.Read("sources/snapshots/s-2.0123456789ab.txt"));
        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes(SourceT.Replace("  - s ", "  - s-2 ", StringComparison.Ordinal))], File.ReadAllBytes(repo.Full("sources/t.yaml")));
        Assert.Equal(ClaimC.Replace("- source: s ", "- source: s-2 ", StringComparison.Ordinal).Replace("{source: 's',", "{source: s-2,", StringComparison.Ordinal), repo.Read("claims/sub/c.yaml"));
        Assert.Equal(ClaimD.Replace("{source: s}", "{source: s-2}", StringComparison.Ordinal), repo.Read("claims/d.yaml"));
        var report = EvidenceQueries.Check(repo.Root);
        Assert.DoesNotContain(report.Findings, f => f.Rule is "unknown-source" or "schema" or "yaml-syntax" or "id-mismatch" or "stray-snapshot");
        Assert.Equal(["s-2", "t"], report.Set.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mv_renames_a_claim_in_its_sub_folder()
    {
        using var repo = Repo();
        Assert.Equal(0, CliRunner.Run(repo.Root, "mv", "c", "panda-lesions").ExitCode);
        Assert.Equal(ClaimC.Replace("id: c\n", "id: panda-lesions\n", StringComparison.Ordinal), repo.Read("claims/sub/panda-lesions.yaml"));
        Assert.False(File.Exists(repo.Full("claims/sub/c.yaml")));
    }

    [Theory]
    [InlineData("s", "t", "a source with the id 't' already exists")]
    [InlineData("s", "Not-A-Slug", "the new id 'Not-A-Slug' is not a lowercase slug")]
    [InlineData("c", "d", "a claim with the id 'd' already exists")]
    [InlineData("sx", "s-3", "no claim or source has the id 'sx'; did you mean 's'?")]
    public void Mv_refuses_a_new_id_that_exists_or_is_not_valid_and_changes_nothing(string old, string @new, string message)
    {
        using var repo = Repo();
        var before = Tree(repo);
        var result = CliRunner.Run(repo.Root, "mv", old, @new);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
        AssertSameTree(before, repo);
    }

    [Fact]
    public void Mv_refuses_when_a_file_that_may_name_the_id_does_not_parse_and_changes_nothing()
    {
        using var repo = Repo();
        repo.Write("claims/broken.yaml", "id: broken\nstatement: [s\n");
        var before = Tree(repo);
        var result = CliRunner.Run(repo.Root, "mv", "s", "s-2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("claims/broken.yaml cannot be edited: it is not valid YAML", result.Error);
        AssertSameTree(before, repo);
    }

    [Fact]
    public void Mv_and_rm_refuse_a_file_with_a_yaml_anchor_and_change_nothing()
    {
        using var repo = Repo();
        repo.Write("claims/e.yaml", "id: e\nstatement: &st z\ncitations:\n  - source: s\n");
        var before = Tree(repo);
        var mv = CliRunner.Run(repo.Root, "mv", "s", "s-2");
        Assert.Equal(1, mv.ExitCode);
        Assert.Contains("claims/e.yaml cannot be edited: it uses a YAML anchor (&st, line 2)", mv.Error);
        Assert.Equal(1, CliRunner.Run(repo.Root, "rm", "s", "--force").ExitCode);
        AssertSameTree(before, repo);
    }

    [Fact]
    public async Task Mv_of_a_source_that_waited_for_a_claim_being_renamed_edits_the_claim_under_its_new_name()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: S\n");
        repo.Write("claims/x.yaml", "id: x\nstatement: One.\ncitations:\n  - source: s\n");
        Task<CliResult> moveSource;
        using (EvidenceTracker.Storage.EditLock.Acquire(repo.Full("claims"), "claims/"))
        {
            // the source's mv has listed claims/x.yaml and waits for the claims folder
            moveSource = Task.Run(() => CliRunner.Run(repo.Root, "mv", "s", "s-2"), TestContext.Current.CancellationToken);
            await Task.Delay(300, TestContext.Current.CancellationToken);
            Assert.False(moveSource.IsCompleted);
            // meanwhile the claim is renamed, as `mv x y` would (it holds the claims folder's lock)
            File.Move(repo.Full("claims/x.yaml"), repo.Full("claims/y.yaml"));
            File.WriteAllText(repo.Full("claims/y.yaml"), "id: y\nstatement: One.\ncitations:\n  - source: s\n");
        }
        var result = await moveSource;
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("source: s-2", repo.Read("claims/y.yaml"));
        Assert.False(File.Exists(repo.Full("claims/x.yaml")));
        Assert.False(EvidenceTracker.App.EvidenceQueries.Check(repo.Root).HasErrors);
    }

    /// <summary>Stands for the process being killed: no clean-up runs (a transaction undoes only on I/O errors).</summary>
    private sealed class Killed : Exception
    {
    }

    /// <summary>Disk steps whose process "dies" at the n-th rename: the renames before it are made, nothing after.</summary>
    private sealed class KilledSteps(int killAt) : IFileSteps
    {
        private int _renames;

        public string Stage(string path, byte[] content) => FileTransaction.Disk.Stage(path, content);

        public bool Rename(string from, string to, bool replace) =>
            ++_renames == killAt ? throw new Killed() : FileTransaction.Disk.Rename(from, to, replace);

        public void Discard(string path) => FileTransaction.Disk.Discard(path);
    }

    /// <summary>The visible files (temporary and backup files of a killed process left out) and their bytes.</summary>
    private static SortedDictionary<string, string> Visible(TempRepo repo) =>
        new(Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetRelativePath(repo.Root, f), File.ReadAllText), StringComparer.Ordinal);

    [Fact]
    public void A_mv_killed_at_any_step_is_told_by_check_or_is_one_rename_from_done_and_running_it_again_finishes_it()
    {
        using var whole = Repo();
        Assert.Equal(0, CliRunner.Run(whole.Root, "mv", "s", "s-2").ExitCode);
        var done = Visible(whole);
        // mv s: 1 create, 1 delete, 1 snapshot rename, 3 edits = 6 renames; killed before each of them
        for (var killAt = 1; killAt <= 7; killAt++)
        {
            using var repo = Repo();
            var settings = new RepositoryEditSettings { Root = repo.Root, Id = "s", NewId = "s-2", Steps = new KilledSteps(killAt) };
            if (killAt <= 6)
            {
                Assert.Throws<Killed>(() => MoveService.Move(settings));
            }
            else
            {
                MoveService.Move(settings);
            }
            var report = EvidenceQueries.Check(repo.Root);
            var bothFiles = File.Exists(repo.Full("sources/s.yaml")) && File.Exists(repo.Full("sources/s-2.yaml"));
            // killed after the new file was written and before the old one went: the one state check cannot tell
            Assert.True(report.HasErrors || killAt is 1 or 2 or 7, $"killed at rename {killAt}: check found no error");
            Assert.True(killAt != 2 || bothFiles);
            if (killAt <= 6)
            {
                var again = CliRunner.Run(repo.Root, "mv", "s", "s-2");
                Assert.True(again.ExitCode == 0, $"killed at rename {killAt}: {again.Error}");
            }
            Assert.Equal(done, Visible(repo));
            Assert.False(EvidenceQueries.Check(repo.Root).HasErrors);
        }
    }

    /// <summary>Disk steps that fail at the n-th rename, as a full disk or a yanked drive would.</summary>
    private sealed class FailingSteps(int failAt) : IFileSteps
    {
        private int _renames;

        public string Stage(string path, byte[] content) => FileTransaction.Disk.Stage(path, content);

        public bool Rename(string from, string to, bool replace) =>
            ++_renames == failAt ? throw new IOException("No space left on device") : FileTransaction.Disk.Rename(from, to, replace);

        public void Discard(string path) => FileTransaction.Disk.Discard(path);
    }

    [Fact]
    public void Mv_and_rm_that_fail_half_way_put_every_file_back_byte_for_byte()
    {
        // mv s: 1 create + 1 snapshot rename + 3 edits + 1 delete = 6 renames; rm s --force: 3 edits + 2 deletes.
        for (var failAt = 1; failAt <= 6; failAt++)
        {
            foreach (var remove in failAt <= 5 ? new[] { false, true } : [false])
            {
                using var repo = Repo();
                var before = Tree(repo);
                var settings = new RepositoryEditSettings { Root = repo.Root, Id = "s", NewId = "s-2", Force = true, Steps = new FailingSteps(failAt) };
                var ex = Assert.Throws<IOException>(() => remove ? RemoveService.Remove(settings) : MoveService.Move(settings));
                Assert.Contains("No space left on device; every change was undone, no file changed", ex.Message);
                AssertSameTree(before, repo);
            }
        }
    }

    [Fact]
    public void Mv_that_cannot_stage_its_files_changes_nothing()
    {
        using var repo = Repo();
        var before = Tree(repo);
        var steps = new StageFails();
        var ex = Assert.Throws<IOException>(() => MoveService.Move(new RepositoryEditSettings { Root = repo.Root, Id = "s", NewId = "s-2", Steps = steps }));
        Assert.EndsWith("; nothing was changed", ex.Message);
        AssertSameTree(before, repo);
    }

    private sealed class StageFails : IFileSteps
    {
        private int _staged;

        public string Stage(string path, byte[] content) =>
            ++_staged == 3 ? throw new IOException("No space left on device") : FileTransaction.Disk.Stage(path, content);

        public bool Rename(string from, string to, bool replace) => FileTransaction.Disk.Rename(from, to, replace);

        public void Discard(string path) => FileTransaction.Disk.Discard(path);
    }

    [Fact]
    public void Rm_refuses_a_source_that_is_referred_to_naming_every_referrer()
    {
        using var repo = Repo();
        var before = Tree(repo);
        var result = CliRunner.Run(repo.Root, "rm", "s");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("source 's' is referred to by claim 'c', claim 'd', source 't'; nothing was removed", result.Error);
        AssertSameTree(before, repo);
    }

    [Fact]
    public void Rm_force_removes_the_references_in_place_and_the_snapshot_the_tool_wrote()
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "rm", "s", "--force");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("removed sources/s.yaml\nedited  claims/sub/c.yaml (2 citations removed)\nedited  claims/d.yaml (1 citation removed)\n"
            + "edited  sources/t.yaml (1 reports-on item removed)\nremoved sources/snapshots/s.0123456789ab.txt\n", result.Out);
        Assert.False(File.Exists(repo.Full("sources/s.yaml")));
        Assert.False(File.Exists(repo.Full("sources/snapshots/s.0123456789ab.txt")));
        Assert.Equal("# claim c\nid: c\nstatement: \"x\"   # kept\ncitations:\n  # first\n  - source: t\ntags: [a]\n", repo.Read("claims/sub/c.yaml"));
        Assert.Equal("id: d\r\nstatement: y\r\ncitations: []\r\n", repo.Read("claims/d.yaml"));
        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes("id: t\r\ntype: news\r\ntitle: T\r\nreports-on:   # leads\r\n")], File.ReadAllBytes(repo.Full("sources/t.yaml")));
        var report = EvidenceQueries.Check(repo.Root);
        Assert.DoesNotContain(report.Findings, f => f.Rule is "unknown-source" or "schema" or "yaml-syntax");
        Assert.Equal(["c", "d"], report.Set.Claims.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("snapshots/victim.0123456789ab.txt")]
    [InlineData("snapshots/victim\\x2e0123456789ab.txt")]
    [InlineData("snapshots/vict\\u0069m.0123456789ab.txt")]
    public void Rm_and_mv_keep_a_snapshot_another_source_names_however_it_writes_the_path(string written)
    {
        using var repo = new TempRepo();
        repo.Write("sources/victim.yaml", "id: victim\ntype: report\ntitle: V\nsnapshot: snapshots/victim.0123456789ab.txt\n");
        repo.Write("sources/other.yaml", $"id: other\ntype: report\ntitle: O\nsnapshot: \"{written}\"\n");
        repo.Write("sources/snapshots/victim.0123456789ab.txt", "V says x.");
        var mv = CliRunner.Run(repo.Root, "mv", "victim", "victim-2");
        Assert.True(mv.ExitCode == 0, mv.Error);
        Assert.Contains("kept    sources/snapshots/victim.0123456789ab.txt (source 'other' refers to it too)", mv.Out, StringComparison.Ordinal);
        Assert.Equal("V says x.", repo.Read("sources/snapshots/victim.0123456789ab.txt"));
        var rm = CliRunner.Run(repo.Root, "rm", "victim-2");
        Assert.True(rm.ExitCode == 0, rm.Error);
        Assert.Contains("kept    sources/snapshots/victim.0123456789ab.txt (source 'other' refers to it too)", rm.Out, StringComparison.Ordinal);
        Assert.Equal("V says x.", repo.Read("sources/snapshots/victim.0123456789ab.txt"));
        Assert.DoesNotContain(EvidenceQueries.Check(repo.Root).Findings, f => f.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Rm_keeps_a_tool_named_snapshot_that_is_named_after_another_source()
    {
        using var repo = new TempRepo();
        repo.Write("sources/att.yaml", "id: att\ntype: report\ntitle: A\nsnapshot: snapshots/gone.0123456789ab.txt\n");
        repo.Write("sources/snapshots/gone.0123456789ab.txt", "G says x.");
        var result = CliRunner.Run(repo.Root, "rm", "att");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("kept    sources/snapshots/gone.0123456789ab.txt (not written by `evidence snapshot` for 'att'", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(repo.Full("sources/snapshots/gone.0123456789ab.txt")));
    }

    [Fact]
    public void Rm_keeps_a_snapshot_of_the_users_naming_and_removes_a_claim()
    {
        using var repo = new TempRepo();
        repo.Write("sources/u.yaml", "id: u\ntype: report\ntitle: U\nsnapshot: snapshots/my-copy.pdf\n");
        repo.Write("sources/snapshots/my-copy.pdf", "%PDF-1.4");
        repo.Write("claims/c.yaml", "id: c\nstatement: x\n");
        var result = CliRunner.Run(repo.Root, "rm", "u");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kept    sources/snapshots/my-copy.pdf (not written by `evidence snapshot`", result.Out);
        Assert.True(File.Exists(repo.Full("sources/snapshots/my-copy.pdf")));
        Assert.False(File.Exists(repo.Full("sources/u.yaml")));
        Assert.Equal(0, CliRunner.Run(repo.Root, "rm", "c").ExitCode);
        Assert.False(File.Exists(repo.Full("claims/c.yaml")));
        Assert.Equal(["my-copy.pdf"], Directory.GetFiles(repo.Full("sources/snapshots")).Select(Path.GetFileName));
    }
}
