using System.CommandLine;
using EvidenceTracker.Bibliography;

namespace EvidenceTracker.Cli;

/// <summary>What <c>evidence import-bib</c> was asked to do.</summary>
public sealed record ImportBibSettings
{
    public required string Root { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public bool DryRun { get; init; }
    public string Format { get; init; } = "text";
}

/// <summary>
/// TEMPORARY: bibliographies are imported by <c>evidence import FILE.bib|.ris|.json</c> (by extension) once the
/// article importer lands; until then this command exposes <see cref="BibliographyImporter"/> on its own.
/// </summary>
internal static class ImportBibCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Bibliography files: .bib (BibTeX/BibLaTeX), .ris (RIS, Web of Science), .json (CSL-JSON).",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created, merged and skipped; write nothing." };
        var format = GlobalOptions.Format(["text", "json"], "Output format.");
        var command = new Command("import-bib",
            "Import bibliographies as sources: each entry becomes sources/<id>.yaml (the entry key, slugged, is the id); " +
            "duplicates (same DOI, URL, or title and year) are merged, within the files and with existing sources.\n" +
            "Exit code 0: imported; 1: some entries could not be read (reported with file, line and column; the others are imported); 2: usage or I/O error.\n" +
            "Examples:\n  evidence import-bib library.bib\n  evidence import-bib export.ris zotero.json --dry-run --format json")
        {
            files, dryRun, format,
        };
        command.SetAction(parsed =>
        {
            var settings = new ImportBibSettings
            {
                Root = context.RootOf(parsed),
                Files = parsed.GetValue(files)!.Select(f => Path.GetFullPath(f, context.Environment.WorkingDirectory)).ToList(),
                DryRun = parsed.GetValue(dryRun),
                Format = parsed.GetValue(format)!,
            };
            return Execute(settings, context);
        });
        return command;
    }

    public static int Execute(ImportBibSettings settings, CommandContext context)
    {
        BibliographyImportResult result;
        try
        {
            result = BibliographyImporter.Import(settings.Root, settings.Files, settings.DryRun);
        }
        catch (BibliographyFileException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        ImportReport.Write(result, settings.Format, context.Out);
        return result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
