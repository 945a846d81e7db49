using System.CommandLine;
using EvidenceTracker.App;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Model;

namespace EvidenceTracker.Cli;

internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var format = GlobalOptions.Format<BibliographyFormat>(Names.BibliographyFormats, [.. BibliographyExporter.Formats.Select(Names.Of)],
            "csl-json (every field of a source; EvidenceTracker's own under \"custom\"), bibtex (BibLaTeX fields), ris, or hayagriva (YAML).",
            required: true);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to FILE instead of standard output: a regular file is replaced atomically; a named pipe or a device (/dev/stdout) is written to.",
            HelpName = "FILE",
        };
        var command = new Command("export",
            "Export the sources as a bibliography, ordered by id.\n" +
            "Exit code 0: exported; 1: some source files could not be read (the others are exported; see `evidence check`); 2: usage or I/O error.\n" +
            "Examples:\n  evidence export --format bibtex --output references.bib\n  evidence export --format csl-json")
        {
            format, output,
        };
        command.SetAction(parsed => Execute(new ExportSettings
        {
            Root = context.RootOf(parsed),
            Format = parsed.GetValue(format),
            Output = parsed.GetValue(output),
            WorkingDirectory = context.Environment.BaseFor(parsed.GetValue(output) is { } o ? [o] : []),
        }, context));
        return command;
    }

    public static int Execute(ExportSettings settings, CommandContext context)
    {
        var result = ExportService.Run(settings);
        if (result.Text is { } text)
        {
            context.Out.Write(text);
        }
        var (count, broken) = (result.Exported, result.BrokenFiles);
        if (settings.Output is not null || broken > 0)
        {
            context.Error.WriteLine($"{count} source{(count == 1 ? "" : "s")} exported as {Names.Of(settings.Format)}" +
                (broken > 0 ? $"; {broken} source file{(broken == 1 ? " has" : "s have")} errors (run `evidence check`)" : ""));
        }
        return result.Partial ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
