using EvidenceTracker.Reporting;
using System.CommandLine;
using EvidenceTracker.Lookup;
using EvidenceTracker.Network;

namespace EvidenceTracker.Cli;

/// <summary><c>evidence lookup [SOURCE…] [--all] [--refresh] [--offline]</c>.</summary>
internal static class LookupCommand
{
    public static readonly Option<bool> Offline = new("--offline")
    {
        Description = "Use sources/.cache only; never open a connection (a look-up the cache cannot answer fails).",
    };

    public static Command Create(CommandContext context)
    {
        var sources = new Argument<string[]>("source") { Description = "The ids of the sources to look up (default: every source).", Arity = ArgumentArity.ZeroOrMore, HelpName = "source" };
        sources.CompletionSources.Add(ctx => Completions.SourceIds(ctx, context));
        var all = new Option<bool>("--all") { Description = "Look up every source (the default when no id is given)." };
        var refresh = new Option<bool>("--refresh") { Description = "Ask the services again even where sources/.cache has an answer." };
        var command = new Command("lookup",
            "Fill the missing fields of existing sources from their identifiers (DOI, PubMed id, arXiv id; the URL's own page when it has none) " +
            "and fetch their retraction and correction records, into sources/.cache/ (commit it: check, build and CI read it without a network).\n" +
            "What a source file already says is never changed. Services: doi.org, Crossref, PubMed E-utilities, arXiv; each base URL can be set by\n" +
            "EVIDENCE_DOI_URL, EVIDENCE_CROSSREF_URL, EVIDENCE_EUTILS_URL, EVIDENCE_ARXIV_URL; EVIDENCE_MAILTO adds a contact to the User-Agent; NCBI_API_KEY is honoured.\n" +
            "Exit code 0: every look-up answered; 1: some failed or an id is unknown (the others are done); 2: usage error or I/O failure.\n" +
            "Examples:\n  evidence lookup\n  evidence lookup cao-2023-panda --refresh\n  evidence lookup --offline")
        {
            sources, all, refresh, Offline,
        };
        command.SetAction(parsed =>
        {
            var settings = Settings(context, parsed, parsed.GetValue(refresh));
            var report = LookupService.Run(settings, parsed.GetValue(sources) ?? [], parsed.GetValue(all)).GetAwaiter().GetResult();
            return Write(report, context);
        });
        return command;
    }

    /// <summary>The look-up settings of a command: endpoints from the environment, today's date, --offline.</summary>
    public static LookupSettings Settings(CommandContext context, ParseResult parsed, bool refresh)
    {
        var endpoints = ServiceEndpoints.From(context.Environment.Variable, out var problem);
        if (problem is not null)
        {
            throw new UsageException(problem);
        }
        return new LookupSettings
        {
            Root = Loading.RepositoryLoader.ResolveRoot(context.RootOf(parsed)),
            Endpoints = endpoints,
            Version = EvidenceCli.Version,
            Today = context.Environment.Today(),
            Offline = parsed.GetValue(Offline),
            Refresh = refresh,
        };
    }

    private static int Write(LookupReport report, CommandContext context)
    {
        foreach (var id in report.UnknownIds)
        {
            context.Error.WriteLine($"error: no source has the id '{id}'");
        }
        int filled = 0, failed = 0, none = 0;
        foreach (var s in report.Sources)
        {
            foreach (var p in s.Problems)
            {
                context.Error.WriteLine($"error: {s.Id}: {p}");
            }
            failed += s.Problems.Count > 0 ? 1 : 0;
            if (s.NoIdentifier)
            {
                none++;
                continue;
            }
            if (s.Filled.Count > 0)
            {
                filled++;
                context.Out.WriteLine(TerminalText.Format($"filled {s.File}: {string.Join(", ", s.Filled)}"));
            }
            foreach (var n in s.Notices)
            {
                context.Out.WriteLine(TerminalText.Format($"notice {s.Id}: {n.Kind.Replace('_', ' ')}{(n.Doi is null ? "" : $" (notice {n.Doi})")}{(n.RecordedBy is null ? "" : $", recorded by {n.RecordedBy}")}"));
            }
        }
        context.Out.WriteLine($"lookup: {report.Sources.Count} source{(report.Sources.Count == 1 ? "" : "s")}, {filled} filled, {failed} failed, {none} without an identifier; {report.Requests} request{(report.Requests == 1 ? "" : "s")} made");
        return report.AnyFailed ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
