using System.CommandLine;
using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Reporting;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var format = GlobalOptions.Format(ReportFormats.Names,
            "Output format: text (grouped by file), json (the contract's report), sarif (GitHub code scanning), github (workflow annotations), junit (one test case per claim).");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output (written atomically).",
            HelpName = "FILE",
        };
        var command = new Command("check",
            "Run every rule over the evidence repository and report the findings.\n" +
            "Exit code 0: no error-level finding; 1: error-level findings; 2: usage error, not an evidence repository, or an I/O failure.\n" +
            "Examples:\n  evidence check\n  evidence check --format sarif --output evidence.sarif\n  evidence check --format github")
        {
            format,
            output,
        };
        command.SetAction(parsed =>
        {
            var settings = new CheckSettings
            {
                Root = context.RootOf(parsed),
                Format = parsed.GetValue(format)!,
                Output = parsed.GetValue(output),
            };
            return Execute(settings, context, color: settings.Output is null && context.UseColor(parsed));
        });
        return command;
    }

    public static int Execute(CheckSettings settings, CommandContext context, bool color)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        CheckTimings? timings = null;
        var report = EvidenceQueries.Check(settings.Root, context.Environment.Timings ? new CheckObserver(t => timings = t) : null);
        var formatter = ReportFormats.Create(settings.Format, color, EvidenceCli.Version);
        if (settings.Output is { } path)
        {
            AtomicFile.Write(Path.GetFullPath(path, context.Environment.WorkingDirectory), writer => formatter.Write(report, writer));
            context.Error.WriteLine(new TextFormatter(false).SummaryLine(report));
        }
        else
        {
            formatter.Write(report, context.Out);
        }
        if (timings is { } t)
        {
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            context.Error.WriteLine(FormattableString.Invariant(
                $"timings: load {t.Load.TotalSeconds:0.000} s (cpu {t.LoadCpu.TotalSeconds:0.000} s), rules {t.Rules.TotalSeconds:0.000} s, verification {t.Verification.TotalSeconds:0.000} s (cpu {t.VerificationCpu.TotalSeconds:0.000} s; snapshots {t.Snapshotting.TotalSeconds:0.000} s, claims {t.Claims.TotalSeconds:0.000} s; {t.Snapshots} snapshots, {t.Quotes} quotes looked up)"));
            context.Error.WriteLine(FormattableString.Invariant(
                $"timings: total {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.000} s; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused; {GC.GetTotalAllocatedBytes() >> 20} MB allocated; last full blocking collection paused {full.PauseDurations[0].TotalSeconds:0.000} s with {full.HeapSizeBytes >> 20} MB heap"));
        }
        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
