using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Loading;

/// <summary>The files of a repository folder: every one under it, sorted, hidden and linked folders left alone.</summary>
public class EnumerationTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_lists_the_files_of_all_its_folders_sorted_and_leaves_out_hidden_files_and_linked_folders()
    {
        using var repo = new TempRepo();
        var expected = new List<string>();
        for (var folder = 0; folder < 12; folder++)
        {
            for (var file = 0; file < 7; file++)
            {
                expected.Add(repo.Write($"claims/f{folder:D2}/deeper-{file % 2}/c{folder}-{file}.yaml", "id: x\n"));
            }
        }
        expected.Add(repo.Write("claims/top.yaml", "id: top\n"));
        expected.Add(repo.Write("claims/f00.yaml", "id: f00\n")); // a file named like a folder sorts before it
        expected.Add(repo.Write("claims/.drafts/d.yaml", "id: d\n")); // a hidden folder is read, as before
        repo.Write("claims/.hidden.yaml", "id: h\n");
        repo.Write("claims/f01/notes.txt", "not a claim");
        Directory.CreateDirectory(repo.Full("elsewhere"));
        repo.Write("elsewhere/outside.yaml", "id: o\n");
        Directory.CreateSymbolicLink(repo.Full("claims/linked"), repo.Full("elsewhere"));

        var files = RepositoryLoader.Enumerate(repo.Full("claims"), ".yaml", recursive: true);

        expected.Sort(string.CompareOrdinal);
        Assert.Equal(expected, files);
        Assert.Equal(["f00.yaml", "top.yaml"], RepositoryLoader.Enumerate(repo.Full("claims"), ".yaml", recursive: false).Select(Path.GetFileName));
    }
}
