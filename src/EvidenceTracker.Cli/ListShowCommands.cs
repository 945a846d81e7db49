using System.CommandLine;
using EvidenceTracker.App;
using EvidenceTracker.Model;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

internal static class ListCommand
{
    private static readonly string[] Kinds = ["claims", "sources", "articles"];

    public static Command Create(CommandContext context)
    {
        var kind = new Argument<string>("what")
        {
            Description = "What to list: claims, sources or articles.",
        };
        kind.AcceptOnlyFromAmong(Kinds);
        var support = new Option<string?>("--support")
        {
            Description = "Only claims with this support level.",
            HelpName = string.Join('|', Names.SupportLevels),
        };
        support.AcceptOnlyFromAmong(Names.SupportLevels);
        var tag = new Option<string?>("--tag") { Description = "Only claims with this tag.", HelpName = "TAG" };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output format.");
        var command = new Command("list",
            "List the claims, sources or articles of the repository.\n" +
            "Examples:\n  evidence list claims --support unsupported\n  evidence list sources --format json")
        {
            kind, support, tag, format,
        };
        command.SetAction(parsed =>
        {
            var settings = new ListSettings
            {
                Root = context.RootOf(parsed),
                Kind = Enum.Parse<ListKind>(parsed.GetValue(kind)!, ignoreCase: true),
                Support = parsed.GetValue(support) is { } s && Names.TryParse(Names.SupportLevels, s, out SupportLevel level) ? level : null,
                Tag = parsed.GetValue(tag),
                Format = parsed.GetValue(format),
            };
            if (settings.Kind != ListKind.Claims && (settings.Support is not null || settings.Tag is not null))
            {
                throw new UsageException("--support and --tag filter claims only: use `evidence list claims --support LEVEL`");
            }
            var (report, claims) = EvidenceQueries.ListClaims(settings);
            switch (settings.Kind)
            {
                case ListKind.Claims:
                    ListingFormatter.WriteClaims(claims, settings.Format, context.Out);
                    break;
                case ListKind.Sources:
                    ListingFormatter.WriteSources(report.Set.Sources.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), settings.Format, context.Out);
                    break;
                default:
                    ListingFormatter.WriteArticles(report.Set.Articles.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(), report.Claims, settings.Format, context.Out);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

internal static class ShowCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The id of a claim or a source." };
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output format.");
        var command = new Command("show",
            "Show one claim (its statement, support level, verdict, citations and findings) or one source (its reference and the claims that cite it).\n" +
            "Examples:\n  evidence show panda-missed-lesions-31\n  evidence show cao-2023-panda --format json")
        {
            id, format,
        };
        command.SetAction(parsed =>
        {
            var settings = new ShowSettings
            {
                Root = context.RootOf(parsed),
                Id = parsed.GetValue(id)!,
                Format = parsed.GetValue(format),
            };
            var result = EvidenceQueries.Show(settings);
            if (result is null)
            {
                var report = EvidenceQueries.Check(settings.Root);
                var hint = EvidenceQueries.Suggest(report, settings.Id);
                context.Error.WriteLine(hint is null
                    ? TerminalText.Format($"error: no claim or source has the id '{settings.Id}'; see `evidence list claims` and `evidence list sources`")
                    : TerminalText.Format($"error: no claim or source has the id '{settings.Id}'; did you mean '{hint}'?"));
                return ExitCodes.Findings;
            }
            ListingFormatter.WriteShow(result, settings.Format, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
