using System.CommandLine;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Cli;

/// <summary>What <c>evidence export</c> was asked to do.</summary>
public sealed record ExportSettings
{
    public required string Root { get; init; }
    public required string Format { get; init; }
    public string? Output { get; init; }
}

internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "csl-json (every field of a source; EvidenceTracker's own under \"custom\"), bibtex (BibLaTeX fields), ris, or hayagriva (YAML).",
            HelpName = string.Join('|', BibliographyExporter.Formats),
            Required = true,
        };
        format.AcceptOnlyFromAmong(BibliographyExporter.Formats);
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
            Format = parsed.GetValue(format)!,
            Output = parsed.GetValue(output),
        }, context));
        return command;
    }

    public static int Execute(ExportSettings settings, CommandContext context)
    {
        var set = RepositoryLoader.Load(settings.Root);
        var text = BibliographyExporter.Export(set.Sources, settings.Format);
        if (settings.Output is { } path)
        {
            OutputFile.Write(Path.GetFullPath(path, context.Environment.WorkingDirectory), writer => writer.Write(text));
        }
        else
        {
            context.Out.Write(text);
        }
        var broken = set.LoadFindings
            .Where(f => f.Severity == Severity.Error && f.File is { } file && file.StartsWith("sources/", StringComparison.Ordinal))
            .Select(f => f.File).Distinct().Count();
        var count = set.Sources.Select(s => s.Id).Distinct().Count();
        if (settings.Output is not null || broken > 0)
        {
            context.Error.WriteLine($"{count} source{(count == 1 ? "" : "s")} exported as {settings.Format}" +
                (broken > 0 ? $"; {broken} source file{(broken == 1 ? " has" : "s have")} errors (run `evidence check`)" : ""));
        }
        return broken > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
