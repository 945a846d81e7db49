using System.CommandLine;
using EvidenceTracker.Model;
using EvidenceTracker.Authoring;

namespace EvidenceTracker.Cli;

internal static class SetCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The id of the claim or source.", HelpName = "id" };
        id.CompletionSources.Add(ctx => Completions.ClaimIds(ctx, context).Concat(Completions.SourceIds(ctx, context)).Distinct());
        var field = new Argument<string>("field")
        {
            Description = "The field: statement, verdict, note, tags, level, title, date, doi, reports-on, keys…, or a citation's quote, locator or stance as citations[SOURCE].quote.",
        };
        var values = new Argument<string[]>("value")
        {
            Description = "The new value; for a list field (tags, authors, reports-on, keys) every item, replacing the list.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var clear = new Option<bool>("--clear") { Description = "Remove the field (a required field cannot be cleared)." };
        var kind = new Option<string?>("--kind") { Description = "claim or source, where one id names both.", HelpName = "claim|source" };
        kind.AcceptOnlyFromAmong("claim", "source");
        var format = GlobalOptions.Format<OutputFormat>(Names.OutputFormats, "Output: the id and path (text), or the edited record (json).");
        var command = new Command("set",
            "Set one field of a claim or source, keeping the rest of the file byte for byte (comments, order, quoting, BOM, line ends).\n" +
            "The value is validated as `add` validates it; nothing is written when it is invalid (exit 1). An empty value is refused: use --clear.\n" +
            "Examples:\n  evidence set panda-missed-lesions statement \"DAMO PANDA found 31 missed pancreatic cancers\"\n" +
            "  evidence set panda-missed-lesions verdict supported\n  evidence set panda-missed-lesions tags pancreatic-cancer damo-panda\n" +
            "  evidence set panda-missed-lesions 'citations[qbitai-2025-06-25].quote' \"找出了31例\"\n" +
            "  evidence set cao-2023-panda level primary\n  evidence set cao-2023-panda note --clear")
        {
            id, field, values, clear, kind, format,
        };
        command.SetAction(parsed =>
        {
            var settings = new SetFieldSettings
            {
                Root = context.RootOf(parsed),
                Id = parsed.GetValue(id)!,
                Field = parsed.GetValue(field)!,
                Values = parsed.GetValue(values) ?? [],
                Clear = parsed.GetValue(clear),
                Kind = parsed.GetValue(kind),
            };
            return AddCommand.WriteOutcome(SetService.Set(settings), parsed.GetValue(format), context);
        });
        return command;
    }
}
