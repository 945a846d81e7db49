using EvidenceTracker.App;
using EvidenceTracker.Reporting;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Output;

/// <summary>
/// A control character in a value (typed as a YAML escape, or taken from a web page) is reported by check, left out of
/// the site's Markdown twins and of the exports, and shown escaped in every message on standard error.
/// </summary>
public class ControlCharacterTests
{
    private const string Esc = "\u001b";

    private static TempRepo Repo()
    {
        var repo = new TempRepo("clean");
        repo.Write("sources/smith-2023-caffeine.yaml",
            "id: smith-2023-caffeine\ntype: journal-article\ntitle: \"Evening \\e[2J caffeine\\a\"\n" +
            "authors: [\"Doe, J\\e]0;pwned\\a\"]\npublisher: Journal\ndate: 2023-11-20\nlevel: primary\n");
        repo.Write("claims/esc.yaml",
            "id: esc\nstatement: \"Sleep fell \\e[31mby 41 minutes\\e[0m.\"\ntags: [\"a\\e[2Kb\"]\ncitations:\n  - source: smith-2023-caffeine\n");
        return repo;
    }

    private static void AssertNoControl(string text, string what)
    {
        var found = text.Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.True(found.Count == 0, $"{what} holds raw control characters: {string.Join(", ", found)}");
    }

    [Fact]
    public void Check_warns_of_each_field_that_holds_a_control_character()
    {
        using var repo = Repo();
        var report = EvidenceQueries.Check(repo.Root);
        var warnings = report.Findings.Where(f => f.Message.Contains("holds a control character", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, f => f.File == "claims/esc.yaml" && f.Message.StartsWith("field 'statement'", StringComparison.Ordinal) && f.Line == 2);
        Assert.Contains(warnings, f => f.File == "claims/esc.yaml" && f.Message.StartsWith("field 'tags'", StringComparison.Ordinal));
        Assert.Contains(warnings, f => f.File == "sources/smith-2023-caffeine.yaml" && f.Message.StartsWith("field 'title'", StringComparison.Ordinal));
        Assert.Contains(warnings, f => f.File == "sources/smith-2023-caffeine.yaml" && f.Message.StartsWith("field 'authors'", StringComparison.Ordinal));
        Assert.All(warnings, f => Assert.Equal(EvidenceTracker.Diagnostics.Severity.Warning, f.Severity));
    }

    [Fact]
    public void The_markdown_twins_leave_control_characters_out()
    {
        using var repo = Repo();
        repo.Write("articles/esc-article.md", "# Title\n\nSleep fell \u001b[31mby 41 minutes\u0007.\n");
        var result = CliRunner.Run(repo.Root, "build");
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        foreach (var page in (string[])["site/claims/esc.md", "site/sources/smith-2023-caffeine.md", "site/README.md", "site/articles/esc-article.md", "site/matrix.md"])
        {
            var text = repo.Read(page);
            AssertNoControl(text, page);
        }
        Assert.Contains("by 41 minutes", repo.Read("site/claims/esc.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bibtex")]
    [InlineData("ris")]
    public void Exports_leave_control_characters_out(string format)
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, "export", "--format", format);
        AssertNoControl(result.Out, format);
        Assert.Contains("caffeine", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--", result.Out.Replace("ER  - ", "", StringComparison.Ordinal).Replace("---", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lookup", Esc + "[31mX")]
    [InlineData("show", Esc + "]0;pwned\u0007")]
    [InlineData("check", "--baseline", "/tmp/" + Esc + "[31m-missing")]
    public void An_argument_echoed_in_an_error_is_shown_escaped(params string[] args)
    {
        using var repo = Repo();
        var result = CliRunner.Run(repo.Root, args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("\\x1B", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stderr_writer_escapes_what_a_terminal_would_act_on_and_keeps_line_feeds()
    {
        var inner = new StringWriter();
        using var writer = new EvidenceTracker.Cli.SafeErrorWriter(inner);
        writer.WriteLine("error: no source has the id '" + Esc + "[31mX'");
        writer.Write('\u0007');
        writer.Write("tab\tkept\n".ToCharArray(), 0, 9);
        Assert.Equal("error: no source has the id '\\x1B[31mX'\n" + TerminalText.Escape("\u0007") + "tab\tkept\n", inner.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
