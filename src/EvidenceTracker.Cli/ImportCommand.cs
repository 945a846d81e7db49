using System.CommandLine;
using EvidenceTracker.Importing;

namespace EvidenceTracker.Cli;

internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Markdown articles (.md), folders whose .md files are imported, or bibliographies (.bib BibTeX/BibLaTeX, .ris RIS, .json CSL-JSON).",
            Arity = ArgumentArity.OneOrMore,
        };
        var id = new Option<string?>("--id")
        {
            Description = "The article's id, for a single file (default: a slug of the file's name).",
            HelpName = "ID",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "List the files that would be written; write nothing.",
        };
        var format = GlobalOptions.Format(["text", "json"], "Output format.");
        var command = new Command("import",
            "Register articles: copy each, byte for byte, to articles/<id>.md; create a source for each footnote definition " +
            "(one per URL across all articles); draft a claim for each cited passage. Re-running changes nothing.\n" +
            "Bibliographies (.bib, .ris, .json): each entry becomes a source (its key, slugged, the id); duplicates by DOI, URL, " +
            "or title and year are merged, within the files and with existing sources, and reported.\n" +
            "Exit code 0: imported (or nothing to do); 1: refused because of the data (an article id taken by different content, " +
            "a file that is not UTF-8); 2: usage error or I/O failure.\n" +
            "Examples:\n  evidence import drafts/heat-pumps.md\n  evidence import posts/ --dry-run\n  evidence import notes.md --id heat-pumps\n" +
            "  evidence import library.bib zotero.json --format json")
        {
            paths, id, dryRun, format,
        };
        command.SetAction(parsed =>
        {
            var all = parsed.GetValue(paths) ?? [];
            // Dispatch by extension: bibliographies go to the bibliography importer, the rest are articles.
            var bibliographies = all.Where(p => ImportService.BibliographyExtensions.Contains(Path.GetExtension(p).ToLowerInvariant())).ToList();
            var articles = all.Except(bibliographies).ToList();
            var code = ExitCodes.Ok;
            if (bibliographies.Count > 0)
            {
                if (parsed.GetValue(id) is not null)
                {
                    throw new UsageException("--id names an article; it does not apply to bibliographies");
                }
                code = ImportBibCommand.Execute(new ImportBibSettings
                {
                    Root = context.RootOf(parsed),
                    Files = bibliographies.Select(f => context.Environment.FullPath(f)).ToList(),
                    DryRun = parsed.GetValue(dryRun),
                    Format = parsed.GetValue(format)!,
                }, context);
                if (articles.Count == 0)
                {
                    return code;
                }
            }
            var settings = new ImportSettings
            {
                Root = context.RootOf(parsed),
                Paths = articles,
                WorkingDirectory = context.Environment.BaseFor(articles),
                Id = parsed.GetValue(id),
                DryRun = parsed.GetValue(dryRun),
                Format = parsed.GetValue(format)!,
            };
            return Math.Max(code, Execute(settings, context));
        });
        return command;
    }

    public static int Execute(ImportSettings settings, CommandContext context)
    {
        var showProgress = context.Environment.StdoutIsTerminal && settings.Format == "text";
        var progressShown = false;
        void Progress(ImportProgress p)
        {
            if (showProgress && p.Total >= ImportService.ProgressThreshold)
            {
                context.Error.Write($"\rimporting {p.Done}/{p.Total}…");
                progressShown = true;
            }
        }
        var result = ImportService.Run(settings, Progress);
        if (progressShown)
        {
            context.Error.Write("\r\u001b[K");
        }
        ImportReport.Write(result, settings.Format, context.Out, context.Error);
        return result.ExitCode;
    }
}
