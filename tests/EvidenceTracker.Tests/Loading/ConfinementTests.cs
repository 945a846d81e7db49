using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Loading;

/// <summary>
/// No read of repository content leaves the repository, however the way out is spelt: a folder that is a link, a file
/// link through a linked folder, a snapshots folder linked elsewhere. Editing commands never replace a link with a
/// copy, and <c>import DIR</c> walks only the folder it is given.
/// </summary>
public class ConfinementTests
{
    private const string GoodSource = "id: s\ntype: report\ntitle: S\n";
    private const string Secret = "SECRET-OF-THE-RUNNER";

    private static CliResult Check(TempRepo repo) => CliRunner.Run(repo.Root, "check", "--format", "json");

    private static void AssertRefusedFolder(CliResult result, string rule, string folder)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}; stderr: {result.Error}");
        Assert.Contains($"\"rule\": \"{rule}\"", result.Out);
        Assert.Contains($"\"file\": \"{folder}\"", result.Out);
        Assert.Contains($"the folder {folder}/ leads outside the repository", result.Out);
        Assert.DoesNotContain(Secret, result.Out);
        Assert.DoesNotContain("secret", result.Out);
    }

    [Fact]
    public void A_claims_folder_linked_outside_the_repository_is_a_finding_and_nothing_in_it_is_read()
    {
        using var outside = new TempRepo();
        outside.Write("claims/secret.yaml", $"id: secret\nstatement: {Secret}\n");
        using var repo = new TempRepo();
        Directory.Delete(repo.Full("claims"));
        Directory.CreateSymbolicLink(repo.Full("claims"), outside.Full("claims"));
        AssertRefusedFolder(Check(repo), "yaml-syntax", "claims");
    }

    [Fact]
    public void A_sources_folder_linked_outside_the_repository_is_a_finding_and_nothing_in_it_is_read()
    {
        using var outside = new TempRepo();
        outside.Write("sources/secret.yaml", $"id: secret\ntype: report\ntitle: {Secret}\n");
        using var repo = new TempRepo();
        Directory.Delete(repo.Full("sources"));
        Directory.CreateSymbolicLink(repo.Full("sources"), outside.Full("sources"));
        AssertRefusedFolder(Check(repo), "yaml-syntax", "sources");
    }

    [Fact]
    public void An_articles_folder_linked_outside_the_repository_is_neither_read_nor_published()
    {
        using var outside = new TempRepo();
        outside.Write("articles/secret.md", $"# {Secret}\n\nText.\n");
        using var repo = new TempRepo();
        Directory.Delete(repo.Full("articles"));
        Directory.CreateSymbolicLink(repo.Full("articles"), outside.Full("articles"));
        AssertRefusedFolder(Check(repo), "schema", "articles");
        CliRunner.Run(repo.Root, "build");
        Assert.DoesNotContain(Directory.EnumerateFiles(repo.Full("site"), "*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_linked_to_another_place_inside_the_repository_is_read()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        repo.Write("drafts/a.yaml", "id: a\nstatement: x\ncitations:\n  - source: s\n");
        Directory.Delete(repo.Full("claims"));
        Directory.CreateSymbolicLink(repo.Full("claims"), repo.Full("drafts"));
        var result = Check(repo);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"claims\": 1", result.Out);
    }

    [Fact]
    public void A_file_link_that_leaves_through_a_linked_folder_inside_the_repository_is_refused()
    {
        // claims/a.yaml -> ../elsewhere/a.yaml reads as inside when the path is judged by its spelling; elsewhere/ is
        // itself a link out of the repository.
        using var outside = new TempRepo();
        outside.Write("a.yaml", $"id: a\nstatement: {Secret}\n");
        using var repo = new TempRepo();
        Directory.CreateSymbolicLink(repo.Full("elsewhere"), outside.Root);
        File.CreateSymbolicLink(repo.Full("claims/a.yaml"), Path.Combine("..", "elsewhere", "a.yaml"));
        var result = Check(repo);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("symbolic link leads outside the repository", result.Out);
        Assert.DoesNotContain(Secret, result.Out);
    }

    [Fact]
    public void A_settings_file_linked_outside_the_repository_is_not_read()
    {
        using var outside = new TempRepo();
        var secret = outside.Write("evidence.yaml", $"title: {Secret}\n");
        using var repo = new TempRepo();
        File.CreateSymbolicLink(repo.Full("evidence.yaml"), secret);
        var result = Check(repo);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"file\": \"evidence.yaml\"", result.Out);
        Assert.Contains("symbolic link leads outside the repository", result.Out);
    }

    [Fact]
    public void A_snapshots_folder_linked_outside_the_repository_is_neither_read_nor_published_by_build()
    {
        using var outside = new TempRepo();
        outside.Write("s.txt", $"The water report says {Secret} in full.\n");
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource + "snapshot: snapshots/s.txt\n");
        repo.Write("claims/a.yaml", $"id: a\nstatement: x\ncitations:\n  - source: s\n    quote: {Secret}\n");
        Directory.CreateSymbolicLink(repo.Full("sources/snapshots"), outside.Root);
        var check = Check(repo);
        Assert.Contains("snapshot sources/snapshots/s.txt leads outside the repository", check.Out);
        CliRunner.Run(repo.Root, "build");
        Assert.DoesNotContain(Directory.EnumerateFiles(repo.Full("site"), "*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("The water report says", StringComparison.Ordinal));
    }

    [Fact]
    public void Cite_refuses_a_claim_file_that_is_a_symbolic_link_and_leaves_the_link_and_its_target_as_they_were()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        const string claim = "id: c\nstatement: x\n";
        var target = repo.Write("drafts/c.yaml", claim);
        File.CreateSymbolicLink(repo.Full("claims/c.yaml"), target);
        var result = CliRunner.Run(repo.Root, "cite", "c", "s");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: claims/c.yaml is a symbolic link; it is not edited", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(target, new FileInfo(repo.Full("claims/c.yaml")).LinkTarget);
        Assert.Equal(claim, repo.Read("drafts/c.yaml"));
    }

    [Fact]
    public void Cite_refuses_a_claims_folder_linked_outside_the_repository_and_writes_nothing_there()
    {
        using var outside = new TempRepo();
        const string claim = "id: c\nstatement: x\n";
        outside.Write("claims/c.yaml", claim);
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        Directory.Delete(repo.Full("claims"));
        Directory.CreateSymbolicLink(repo.Full("claims"), outside.Full("claims"));
        var result = CliRunner.Run(repo.Root, "cite", "c", "s");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the folder claims/ leads outside the repository", result.Error);
        Assert.Equal(claim, outside.Read("claims/c.yaml"));
    }

    [Fact]
    public void Add_claim_writes_nothing_into_a_claims_folder_linked_outside_the_repository()
    {
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        Directory.Delete(repo.Full("claims"));
        Directory.CreateSymbolicLink(repo.Full("claims"), outside.Full("claims"));
        var result = CliRunner.Run(repo.Root, "add", "claim", "--statement", "Water is wet", "--id", "wet");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the folder claims/ leads outside the repository", result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Full("claims")));
    }

    private const string Article = "# A\n\nWater boils at 100 degrees.\n";

    [Fact]
    public void Import_of_a_folder_does_not_enter_a_link_that_loops_back()
    {
        using var repo = new TempRepo();
        repo.Write("incoming/a.md", Article);
        Directory.CreateSymbolicLink(repo.Full("incoming/sub-loop"), "..");
        var result = CliRunner.Run(repo.Root, "import", "incoming");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.True(File.Exists(repo.Full("articles/a.md")));
        Assert.Single(Directory.EnumerateFiles(repo.Full("articles")));
    }

    [Fact]
    public void Import_of_a_folder_does_not_follow_a_folder_link_out_of_it()
    {
        using var outside = new TempRepo();
        outside.Write("docs/b.md", Article);
        using var repo = new TempRepo();
        repo.Write("incoming/a.md", Article.Replace("100", "99", StringComparison.Ordinal));
        Directory.CreateSymbolicLink(repo.Full("incoming/shared"), outside.Full("docs"));
        var result = CliRunner.Run(repo.Root, "import", "incoming");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(["a.md"], Directory.EnumerateFiles(repo.Full("articles")).Select(Path.GetFileName));
    }

    [Fact]
    public void Import_of_a_folder_refuses_a_file_link_leading_out_of_it_and_writes_nothing()
    {
        using var outside = new TempRepo();
        var secret = outside.Write("b.md", Article);
        using var repo = new TempRepo();
        repo.Write("incoming/a.md", Article.Replace("100", "99", StringComparison.Ordinal));
        File.CreateSymbolicLink(repo.Full("incoming/b.md"), secret);
        var result = CliRunner.Run(repo.Root, "import", "incoming");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("incoming/b.md is a symbolic link leading out of 'incoming'; not followed", result.Error + result.Out);
        Assert.Empty(Directory.EnumerateFiles(repo.Full("articles")));
    }

    [Fact]
    public void Import_of_a_folder_takes_a_file_link_that_stays_inside_it()
    {
        using var repo = new TempRepo();
        var draft = repo.Write("incoming/.drafts/d.md", Article);
        File.CreateSymbolicLink(repo.Full("incoming/d.md"), draft);
        var result = CliRunner.Run(repo.Root, "import", "incoming");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(Article, repo.Read("articles/d.md"));
    }

    [Fact]
    public void Import_writes_nothing_into_an_articles_folder_linked_outside_the_repository()
    {
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        repo.Write("incoming/a.md", Article);
        Directory.Delete(repo.Full("articles"));
        Directory.CreateSymbolicLink(repo.Full("articles"), outside.Full("articles"));
        var result = CliRunner.Run(repo.Root, "import", "incoming/a.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the folder articles/ leads outside the repository", result.Error + result.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Full("articles")));
    }
}
