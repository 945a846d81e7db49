using System.Text.Json;
using EvidenceTracker.Cli;
using EvidenceTracker.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace EvidenceTracker.Tests.Authoring;

/// <summary><c>evidence init</c>: workflows that use the action, a Pages workflow, schemas mapped for editors; <c>build</c> says how to open the map.</summary>
public class InitWorkflowTests
{
    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<string> Uses(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => job.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>() : [])
            .Where(step => step.Children.ContainsKey("uses")).Select(step => ((YamlScalarNode)step["uses"]).Value!).ToList();

    [Fact]
    public void Init_writes_a_check_workflow_and_a_pages_workflow_that_use_the_named_action()
    {
        using var dir = new TempRepo();
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo", "--action", "acme/evidencetracker@v1"]);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("replace OWNER", result.Out, StringComparison.Ordinal);
        var check = Yaml(dir.Full("repo/.github/workflows/evidence.yml"));
        Assert.Equal(["actions/checkout@v4", "acme/evidencetracker@v1"], Uses(check));
        var pages = Yaml(dir.Full("repo/.github/workflows/pages.yml"));
        Assert.Equal(["actions/checkout@v4", "acme/evidencetracker@v1", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"], Uses(pages));
        Assert.Contains("run: evidence build\n", File.ReadAllText(dir.Full("repo/.github/workflows/pages.yml")), StringComparison.Ordinal);
        Assert.Equal("write", ((YamlScalarNode)((YamlMappingNode)pages["permissions"])["pages"]).Value);
    }

    [Fact]
    public void Init_without_an_action_writes_the_placeholder_and_says_what_to_edit()
    {
        using var dir = new TempRepo();
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo"]);
        Assert.Contains("Edit .github/workflows/*.yml: replace OWNER/evidencetracker@main", result.Out, StringComparison.Ordinal);
        Assert.Contains("OWNER/evidencetracker@main", Uses(Yaml(dir.Full("repo/.github/workflows/evidence.yml"))));
    }

    [Fact]
    public void An_action_that_is_not_owner_repo_at_ref_is_a_usage_error()
    {
        using var dir = new TempRepo();
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo", "--action", "evil\n  run: rm -rf /"]);
        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(dir.Full("repo")));
    }

    [Fact]
    public void Init_maps_the_schemas_it_writes_for_the_yaml_language_server()
    {
        using var dir = new TempRepo();
        Assert.Equal(0, CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo"]).ExitCode);
        using var settings = JsonDocument.Parse(File.ReadAllText(dir.Full("repo/.vscode/settings.json")));
        var map = settings.RootElement.GetProperty("yaml.schemas");
        Assert.Equal("claims/**/*.yaml", map.GetProperty("./schemas/claim.schema.json")[0].GetString());
        Assert.Equal("sources/*.yaml", map.GetProperty("./schemas/source.schema.json")[0].GetString());
        Assert.Equal("evidence.yaml", map.GetProperty("./schemas/config.schema.json")[0].GetString());
        foreach (var kind in (string[])["claim", "source", "config"])
        {
            Assert.Equal(CliRunner.Run(dir.Root, "schema", kind).Out, File.ReadAllText(dir.Full($"repo/schemas/{kind}.schema.json")));
        }
    }

    [Fact]
    public void Init_keeps_existing_editor_settings_and_workflows()
    {
        using var dir = new TempRepo();
        dir.Write("repo/.vscode/settings.json", "{ \"editor.tabSize\": 2 }\n");
        dir.Write("repo/.github/workflows/pages.yml", "name: mine\n");
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kept    .vscode/settings.json (already there)", result.Out, StringComparison.Ordinal);
        Assert.Equal("{ \"editor.tabSize\": 2 }\n", dir.Read("repo/.vscode/settings.json"));
        Assert.Equal("name: mine\n", dir.Read("repo/.github/workflows/pages.yml"));
        Assert.Contains("created .github/workflows/evidence.yml", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_says_where_the_map_is_and_how_to_open_it()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "build", "--out", repo.Full("my site"));
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("open the map: 'my site/index.html' (xdg-open 'my site/index.html' on Linux, open 'my site/index.html' on macOS)\n", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".github", true)]
    [InlineData(".github/workflows", true)]
    [InlineData(".vscode", true)]
    [InlineData("schemas", true)]
    [InlineData("claims", true)]
    [InlineData("sources/snapshots", true)]
    [InlineData("evidence.yaml", false)]
    [InlineData(".github/workflows/pages.yml", false)]
    public void Init_refuses_a_folder_or_file_linked_outside_the_target_and_writes_nothing(string linked, bool folder)
    {
        using var dir = new TempRepo();
        var outside = dir.Full("outside");
        Directory.CreateDirectory(outside);
        var target = dir.Full("repo/" + linked);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var leadsTo = folder ? outside : Path.Combine(outside, "file"); // a file link that dangles: init would create it
        if (folder)
        {
            Directory.CreateSymbolicLink(target, leadsTo);
        }
        else
        {
            File.CreateSymbolicLink(target, leadsTo);
        }
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: {linked} is a symbolic link leading outside '", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.False(Directory.Exists(dir.Full("repo/articles")));
    }

    [Fact]
    public void Init_follows_a_folder_linked_to_another_place_inside_the_target()
    {
        using var dir = new TempRepo();
        Directory.CreateDirectory(dir.Full("repo/ci"));
        Directory.CreateSymbolicLink(dir.Full("repo/.github"), "ci");
        var result = CliRunner.Run(CliEnvironment.Plain(dir.Root), ["init", "repo"]);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(dir.Full("repo/ci/workflows/evidence.yml")));
    }
}
