using System.CommandLine;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Cli;

/// <summary>
/// <c>evidence snapshot SOURCE FILE</c> (archive a local copy) and <c>evidence snapshot SOURCE… [--all] [--from]
/// [--refresh [--update]] [--wayback] [--offline]</c> (fetch and archive). Two arguments whose second is not an id
/// (it holds a dot, a slash or a capital) or names an existing file are SOURCE FILE.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CommandContext context)
    {
        var args = new Argument<string[]>("source")
        {
            Description = "The ids of the sources to fetch and archive; or one id and FILE, a local copy (HTML, PDF, Markdown or text; a file outside the repository, a download, is copied in).",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "SOURCE… | SOURCE FILE",
        };
        args.CompletionSources.Add(ctx => Completions.SourceIds(ctx, context));
        var all = new Option<bool>("--all") { Description = "Every cited source without a snapshot (with --refresh: every cited source with one)." };
        var from = GlobalOptions.OneOf<SnapshotOrigin>("--from", Names.SnapshotOrigins,
            "Where to fetch from: url (the source's url), pubmed (its abstract, by pmid) or doi (its DOI's landing page). Default: the first the source has, in that order.");
        from.HelpName = string.Join('|', Names.SnapshotOrigins.Order(StringComparer.Ordinal)); // as help has always shown it
        var refresh = new Option<bool>("--refresh") { Description = "Fetch sources that have a snapshot again and report, per quote, whether it is still found; changes nothing unless --update." };
        var update = new Option<bool>("--update") { Description = "With --refresh: archive the copy fetched again." };
        var wayback = new Option<bool>("--wayback") { Description = "Record archive-url: the Wayback Machine's closest copy of the page (EVIDENCE_WAYBACK_URL)." };
        var offline = new Option<bool>("--offline") { Description = "Never open a connection (fetching then fails; a local FILE is archived as usual)." };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output format.");
        var command = new Command("snapshot",
            "Archive a source as its snapshot, for quote verification: the original bytes go to sources/snapshots/<source>.<hash>.<html|pdf|md|txt> " +
            "and snapshot, snapshot-sha256 and archived (today, UTC) are recorded in the source file, keeping the rest of it as it was.\n" +
            "With SOURCE FILE: a local copy (anywhere; it is only read).\n" +
            "With SOURCE… (or --all): each source is fetched — its url; without one, its PubMed " +
            "abstract (by pmid, archived as text); else its DOI's landing page — through the polite client (EVIDENCE_DOI_URL, EVIDENCE_EUTILS_URL, " +
            "EVIDENCE_WAYBACK_URL set the services). A source that has a snapshot is fetched again only with --refresh.\n" +
            "Exit code 0: archived (or refreshed); 1: an unknown source, a fetch that failed, or a copy refused (not UTF-8, empty, a PDF without a text layer); " +
            "the others are done; 2: usage or I/O error.\n" +
            "Examples:\n  evidence snapshot cao-2023-panda downloads/cao-2023-panda.pdf\n  evidence snapshot qbitai-2025-06-25 cao-2023-panda\n" +
            "  evidence snapshot --all --wayback\n  evidence snapshot --all --refresh")
        {
            args, all, from, refresh, update, wayback, offline, format,
        };
        command.SetAction(parsed =>
        {
            var values = parsed.GetValue(args) ?? [];
            var fetching = parsed.GetValue(all) || parsed.GetValue(from) is not null || parsed.GetValue(refresh) || parsed.GetValue(update) || parsed.GetValue(wayback);
            if (!fetching && values.Length == 2 && IsFile(context, values[1]))
            {
                return Local(context, parsed, values[0], values[1], parsed.GetValue(format));
            }
            if (values.Length == 0 && !parsed.GetValue(all))
            {
                throw new UsageException("name the sources to fetch (or --all), or a source and a FILE to archive");
            }
            if (parsed.GetValue(update) && !parsed.GetValue(refresh))
            {
                throw new UsageException("--update goes with --refresh (a source without a snapshot is archived anyway)");
            }
            var lookup = LookupCommand.Settings(context, parsed, refresh: true) with { Offline = parsed.GetValue(offline) };
            var settings = new FetchSettings
            {
                Lookup = lookup,
                Sources = values,
                All = parsed.GetValue(all),
                From = parsed.GetValue(from),
                Refresh = parsed.GetValue(refresh),
                Update = parsed.GetValue(update),
                Wayback = parsed.GetValue(wayback),
                Progress = line => context.Error.WriteLine(TerminalText.Format($"{line}")),
            };
            var report = SnapshotFetcher.Run(settings).GetAwaiter().GetResult();
            FetchFormatter.Write(report, parsed.GetValue(format), context.Out, context.Error);
            return report.AnyFailed ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Whether the second of two arguments is a FILE: not an id's shape, or a file that exists.</summary>
    private static bool IsFile(CommandContext context, string value)
    {
        if (Model.Values.SlugProblem(value) is not null)
        {
            return true;
        }
        try
        {
            var path = Path.Combine(context.Environment.BaseFor([value]), value);
            return File.Exists(path) || Directory.Exists(path);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or ArgumentException)
        {
            return false;
        }
    }

    private static int Local(CommandContext context, ParseResult parsed, string source, string file, OutputFormat format)
    {
        var settings = new SnapshotSettings
        {
            Root = context.RootOf(parsed),
            Source = source,
            File = file,
            WorkingDirectory = context.Environment.BaseFor([file]),
            Today = context.Environment.Today(),
            Format = format,
        };
        var outcome = SnapshotArchiver.Archive(settings);
        if (outcome.Archive is not { } archive)
        {
            context.Error.WriteLine(TerminalText.Format($"error: {outcome.Message}"));
            return outcome.Failure == SnapshotFailure.NoSuchFile ? ExitCodes.Usage : ExitCodes.Findings;
        }
        SnapshotFormatter.Write(archive, settings.Format, context.Out);
        return ExitCodes.Ok;
    }
}
