using System.Text;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Loading;

/// <summary>Hostile input never crashes or hangs: each case becomes a finding, or a one-line error with exit 2.</summary>
public class HostileInputTests
{
    private const string GoodSource = "id: s\ntype: report\ntitle: S\n";

    private static CliResult Check(TempRepo repo) => CliRunner.Run(repo.Root, "check", "--format", "json");

    private static void AssertFinding(CliResult result, string rule, string file, string messagePart)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}; stderr: {result.Error}");
        Assert.Contains($"\"rule\": \"{rule}\"", result.Out);
        Assert.Contains($"\"file\": \"{file}\"", result.Out);
        Assert.Contains(messagePart, result.Out);
        Assert.DoesNotContain("   at ", result.Out + result.Error);
    }

    [Fact]
    public void Malformed_yaml_is_a_yaml_syntax_finding_with_its_position()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: [unclosed\n");
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/a.yaml", "\"line\": ");
    }

    [Theory]
    [InlineData("id: [a]\nstatement: x\n", "field 'id' must be text, not a list")]
    [InlineData("id: a\nstatement: {x: 1}\n", "field 'statement' must be text, not a mapping")]
    [InlineData("id: a\nstatement: x\narticle: [b]\n", "field 'article' must be text, not a list")]
    [InlineData("id: a\nstatement: x\nexcerpt: [b]\n", "field 'excerpt' must be text, not a list")]
    [InlineData("id: a\nstatement: x\ncitations: {source: s}\n", "field 'citations' must be a list, not a mapping")]
    [InlineData("id: a\nstatement: x\ncitations:\n  - source: [s]\n", "field 'source' must be text, not a list")]
    [InlineData("id: a\nstatement: x\ncitations:\n  - source: s\n    quote: {a: b}\n", "field 'quote' must be text, not a mapping")]
    [InlineData("id: a\nstatement: x\ncitations:\n  - source: s\n    locator: [1]\n", "field 'locator' must be text, not a list")]
    [InlineData("id: a\nstatement: x\ncitations:\n  - source: s\n    stance: [x]\n", "field 'stance' must be text, not a list")]
    [InlineData("id: a\nstatement: x\nverdict: [x]\n", "field 'verdict' must be text, not a list")]
    [InlineData("id: a\nstatement: x\nnote: [x]\n", "field 'note' must be text, not a list")]
    [InlineData("id: a\nstatement: x\ntags: {a: b}\n", "field 'tags' must be a list")]
    [InlineData("id: a\nstatement: x\ntags: [[nested]]\n", "each item of 'tags' must be non-empty text, not a list")]
    [InlineData("- just\n- a list\n", "a claim file must be a mapping of fields")]
    [InlineData("just text\n", "a claim file must be a mapping of fields")]
    public void A_wrong_type_in_any_claim_field_is_a_schema_finding(string yaml, string message)
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        repo.Write("claims/a.yaml", yaml);
        AssertFinding(Check(repo), "schema", "claims/a.yaml", message);
    }

    [Theory]
    [InlineData("type", "[news]")]
    [InlineData("title", "{a: b}")]
    [InlineData("authors", "Smith")]
    [InlineData("publisher", "[x]")]
    [InlineData("date", "[2020]")]
    [InlineData("accessed", "{y: 2020}")]
    [InlineData("url", "[https://example.org]")]
    [InlineData("doi", "[10.1/x]")]
    [InlineData("pmid", "[1]")]
    [InlineData("lang", "[en]")]
    [InlineData("level", "[primary]")]
    [InlineData("reports-on", "other")]
    [InlineData("snapshot", "[a]")]
    [InlineData("snapshot-sha256", "[a]")]
    [InlineData("archived", "[a]")]
    [InlineData("volume", "[1]")]
    [InlineData("issue", "[1]")]
    [InlineData("pages", "{a: 1}")]
    public void A_wrong_type_in_any_source_field_is_a_schema_finding(string field, string value)
    {
        using var repo = new TempRepo();
        var yaml = field is "type" or "title"
            ? $"id: s\n{(field == "type" ? "title: T" : "type: report")}\n{field}: {value}\n"
            : $"{GoodSource}{field}: {value}\n";
        repo.Write("sources/s.yaml", yaml);
        AssertFinding(Check(repo), "schema", "sources/s.yaml", $"'{field}'");
    }

    [Fact]
    public void An_empty_file_is_a_schema_finding()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "");
        repo.Write("sources/s.yaml", "   \n# only a comment\n");
        var result = Check(repo);
        AssertFinding(result, "schema", "claims/a.yaml", "the file is empty");
        AssertFinding(result, "schema", "sources/s.yaml", "the file is empty");
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        using var repo = new TempRepo();
        repo.WriteBytes("sources/s.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(GoodSource.Replace("\n", "\r\n"))]);
        repo.WriteBytes("claims/a.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id: a\r\nstatement: x\r\ncitations:\r\n  - source: s\r\n")]);
        var result = Check(repo);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"errors\": 0", result.Out);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_the_position_of_the_first_bad_byte()
    {
        using var repo = new TempRepo();
        repo.WriteBytes("claims/a.yaml", [.. Encoding.UTF8.GetBytes("id: a\nstatement: caf"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n")]);
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/a.yaml", "not valid UTF-8 (byte 0xC3 at offset 20)");
        Assert.Contains("\"line\": 2", result.Out);
        Assert.Contains("\"column\": 15", result.Out);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_key()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: one\nstatement: two\n");
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/a.yaml", "duplicate key 'statement'");
        Assert.Contains("\"line\": 3", result.Out);
    }

    [Fact]
    public void An_alias_expansion_bomb_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            yaml.Append($"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n");
        }
        using var repo = new TempRepo();
        repo.Write("claims/bomb.yaml", yaml.ToString());
        AssertFinding(Check(repo), "yaml-syntax", "claims/bomb.yaml", "aliases (*a) are not allowed");
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        using var repo = new TempRepo();
        repo.Write("claims/deep.yaml", "id: deep\nstatement: " + new string('[', 5000) + new string(']', 5000) + "\n");
        AssertFinding(Check(repo), "yaml-syntax", "claims/deep.yaml", "nesting deeper than 64 levels");
    }

    [Fact]
    public void A_50_megabyte_file_is_refused_unread()
    {
        using var repo = new TempRepo();
        using (var stream = File.Create(repo.Full("claims/huge.yaml")))
        {
            stream.SetLength(50L << 20);
        }
        AssertFinding(Check(repo), "yaml-syntax", "claims/huge.yaml", "file is 50 MB; files larger than 1 MB are not read");
    }

    [Fact]
    public void A_symbolic_link_leading_out_of_the_repository_is_not_followed()
    {
        using var outside = new TempRepo();
        var secret = outside.Write("secret.yaml", "id: secret\nstatement: outside\n");
        using var repo = new TempRepo();
        File.CreateSymbolicLink(repo.Full("claims/secret.yaml"), secret);
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/secret.yaml", "symbolic link leads outside the repository");
        Assert.DoesNotContain("\"id\": \"secret\"", result.Out);
    }

    [Fact]
    public void A_symbolic_link_inside_the_repository_is_followed()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        repo.Write("drafts/a.yaml", "id: a\nstatement: x\ncitations:\n  - source: s\n");
        File.CreateSymbolicLink(repo.Full("claims/a.yaml"), repo.Full("drafts/a.yaml"));
        Assert.Equal(0, Check(repo).ExitCode);
    }

    [Fact]
    public void A_symbolic_link_loop_between_folders_does_not_hang()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        Directory.CreateDirectory(repo.Full("claims/a"));
        Directory.CreateSymbolicLink(repo.Full("claims/a/loop"), repo.Full("claims"));
        repo.Write("claims/a/c.yaml", "id: c\nstatement: x\ncitations:\n  - source: s\n");
        var result = Check(repo);
        Assert.True(result.ExitCode is 0 or 1, result.Error);
    }

    [Fact]
    public void A_folder_named_like_a_claim_file_is_not_read_as_one()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        Directory.CreateDirectory(repo.Full("claims/x.yaml"));
        Directory.CreateDirectory(repo.Full("sources/y.yaml"));
        var result = Check(repo);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"claims\": 0", result.Out);
    }

    [Fact]
    public void An_unreadable_file_is_a_finding()
    {
        Assert.SkipWhen(Environment.UserName == "root" || OperatingSystem.IsWindows(),
            "running as root, every file is readable whatever its mode; the dangling-link and named-pipe tests cover unreadable files here");
        using var repo = new TempRepo();
        var file = repo.Write("claims/locked.yaml", "id: locked\nstatement: x\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
        }
        AssertFinding(Check(repo), "yaml-syntax", "claims/locked.yaml", "permission denied");
    }

    [Fact]
    public void A_dangling_symbolic_link_is_a_finding()
    {
        using var repo = new TempRepo();
        File.CreateSymbolicLink(repo.Full("claims/gone.yaml"), repo.Full("claims/never-there.yaml"));
        AssertFinding(Check(repo), "yaml-syntax", "claims/gone.yaml", "which does not exist");
    }

    [Fact]
    public void A_named_pipe_is_never_opened_so_check_cannot_block_on_it()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes in the file system are a Unix feature");
        using var repo = new TempRepo();
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", repo.Full("claims/pipe.yaml"));
        mkfifo.WaitForExit();
        AssertFinding(Check(repo), "yaml-syntax", "claims/pipe.yaml", "not a regular file (a named pipe, a socket or a device); not read");
    }

    [Fact]
    public async Task A_named_pipe_among_the_sources_blocks_neither_the_search_for_stray_snapshots_nor_the_snapshot_command()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes in the file system are a Unix feature");
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        repo.Write("sources/snapshots/gone-a.0123456789ab.txt", "left behind\n");
        repo.Write("saved.txt", "The archived text.\n");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", repo.Full("sources/pipe.yaml")))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var check = Task.Run(() => Check(repo), TestContext.Current.CancellationToken);
        var snapshot = Task.Run(() => CliRunner.Run(repo.Root, "snapshot", "s", repo.Full("saved.txt")), TestContext.Current.CancellationToken);
        var both = Task.WhenAll(check, snapshot);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)));
        AssertFinding(await check, "yaml-syntax", "sources/pipe.yaml", "not a regular file");
        // the pipe could name the stray: it is neither reported nor removed
        Assert.DoesNotContain("gone-a.0123456789ab.txt", (await check).Out);
        Assert.Equal(0, (await snapshot).ExitCode);
        Assert.True(File.Exists(repo.Full("sources/snapshots/gone-a.0123456789ab.txt")));
    }

    [Fact]
    public void A_settings_file_of_nul_bytes_is_a_finding_not_silently_the_defaults()
    {
        using var repo = new TempRepo();
        repo.WriteBytes("evidence.yaml", new byte[64]);
        AssertFinding(Check(repo), "yaml-syntax", "evidence.yaml", "NUL character");
    }

    [Fact]
    public void A_nul_byte_part_way_through_a_claim_is_a_finding_at_its_position_not_the_end_of_the_file()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", GoodSource);
        repo.WriteBytes("claims/a.yaml", [.. "id: a\nstatement: x\n"u8, 0, .. "citations: [oops\n"u8]);
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/a.yaml", "NUL character");
        Assert.Contains("\"line\": 3", result.Out);
        Assert.Contains("\"column\": 1", result.Out);
    }

    [Fact]
    public async Task A_named_pipe_is_not_even_opened_so_a_writer_waiting_on_it_stays_waiting()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "named pipes in the file system are a Unix feature");
        using var repo = new TempRepo();
        var pipe = repo.Full("claims/pipe.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
        }
        // a writer's open blocks until some reader opens the pipe
        var writerOpened = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(pipe, FileMode.Open, FileAccess.Write);
            writerOpened.Set();
        }, TestContext.Current.CancellationToken);
        Check(repo);
        Assert.False(writerOpened.Wait(300, TestContext.Current.CancellationToken), "check opened the named pipe");
        using (new FileStream(pipe, FileMode.Open, FileAccess.Read))
        {
            await writer; // the writer is released
        }
    }

    [Fact]
    public void A_tag_yamldotnet_refuses_is_a_finding_not_a_crash()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: x\ntags: !![x]\n");
        AssertFinding(Check(repo), "yaml-syntax", "claims/a.yaml", "global tags must be valid URIs");
    }

    [Fact]
    public void A_refused_tag_after_a_duplicate_key_among_many_files_is_reported_as_the_duplicate_key()
    {
        // The file stops at the duplicate key, and reads the same among many files (read in parallel) as alone.
        using var repo = new TempRepo();
        for (var i = 0; i < 80; i++)
        {
            repo.Write($"claims/c{i:D2}.yaml", $"id: c{i:D2}\nstatement: x\n");
        }
        repo.Write("claims/c40.yaml", "id: c40\nid: c40\ntags: !![x]\n");
        var result = Check(repo);
        AssertFinding(result, "yaml-syntax", "claims/c40.yaml", "duplicate key 'id'");
        Assert.DoesNotContain("Global tags", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_removed_before_it_is_read_is_a_finding()
    {
        using var repo = new TempRepo();
        var sink = new EvidenceTracker.Diagnostics.FindingSink("claims/gone.yaml");
        Assert.Null(EvidenceTracker.Loading.SafeFile.ReadText(repo.Full("claims/gone.yaml"), repo.Root,
            EvidenceTracker.Loading.SafeFile.MaxYamlBytes, sink, "yaml-syntax"));
        Assert.Contains("no longer there", Assert.Single(sink.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_one_yaml_document_in_a_file_is_a_finding()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: x\n---\nid: b\n");
        AssertFinding(Check(repo), "yaml-syntax", "claims/a.yaml", "more than one YAML document");
    }

    [Fact]
    public void A_missing_root_is_a_one_line_error_with_exit_2()
    {
        var result = CliRunner.Run(Path.Combine(Path.GetTempPath(), "no-such-evidence-root-" + Guid.NewGuid()), "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public void A_folder_that_is_not_an_evidence_repository_is_a_one_line_error_with_exit_2()
    {
        using var dir = new TempRepo();
        Directory.Delete(dir.Full("claims"));
        Directory.Delete(dir.Full("sources"));
        Directory.Delete(dir.Full("articles"));
        var result = CliRunner.Run(dir.Root, "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an evidence repository", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Control_characters_and_markup_in_values_do_not_break_any_output_format()
    {
        using var repo = new TempRepo();
        repo.Write("claims/a.yaml", "id: a\nstatement: \"x\\u0001 <b>&amp; \\\"q\\\"\"\nstatment: \"\\u0007\"\ncitations:\n  - source: \"nope\"\n");
        foreach (var format in new[] { "text", "json", "sarif", "github", "junit" })
        {
            var result = CliRunner.Run(repo.Root, "check", "--format", format);
            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Error);
        }
        var junit = CliRunner.Run(repo.Root, "check", "--format", "junit").Out;
        System.Xml.Linq.XDocument.Parse(junit);
    }

    [Fact]
    public void A_snapshot_path_with_a_nul_character_is_a_schema_finding_and_the_site_is_built()
    {
        using var repo = new TempRepo();
        repo.Write("sources/s.yaml", "id: s\ntype: report\ntitle: T\nsnapshot: \"snapshots/a\\u0000.txt\"\n");
        repo.Write("claims/c.yaml", "id: c\nstatement: It rained.\ncitations:\n  - source: s\n    quote: It rained\n");
        AssertFinding(Check(repo), "schema", "sources/s.yaml", "'snapshots/a\\\\u0000.txt' must be a relative path inside sources/");
        var build = CliRunner.Run(repo.Root, "build");
        Assert.Equal(0, build.ExitCode);
        Assert.True(File.Exists(repo.Full("site/index.html")));
    }
}
