using EvidenceTracker.Cli;
using EvidenceTracker.Model;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Commands;

/// <summary>
/// <c>--format</c> is parsed into an enumeration through its one spelling table (<see cref="Names"/>): the spellings,
/// the help, the completion and the error for an unknown format are those the command line has always had.
/// </summary>
public class FormatOptionTests
{
    public static TheoryData<ReportFormat> ReportFormatMembers() => [.. Enum.GetValues<ReportFormat>()];

    public static TheoryData<OutputFormat> OutputFormatMembers() => [.. Enum.GetValues<OutputFormat>()];

    [Theory]
    [MemberData(nameof(ReportFormatMembers))]
    public void Every_report_format_round_trips_through_its_spelling(ReportFormat format)
    {
        Assert.True(Names.TryParse(Names.ReportFormats, Names.Of(format), out ReportFormat back));
        Assert.Equal(format, back);
    }

    [Theory]
    [MemberData(nameof(OutputFormatMembers))]
    public void Every_output_format_round_trips_through_its_spelling(OutputFormat format)
    {
        Assert.True(Names.TryParse(Names.OutputFormats, Names.Of(format), out OutputFormat back));
        Assert.Equal(format, back);
    }

    public static TheoryData<BibliographyFormat> BibliographyFormatMembers() => [.. Enum.GetValues<BibliographyFormat>()];

    [Theory]
    [MemberData(nameof(BibliographyFormatMembers))]
    public void Every_bibliography_format_round_trips_through_its_spelling(BibliographyFormat format)
    {
        Assert.True(Names.TryParse(Names.BibliographyFormats, Names.Of(format), out BibliographyFormat back));
        Assert.Equal(format, back);
    }

    [Fact]
    public void Export_writes_every_bibliography_format_but_csl_yaml_and_import_reads_every_one_but_hayagriva()
    {
        Assert.Equal(["csl-json", "bibtex", "ris", "hayagriva"], EvidenceTracker.Bibliography.BibliographyExporter.Formats.Select(Names.Of));
        var read = EvidenceTracker.Importing.ImportFormats.Table.Select(t => t.Format.Bibliography).OfType<BibliographyFormat>().Distinct().Order();
        Assert.Equal([BibliographyFormat.CslJson, BibliographyFormat.BibTex, BibliographyFormat.Ris, BibliographyFormat.CslYaml], read);
    }

    [Theory]
    [InlineData("csl-json", "[\n  {\n    \"id\": \"example-times-2024-03-02\"")]
    [InlineData("bibtex", "@article{example-times-2024-03-02,")]
    [InlineData("ris", "TY  - NEWS")]
    [InlineData("hayagriva", "example-times-2024-03-02:\n  type: article")]
    public void Each_export_spelling_selects_its_writer(string format, string expected)
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "export", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(expected, result.Out);
    }

    [Fact]
    public void Csl_yaml_is_read_by_import_but_is_not_an_export_format()
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "export", "--format", "csl-yaml");
        Assert.Equal((2, "error: Argument 'csl-yaml' not recognized. Must be one of:\\n\t'csl-json'\\n\t'bibtex'\\n\t'ris'\\n\t'hayagriva'\nRun 'evidence export --help' for usage.\n"),
            (result.ExitCode, result.Error));
    }

    [Fact]
    public void The_format_spellings_are_those_of_the_contract_with_text_first()
    {
        Assert.Equal(["text", "json", "sarif", "github", "junit"], Names.ReportFormats);
        Assert.Equal(["text", "json"], Names.OutputFormats);
        Assert.Equal(Enum.GetValues<ReportFormat>().Length, Names.ReportFormats.Length);
        Assert.Equal(Enum.GetValues<OutputFormat>().Length, Names.OutputFormats.Length);
        Assert.Equal((ReportFormat)0, ReportFormat.Text);
        Assert.Equal((OutputFormat)0, OutputFormat.Text);
    }

    private const string TextOrJson = @"error: Argument 'bogus' not recognized. Must be one of:\n	'text'\n	'json'";

    [Theory]
    [InlineData(@"error: Argument 'bogus' not recognized. Must be one of:\n	'text'\n	'json'\n	'sarif'\n	'github'\n	'junit'", "check", "check")]
    [InlineData(TextOrJson, "list", "list", "claims")]
    [InlineData(TextOrJson, "show", "show", "coffee-cuts-sleep-41-minutes")]
    [InlineData(TextOrJson, "import", "import", "post.md")]
    [InlineData(TextOrJson, "snapshot", "snapshot", "--all")]
    [InlineData(TextOrJson, "add source", "add", "source", "--title", "T")]
    [InlineData(TextOrJson, "add claim", "add", "claim", "--statement", "S")]
    [InlineData(TextOrJson, "cite", "cite", "coffee-cuts-sleep-41-minutes", "sleep-trial-2020")]
    [InlineData(TextOrJson, "set", "set", "coffee-cuts-sleep-41-minutes", "note", "n")]
    [InlineData(@"error: Argument 'bogus' not recognized. Must be one of:\n	'csl-json'\n	'bibtex'\n	'ris'\n	'hayagriva'", "export", "export")]
    public void An_unknown_format_is_the_same_one_line_usage_error_with_exit_2(string error, string command, params string[] args)
    {
        using var repo = new TempRepo("clean");
        var result = CliRunner.Run(repo.Root, [.. args, "--format", "bogus"]);
        Assert.Equal((2, "", $"{error}\nRun 'evidence {command} --help' for usage.\n"), (result.ExitCode, result.Out, result.Error));
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    [InlineData("1")]
    public void A_format_is_matched_by_its_exact_spelling_only_not_by_member_name_or_number(string format)
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "list", "claims", "--format", format);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: Argument '{format}' not recognized.", result.Error);
    }

    [Theory]
    [InlineData("-f, --format <text|json|sarif|github|junit>", "[default: text]", "check")]
    [InlineData("-f, --format <text|json>", "Output format. [default: text]", "list")]
    [InlineData("-f, --format <text|json>", "[default: text]", "add", "source")]
    [InlineData("-f, --format <csl-json|bibtex|ris|hayagriva> (REQUIRED)", "hayagriva (YAML).\n", "export")]
    public void Help_lists_the_spellings_and_the_default_by_its_spelling(string label, string after, params string[] command)
    {
        var help = CliRunner.Run(TestPaths.Fixture("clean"), [.. command, "--help"]);
        Assert.Equal(0, help.ExitCode);
        var line = help.Out.Split('\n').Single(l => l.Contains(label, StringComparison.Ordinal)) + "\n";
        Assert.Contains(after, line);
        Assert.DoesNotContain("[default: Text]", help.Out);
    }

    [Theory]
    [InlineData("check --format ", "github\njson\njunit\nsarif\ntext\n")]
    [InlineData("list claims -f ", "json\ntext\n")]
    [InlineData("import x.md --format j", "json\n")]
    [InlineData("export --format ", "bibtex\ncsl-json\nhayagriva\nris\n")]
    [InlineData("add source --type ne", "news\n")]
    public void Completion_offers_the_spellings(string line, string expected)
    {
        var result = CliRunner.Run(CliEnvironment.Plain(TestPaths.Fixture("clean")), [$"[suggest:{line.Length}]", line]);
        Assert.Equal((0, expected), (result.ExitCode, result.Out));
    }

    [Theory]
    [InlineData("text", "coffee-cuts-sleep-41-minutes  ")]
    [InlineData("json", "\"id\": \"coffee-cuts-sleep-41-minutes\"")]
    public void Each_spelling_selects_its_output(string format, string expected)
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "list", "claims", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Out);
    }
}
