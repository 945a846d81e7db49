using System.CommandLine;
using EvidenceTracker.Authoring;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

internal static class MoveCommand
{
    public static Command Create(CommandContext context)
    {
        var old = new Argument<string>("old") { Description = "The id of the claim or source to rename.", HelpName = "old" };
        old.CompletionSources.Add(ctx => Completions.ClaimIds(ctx, context).Concat(Completions.SourceIds(ctx, context)).Distinct());
        var @new = new Argument<string>("new") { Description = "The new id (a lowercase slug that no other claim, or source, has).", HelpName = "new" };
        var kind = RemoveCommand.KindOption();
        var command = new Command("mv",
            "Rename a claim or source: its file (in its sub-folder), a source's snapshot file, and every citation and reports-on that names it.\n" +
            "Every edit is checked before any is made, and they are made together: all of them, or, if one fails, none.\n" +
            "Each edited file keeps every other byte (comments, order, quoting, BOM, line ends).\n" +
            "Examples:\n  evidence mv qbitai-2025-06-25 qbitai-panda-report\n  evidence mv todo-claim-3 panda-missed-lesions")
        {
            old, @new, kind,
        };
        command.SetAction(parsed => RemoveCommand.Write(MoveService.Move(new RepositoryEditSettings
        {
            Root = context.RootOf(parsed),
            Id = parsed.GetValue(old)!,
            NewId = parsed.GetValue(@new)!,
            Kind = parsed.GetValue(kind),
        }), context));
        return command;
    }
}

internal static class RemoveCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The id of the claim or source to remove.", HelpName = "id" };
        id.CompletionSources.Add(ctx => Completions.ClaimIds(ctx, context).Concat(Completions.SourceIds(ctx, context)).Distinct());
        var force = new Option<bool>("--force") { Description = "Also remove the citations and reports-on items that name the source." };
        var kind = KindOption();
        var command = new Command("rm",
            "Remove a claim, or a source that no claim cites and no source reports on, with the snapshot `evidence snapshot` wrote for it.\n" +
            "A source that is referred to is refused, naming what refers to it; --force removes those references too (in place).\n" +
            "Nothing the tool did not write is deleted besides the file named: a snapshot of your own naming is kept.\n" +
            "Examples:\n  evidence rm todo-claim-3\n  evidence rm sina-finance-2025-06-25-2 --force")
        {
            id, force, kind,
        };
        command.SetAction(parsed => Write(RemoveService.Remove(new RepositoryEditSettings
        {
            Root = context.RootOf(parsed),
            Id = parsed.GetValue(id)!,
            Force = parsed.GetValue(force),
            Kind = parsed.GetValue(kind),
        }), context));
        return command;
    }

    internal static Option<string?> KindOption()
    {
        var kind = new Option<string?>("--kind") { Description = "claim or source, where one id names both.", HelpName = "claim|source" };
        kind.AcceptOnlyFromAmong("claim", "source");
        return kind;
    }

    internal static int Write(RepositoryEditResult result, CommandContext context)
    {
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine(TerminalText.Format($"error: {problem}"));
            }
            return ExitCodes.Findings;
        }
        foreach (var change in result.Changes)
        {
            context.Out.WriteLine(TerminalText.Format($"{change}"));
        }
        return ExitCodes.Ok;
    }
}
