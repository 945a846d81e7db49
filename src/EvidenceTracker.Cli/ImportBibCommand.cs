using System.CommandLine;
using EvidenceTracker.Bibliography;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

/// <summary>What the bibliography half of <c>evidence import</c> was asked to do.</summary>
public sealed record ImportBibSettings
{
    public required string Root { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public bool DryRun { get; init; }
    public string Format { get; init; } = "text";
}

/// <summary>The bibliography half of <c>evidence import</c>: .bib, .ris and .json files, dispatched by extension.</summary>
internal static class ImportBibCommand
{
    public static int Execute(ImportBibSettings settings, CommandContext context)
    {
        BibliographyImportResult result;
        try
        {
            result = BibliographyImporter.Import(settings.Root, settings.Files, settings.DryRun);
        }
        catch (BibliographyFileException ex)
        {
            context.Error.WriteLine(TerminalText.Format($"error: {ex.Message}"));
            return ExitCodes.Usage;
        }
        ImportReport.Write(result, settings.Format, context.Out);
        return result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
