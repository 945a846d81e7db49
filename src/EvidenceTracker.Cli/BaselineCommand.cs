using System.CommandLine;
using EvidenceTracker.App;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

internal static class BaselineCommand
{
    public static Command Create(CommandContext context)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"The baseline file to write (default: {EvidenceTracker.Checking.Baseline.DefaultFile} in the repository). An existing file is replaced only when it is a baseline.",
            HelpName = "FILE",
        };
        var command = new Command("baseline",
            "Record the current findings as a baseline, so that `evidence check --baseline FILE` reports only new ones.\n" +
            "Findings are keyed by rule, the ids they concern and their message, not by line: moved lines stay known.\n" +
            "Examples:\n  evidence baseline\n  evidence check --baseline .evidence-baseline.json")
        {
            output,
        };
        command.SetAction(parsed =>
        {
            var root = context.RootOf(parsed);
            var settings = new BaselineSettings
            {
                Root = root,
                Output = parsed.GetValue(output) is { } o
                    ? context.Environment.FullPath(o)
                    : Path.Combine(root, EvidenceTracker.Checking.Baseline.DefaultFile),
            };
            var result = BaselineService.Write(settings);
            var shown = context.Environment.WorkingDirectory is { } cwd ? Path.GetRelativePath(cwd, settings.Output) : settings.Output;
            if (result.Refused)
            {
                context.Error.WriteLine(TerminalText.Format($"error: '{shown}' exists and is not an evidence baseline; give another --output or remove it"));
                return ExitCodes.Findings;
            }
            context.Out.WriteLine(TerminalText.Format($"wrote {result.Findings} finding{(result.Findings == 1 ? "" : "s")} to {shown}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
