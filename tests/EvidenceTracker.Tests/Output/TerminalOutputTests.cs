using System.Text.Json;
using EvidenceTracker.Cli;
using EvidenceTracker.Reporting;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Output;

/// <summary>Values reach a terminal or a CI log as data: no escape sequence, no workflow command, no reordering.</summary>
public class TerminalOutputTests
{
    private const string InjectedKey = "\"evil\\n::error file=README.md,line=1::INJECTED\": 1\n";

    /// <summary>A line GitHub Actions would run as a workflow command (the runner trims leading blanks first).</summary>
    private static List<string> CommandLines(string output) =>
        output.Split('\n').Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();

    private static void AssertNoUnsafeCharacter(string output)
    {
        var unsafeChars = output.Where(c => c != '\n' && TerminalText.IsUnsafe(c)).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(unsafeChars.Count == 0, "raw control characters in output: " + string.Join(", ", unsafeChars));
    }

    private static TempRepo HostileRepo()
    {
        var repo = new TempRepo("clean");
        repo.Write("claims/hostile.yaml",
            "id: hostile\nstatement: \"before \\e[2K\\e]0;title\\a after \\u202Ereversed\"\n" +
            "citations:\n  - source: \"gone\\e[31m\"\n" + InjectedKey);
        return repo;
    }

    [Fact]
    public void A_claim_key_with_a_line_break_cannot_start_a_workflow_command_in_text_output()
    {
        using var repo = HostileRepo();
        var result = CliRunner.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(CommandLines(result.Out));
        Assert.Contains("unknown field 'evil\\n::error file=README.md,line=1::INJECTED'", result.Out);
        AssertNoUnsafeCharacter(result.Out);
    }

    [Fact]
    public void A_claim_key_with_a_line_break_stays_inside_its_annotation_in_github_output()
    {
        using var repo = HostileRepo();
        var result = CliRunner.Run(repo.Root, "check", "--format", "github");
        Assert.Equal(1, result.ExitCode);
        var commands = CommandLines(result.Out);
        Assert.NotEmpty(commands);
        // the errors of the hostile key, and the warnings that its values hold control characters: nothing else
        Assert.All(commands, line => Assert.Matches("^::(error|warning) file=claims/hostile\\.yaml,", line));
        Assert.Contains(commands, line => line.StartsWith("::error file=claims/hostile.yaml,", StringComparison.Ordinal));
        Assert.Contains("unknown field 'evil%0A::error file=README.md,line=1::INJECTED'", result.Out);
        AssertNoUnsafeCharacter(result.Out);
    }

    [Fact]
    public void Github_output_escapes_percent_and_line_ends_in_messages_and_colons_and_commas_in_properties()
    {
        using var repo = new TempRepo("clean");
        repo.Write("claims/a,b:c.yaml", "id: a-b-c\nstatement: x\n\"100%\\r\": 1\n");
        var result = CliRunner.Run(repo.Root, "check", "--format", "github");
        Assert.Contains("file=claims/a%2Cb%3Ac.yaml,", result.Out);
        Assert.Contains("unknown field '100%25%0D'", result.Out);
    }

    [Fact]
    public void An_escape_sequence_in_a_statement_is_shown_escaped_by_check_list_and_show()
    {
        using var repo = HostileRepo();
        var check = CliRunner.Run(repo.Root, "check");
        Assert.Contains("'gone\\x1B[31m'", check.Out);
        var list = CliRunner.Run(repo.Root, "list", "claims");
        Assert.Contains("before \\x1B[2K\\x1B]0;title\\x07 after \\u202Ereversed", list.Out);
        var show = CliRunner.Run(repo.Root, "show", "hostile");
        Assert.Contains("statement  before \\x1B[2K\\x1B]0;title\\x07 after \\u202Ereversed", show.Out);
        Assert.Contains("gone\\x1B[31m", show.Out);
        foreach (var output in new[] { check.Out, list.Out, show.Out, show.Error })
        {
            AssertNoUnsafeCharacter(output);
            Assert.Empty(CommandLines(output));
        }
    }

    [Fact]
    public void A_source_title_with_control_characters_is_escaped_by_list_and_show()
    {
        using var repo = new TempRepo("clean");
        repo.Write("sources/odd.yaml", "id: odd\ntype: other\ntitle: \"A\\e[2J\\u0085B\\u2028C\\u2066D\\x7F\"\n");
        var list = CliRunner.Run(repo.Root, "list", "sources");
        Assert.Contains("A\\x1B[2J\\x85B\\u2028C\\u2066D\\x7F", list.Out);
        var show = CliRunner.Run(repo.Root, "show", "odd");
        Assert.Contains("title      A\\x1B[2J\\x85B\\u2028C\\u2066D\\x7F", show.Out);
        AssertNoUnsafeCharacter(list.Out + show.Out);
    }

    [Fact]
    public void An_unknown_id_with_an_escape_sequence_is_echoed_escaped_in_the_one_line_error()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "show", "x\u001b[2K\n::error::y");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("'x\\x1B[2K\\n::error::y'", result.Error);
    }

    [Fact]
    public void A_rejected_add_echoes_user_values_escaped()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "add", "claim", "--statement", "s", "--cite", "no\u001b[2Ksuch\n::error::x");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no\\x1B[2Ksuch\\n::error::x", result.Error);
        AssertNoUnsafeCharacter(result.Error);
        Assert.Empty(CommandLines(result.Error));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Json_and_sarif_reports_carry_control_characters_as_json_escapes(string format)
    {
        using var repo = HostileRepo();
        var result = CliRunner.Run(repo.Root, "check", "--format", format);
        AssertNoUnsafeCharacter(result.Out);
        Assert.Empty(CommandLines(result.Out));
        using var doc = JsonDocument.Parse(result.Out);
        var strings = new List<string>();
        Collect(doc.RootElement, strings);
        Assert.Contains(strings, s => s.Contains("evil\n::error file=README.md,line=1::INJECTED", StringComparison.Ordinal));
        Assert.Contains(strings, s => s.Contains("gone\u001b[31m", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show")]
    public void Json_listings_carry_bidi_overrides_as_escapes_that_read_back_as_the_same_text(string command)
    {
        using var repo = HostileRepo();
        var result = command == "list" ? CliRunner.Run(repo.Root, "list", "claims", "--format", "json") : CliRunner.Run(repo.Root, "show", "hostile", "--format", "json");
        AssertNoUnsafeCharacter(result.Out);
        Assert.Contains("after \\u202Ereversed", result.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Out);
        var strings = new List<string>();
        Collect(doc.RootElement, strings);
        Assert.Contains("before \u001b[2K\u001b]0;title\u0007 after \u202Ereversed", strings);
    }

    [Fact]
    public void Junit_reports_carry_no_control_characters()
    {
        using var repo = HostileRepo();
        var result = CliRunner.Run(repo.Root, "check", "--format", "junit");
        AssertNoUnsafeCharacter(result.Out);
        Assert.Empty(CommandLines(result.Out));
        System.Xml.Linq.XDocument.Parse(result.Out);
    }

    private static void Collect(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(e.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    Collect(x, into);
                }
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Collect(p.Value, into);
                }
                break;
            default:
                break;
        }
    }

    [Fact]
    public void Escape_shows_controls_separators_and_bidi_characters_and_keeps_tabs_and_other_text()
    {
        Assert.Equal("a\\nb\\rc\td\\x00\\x1B\\x7F\\x80\\x9F\\u2028\\u2029\\u202A\\u202E\\u2066\\u2069", TerminalText.Escape("a\nb\rc\td\0\u001b\u007f\u0080\u009f\u2028\u2029\u202a\u202e\u2066\u2069"));
        Assert.Equal("中文 café \u00a0 \u2027\u202f\u2065\u206a", TerminalText.Escape("中文 café \u00a0 \u2027\u202f\u2065\u206a"));
        const string plain = "plain text: 100% fine";
        Assert.Same(plain, TerminalText.Escape(plain));
    }

    [Fact]
    public void The_json_writer_finds_each_bidi_character_past_the_characters_between_the_two_ranges()
    {
        // U+2030 ‰, U+203B ※, U+2065 lie between U+202E and U+2066: the search passes them and stops at the first bidi character.
        foreach (var bidi in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        {
            Assert.Equal(6, TextWriterStream.IndexOfBidi($"中文‰※\u2065x{bidi}y\u202a"));
        }
        Assert.Equal(-1, TextWriterStream.IndexOfBidi("中文 5‰ ※ \u2029\u2065\u206a\u2027"));
        Assert.Equal(-1, TextWriterStream.IndexOfBidi(""));
        var json = new StringWriter();
        EvidenceTracker.Reporting.Json.Write(json, w => w.WriteStringValue("a‰\u202eb※\u2069c"));
        Assert.Equal("\"a‰\\u202Eb※\\u2069c\"\n", json.ToString());
    }

    [Fact]
    public void Format_keeps_its_literal_line_breaks_and_escapes_values_with_their_alignment()
    {
        var value = "x\ny";
        var number = 42;
        Assert.Equal("[x\\ny  ] [   42]\n", TerminalText.Format($"[{value,-6}] [{number,5}]\n"));
    }

    [Fact]
    public void An_argument_starting_with_at_is_a_value_not_a_response_file()
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, "add", "claim", "--statement", "@WHO reported 5 cases", "--cite", "smith-2023-caffeine");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("statement: \"@WHO reported 5 cases\"", repo.Read("claims/who-reported-5-cases.yaml"));
    }

    [Fact]
    public void Show_of_an_at_path_does_not_read_that_file()
    {
        using var repo = new TempRepo("clean");
        var secret = repo.Write("secret.txt", "secret-contents-8d41\n");
        var result = CliRunner.Run(repo.Root, "show", "@" + secret);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no claim or source has the id '@{secret}'", result.Error);
        Assert.DoesNotContain("secret-contents-8d41", result.Out + result.Error);
    }

    [Fact]
    public void Version_and_help_work_without_a_working_directory()
    {
        var env = new CliEnvironment { WorkingDirectory = null };
        var version = CliRunner.Run(env, ["--version"]);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(EvidenceCli.Version, version.Out.Trim());
        var help = CliRunner.Run(env, ["check", "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("evidence check", help.Out);
    }

    [Fact]
    public void A_command_without_a_working_directory_is_a_one_line_error_unless_the_root_is_absolute()
    {
        var env = new CliEnvironment { WorkingDirectory = null };
        var relative = CliRunner.Run(env, ["check"]);
        Assert.Equal(2, relative.ExitCode);
        Assert.Equal("error: the current directory no longer exists (was it deleted?); change to an existing folder or pass --root with an absolute path\n", relative.Error);
        var absolute = CliRunner.Run(env, ["--root", TestPaths.Fixture("clean"), "check"]);
        Assert.Equal(0, absolute.ExitCode);
        Assert.Empty(absolute.Error);
    }
}
