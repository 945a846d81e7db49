using EvidenceTracker.Storage;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Importing;

/// <summary>Creating files for import: atomic, and never replacing a file that exists.</summary>
public class AtomicCreateTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_new_writes_the_bytes_and_leaves_no_temporary_file(bool durable)
    {
        using var repo = new TempRepo();
        var path = repo.Full("claims/new.yaml");
        Assert.True(AtomicFile.CreateNew(path, "id: new\n"u8.ToArray(), durable));
        Assert.Equal("id: new\n", File.ReadAllText(path));
        Assert.Equal(["new.yaml"], Directory.GetFiles(repo.Full("claims")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_new_never_replaces_an_existing_file(bool durable)
    {
        using var repo = new TempRepo();
        var path = repo.Write("claims/taken.yaml", "id: taken\n");
        Assert.False(AtomicFile.CreateNew(path, "id: other\n"u8.ToArray(), durable));
        Assert.Equal("id: taken\n", File.ReadAllText(path));
        Assert.Equal(["taken.yaml"], Directory.GetFiles(repo.Full("claims")).Select(Path.GetFileName));
    }

    [Fact]
    public void Files_written_in_bulk_get_the_permissions_the_umask_gives_any_new_file()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "Unix permissions");
        using var repo = new TempRepo();
        var ordinary = repo.Write("sources/ordinary.yaml", "id: ordinary\n");
        var bulk = repo.Full("sources/bulk.yaml");
        var created = repo.Full("sources/created.yaml");
        Assert.Empty(AtomicFile.WriteAll([(bulk, "id: bulk\n"u8.ToArray(), true)]));
        Assert.True(AtomicFile.CreateNew(created, "id: created\n"u8.ToArray(), durable: false));
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Assert.Equal(File.GetUnixFileMode(ordinary), File.GetUnixFileMode(bulk));
            Assert.Equal(File.GetUnixFileMode(ordinary), File.GetUnixFileMode(created));
        }
    }

    [Fact]
    public void Create_new_writes_an_empty_file()
    {
        using var repo = new TempRepo();
        var path = repo.Full("articles/empty.md");
        Assert.True(AtomicFile.CreateNew(path, [], durable: false));
        Assert.Equal(0, new FileInfo(path).Length);
    }
}
