using System.CommandLine;
using EvidenceTracker.Model;
using EvidenceTracker.Importing;

namespace EvidenceTracker.Cli;

internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = $"Markdown articles ({ImportFormats.List(bibliographies: false)}), folders whose articles are imported, "
                + $"or bibliographies (BibTeX/BibLaTeX, RIS, CSL-JSON: {ImportFormats.List(bibliographies: true)}).",
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
        var links = new Option<bool>("--links")
        {
            Description = "Also make a source of each page an article links to (http(s); titled from the link's text, its host the "
                + "publisher; one per URL, existing sources reused) and draft a claim for each sentence holding such a link.",
        };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output format.");
        var command = new Command("import",
            "Register articles: copy each, byte for byte, to articles/<id>.md; create a source for each footnote definition " +
            "(one per URL across all articles); draft a claim for each cited passage. Re-running changes nothing.\n" +
            $"Bibliographies ({ImportFormats.List(bibliographies: true)}): each entry becomes a source (its key, slugged, the id); duplicates by DOI, URL, " +
            "or title and year are merged, within the files and with existing sources, and reported.\n" +
            "Exit code 0: imported (or nothing to do); 1: refused because of the data (an article id taken by different content, " +
            "a file that is not UTF-8); 2: usage error or I/O failure.\n" +
            "Examples:\n  evidence import drafts/heat-pumps.md\n  evidence import posts/ --dry-run\n  evidence import post.md --links\n  evidence import notes.md --id heat-pumps\n" +
            "  evidence import library.bib zotero.json --format json")
        {
            paths, id, dryRun, links, format,
        };
        command.SetAction(parsed => Execute(new ImportSettings
        {
            Root = context.RootOf(parsed),
            Paths = parsed.GetValue(paths) ?? [],
            WorkingDirectory = context.Environment.BaseFor(parsed.GetValue(paths) ?? []),
            Id = parsed.GetValue(id),
            DryRun = parsed.GetValue(dryRun),
            Links = parsed.GetValue(links),
            Format = parsed.GetValue(format),
        }, context));
        return command;
    }

    public static int Execute(ImportSettings settings, CommandContext context)
    {
        var showProgress = context.Environment.StdoutIsTerminal && settings.Format == OutputFormat.Text;
        var progressShown = false;
        void Progress(ImportProgress p)
        {
            if (showProgress && p.Total >= ImportService.ProgressThreshold)
            {
                context.Terminal.Write($"\rimporting {p.Done}/{p.Total}…");
                progressShown = true;
            }
        }
        var result = ImportService.Run(settings, Progress);
        if (progressShown)
        {
            context.Terminal.Write("\r\u001b[K");
        }
        ImportReport.Write(result, settings.Format, context.Out, context.Error);
        return result.Outcome switch
        {
            ImportOutcome.Imported => ExitCodes.Ok,
            ImportOutcome.Refused => ExitCodes.Findings,
            _ => ExitCodes.Usage,
        };
    }
}
