namespace EvidenceTracker.Tests.Support;

/// <summary>The test repositories clean up after themselves without touching anything their links lead to.</summary>
public class TempRepoTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Disposing_a_repo_deletes_it_and_leaves_what_its_links_lead_to_as_it_was()
    {
        var outside = Path.Combine(Path.GetTempPath(), "evidence-tests", "outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            var file = Path.Combine(outside, "kept.txt");
            File.WriteAllText(file, "kept");
            const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            File.SetUnixFileMode(file, readOnly);
            var repo = new TempRepo();
            File.CreateSymbolicLink(repo.Full("file-link"), file);
            Directory.CreateSymbolicLink(repo.Full("folder-link"), outside);
            var locked = Directory.CreateDirectory(repo.Full("claims/locked"));
            File.WriteAllText(Path.Combine(locked.FullName, "c.yaml"), "id: c\n");
            File.SetUnixFileMode(locked.FullName, UnixFileMode.None);

            repo.Dispose();

            Assert.False(Directory.Exists(repo.Root));
            Assert.Equal("kept", File.ReadAllText(file));
            Assert.Equal(readOnly, File.GetUnixFileMode(file));
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(outside, "kept.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.Delete(outside, recursive: true);
        }
    }
}
