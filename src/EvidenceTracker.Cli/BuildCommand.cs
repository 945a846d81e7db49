using System.CommandLine;
using EvidenceTracker.App;

namespace EvidenceTracker.Cli;

internal static class BuildCommand
{
    public static Command Create(CommandContext context)
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The folder to write the site to (default: site/ in the repository).",
            HelpName = "DIR",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 when the site folder differs from what a build would write (for CI).",
        };
        var command = new Command("build",
            "Build the evidence map: index, article, claim and source pages in HTML and Markdown, the claims × sources matrix and evidence.json.\n" +
            "Only files whose bytes change are written; pages that no longer exist are removed.\n" +
            "Examples:\n  evidence build\n  evidence build --out public\n  evidence build --check")
        {
            output, check,
        };
        command.SetAction(parsed =>
        {
            var settings = new BuildSettings
            {
                Root = context.RootOf(parsed),
                Out = parsed.GetValue(output) is { } o ? Path.GetFullPath(o, context.Environment.WorkingDirectory) : null,
                CheckOnly = parsed.GetValue(check),
            };
            var (result, outDir, files) = SiteService.Build(settings);
            var shown = Path.GetRelativePath(context.Environment.WorkingDirectory, outDir);
            if (settings.CheckOnly)
            {
                if (result.Stale.Count == 0)
                {
                    context.Out.WriteLine($"{shown}/ is up to date ({files} files)");
                    return ExitCodes.Ok;
                }
                context.Out.WriteLine($"{shown}/ is stale: {result.Stale.Count} of {files} files differ; run `evidence build` and commit the result");
                foreach (var f in result.Stale.Take(20))
                {
                    context.Out.WriteLine($"  {f}");
                }
                if (result.Stale.Count > 20)
                {
                    context.Out.WriteLine($"  … and {result.Stale.Count - 20} more");
                }
                return ExitCodes.Findings;
            }
            context.Out.WriteLine($"{shown}/: {result.Written.Count} written, {result.Unchanged} unchanged, {result.Removed.Count} removed ({files} files)");
            context.Out.WriteLine(OpenHint(Path.Combine(shown, "index.html")));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Where the map starts and how to open it, in a form a shell takes as it is.</summary>
    public static string OpenHint(string index)
    {
        var path = index.Replace('\\', '/');
        var quoted = path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_') ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        return $"open the map: {quoted} (xdg-open {quoted} on Linux, open {quoted} on macOS)";
    }
}
