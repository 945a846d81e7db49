using System.CommandLine;
using EvidenceTracker.Reporting;
using EvidenceTracker.Verification;

namespace EvidenceTracker.Cli;

internal static class SnapshotCommand
{
    public static Command Create(CommandContext context)
    {
        var source = new Argument<string>("source") { Description = "The id of the source to archive." };
        var file = new Argument<string>("file")
        {
            Description = "A local copy of the source (HTML, Markdown or text, UTF-8) inside the repository.",
        };
        var format = GlobalOptions.Format(["text", "json"], "Output format.");
        var command = new Command("snapshot",
            "Archive a local copy of a source as its snapshot, for quote verification: copies FILE byte for byte to " +
            "sources/snapshots/<source>.<html|md|txt> and records snapshot, snapshot-sha256 and archived (today, UTC) in the " +
            "source file, keeping the rest of it as it was. FILE must lie inside the repository.\n" +
            "Exit code 0: archived; 1: unknown source, or FILE refused (outside the repository, not UTF-8, empty); 2: usage or I/O error.\n" +
            "Examples:\n  evidence snapshot cao-2023-panda downloads/cao-2023-panda.html\n  evidence snapshot qbitai-2025-06-25 sources/snapshots/qbitai-2025-06-25.txt")
        {
            source, file, format,
        };
        command.SetAction(parsed =>
        {
            var settings = new SnapshotSettings
            {
                Root = context.RootOf(parsed),
                Source = parsed.GetValue(source)!,
                File = parsed.GetValue(file)!,
                WorkingDirectory = context.Environment.WorkingDirectory,
                Today = context.Environment.Today(),
                Format = parsed.GetValue(format)!,
            };
            var outcome = SnapshotArchiver.Archive(settings);
            if (outcome.Archive is not { } archive)
            {
                context.Error.WriteLine($"error: {outcome.Message}");
                return outcome.Failure == SnapshotFailure.NoSuchFile ? ExitCodes.Usage : ExitCodes.Findings;
            }
            SnapshotFormatter.Write(archive, settings.Format, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
