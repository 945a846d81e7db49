using System.CommandLine;
using EvidenceTracker.Model;
using EvidenceTracker.App;
using EvidenceTracker.Checking;
using EvidenceTracker.Reporting;
using EvidenceTracker.Storage;

namespace EvidenceTracker.Cli;

internal static class CheckCommand
{
    public static Command Create(CommandContext context)
    {
        var format = GlobalOptions.Format<ReportFormat>(Names.ReportFormats,
            "Output format: text (grouped by file), json (the contract's report), sarif (GitHub code scanning), github (workflow annotations), junit (one test case per claim).");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output: a regular file is replaced atomically; a named pipe or a device (/dev/stdout) is written to.",
            HelpName = "FILE",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Leave out the findings recorded in FILE by `evidence baseline`: only new findings are printed and set the exit code.",
            HelpName = "FILE",
        };
        var command = new Command("check",
            "Run every rule over the evidence repository and report the findings.\n" +
            "Exit code 0: no error-level finding; 1: error-level findings; 2: usage error, not an evidence repository, or an I/O failure.\n" +
            "Examples:\n  evidence check\n  evidence check --format sarif --output evidence.sarif\n  evidence check --format github\n  evidence check --baseline .evidence-baseline.json\n" +
            "With --format github and GITHUB_STEP_SUMMARY set, a Markdown summary of every finding is appended to that file.")
        {
            format,
            output,
            baseline,
        };
        command.SetAction(parsed =>
        {
            var settings = new CheckSettings
            {
                Root = context.RootOf(parsed),
                Format = parsed.GetValue(format),
                Output = parsed.GetValue(output),
                Baseline = parsed.GetValue(baseline) is { } b ? context.Environment.FullPath(b) : null,
            };
            return Execute(settings, context, color: settings.Output is null && context.UseColor(parsed));
        });
        return command;
    }

    public static int Execute(CheckSettings settings, CommandContext context, bool color)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        CheckTimings? timings = null;
        var known = settings.Baseline is { } baselinePath
            ? Baseline.Read(baselinePath, Shown(baselinePath, context.Environment.WorkingDirectory))
            : null;
        var report = EvidenceQueries.Check(settings.Root, context.Environment.Timings ? new CheckObserver(t => timings = t) : null);
        if (known is not null)
        {
            report = known.Apply(report);
        }
        var checkedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var formatter = ReportFormats.Create(settings.Format, color, EvidenceCli.Version);
        if (settings.Output is { } path)
        {
            OutputFile.Write(context.Environment.FullPath(path), writer => formatter.Write(report, writer), settings.Root);
            context.Error.WriteLine(new TextFormatter(false).SummaryLine(report));
        }
        else
        {
            formatter.Write(report, context.Out);
        }
        if (settings.Format == ReportFormat.Github && context.Environment.Variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            AppendStepSummary(report, summary, settings.Root, context);
        }
        if (timings is { } t)
        {
            var stages = string.Join(", ", t.Stages.Select(s => FormattableString.Invariant($"{s.Name} {s.Time.TotalSeconds:0.000} s ({s.Allocated >> 20} MB, paused {s.Paused.TotalSeconds:0.000} s)")));
            context.Error.WriteLine(FormattableString.Invariant(
                $"timings: stages {stages}; report {System.Diagnostics.Stopwatch.GetElapsedTime(checkedAt).TotalSeconds:0.000} s"));
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            context.Error.WriteLine(FormattableString.Invariant(
                $"timings: load {t.Load.TotalSeconds:0.000} s (cpu {t.LoadCpu.TotalSeconds:0.000} s, {t.LoadAllocated >> 20} MB allocated, paused {t.LoadPaused.TotalSeconds:0.000} s), rules {t.Rules.TotalSeconds:0.000} s, verification {t.Verification.TotalSeconds:0.000} s (cpu {t.VerificationCpu.TotalSeconds:0.000} s; snapshots {t.Snapshotting.TotalSeconds:0.000} s, claims {t.Claims.TotalSeconds:0.000} s; {t.Snapshots} snapshots, {t.Quotes} quotes looked up)"));
            context.Error.WriteLine(FormattableString.Invariant(
                $"timings: total {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.000} s; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused; {GC.GetTotalAllocatedBytes() >> 20} MB allocated; last full blocking collection paused {full.PauseDurations[0].TotalSeconds:0.000} s with {full.HeapSizeBytes >> 20} MB heap"));
        }
        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>A path as messages show it: relative to the working directory when inside it (/dev/fd/63 stays as it is).</summary>
    private static string Shown(string path, string? workingDirectory)
    {
        var relative = workingDirectory is null ? path : Path.GetRelativePath(workingDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    /// <summary>
    /// Appends the Markdown summary to the job summary file. A file that cannot be written is a warning on stderr:
    /// the check's own result stands.
    /// </summary>
    private static void AppendStepSummary(CheckReport report, string path, string root, CommandContext context)
    {
        var env = context.Environment;
        string? linkBase = null;
        if (env.Variable("GITHUB_SERVER_URL") is { Length: > 0 } server && env.Variable("GITHUB_REPOSITORY") is { Length: > 0 } repo
            && env.Variable("GITHUB_SHA") is { Length: > 0 } sha)
        {
            var sub = env.Variable("GITHUB_WORKSPACE") is { Length: > 0 } workspace ? Path.GetRelativePath(workspace, root).Replace('\\', '/') : ".";
            linkBase = $"{server}/{repo}/blob/{sha}" + (sub is "." || sub.StartsWith("..", StringComparison.Ordinal) ? "" : "/" + sub);
        }
        if (OutputFile.EvidenceProblem(env.FullPath(path), root) is not null)
        {
            context.Error.WriteLine($"warning: GITHUB_STEP_SUMMARY='{path}' names the repository's evidence; the job summary is not written there");
            return;
        }
        try
        {
            using var text = new StringWriter();
            GitHubStepSummary.Write(report, text, linkBase);
            // a regular file only: a named pipe nobody reads would block the check, a device take the summary nowhere
            UserFile.Append(env.FullPath(path), path, new System.Text.UTF8Encoding(false).GetBytes(text.ToString()));
        }
        catch (UserFileException ex)
        {
            context.Error.WriteLine($"warning: cannot write the job summary to '{path}': it {ex.Reason.ReplaceLineEndings(" ")}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            context.Error.WriteLine($"warning: cannot write the job summary to '{path}': {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
