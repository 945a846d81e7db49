using System.CommandLine;
using EvidenceTracker.App;
using EvidenceTracker.Site;
using EvidenceTracker.Reporting;

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
        var force = new Option<bool>("--force")
        {
            Description = "Write into a folder that holds files no build wrote: they are kept, except those where a page goes, which are replaced.",
        };
        var full = new Option<bool>("--full")
        {
            Description = "Render every page and compare it with the folder, even those whose inputs did not change since the last build (restores pages edited by hand).",
        };
        var command = new Command("build",
            "Build the evidence map: index, article, claim and source pages in HTML and Markdown, the claims × sources matrix and evidence.json.\n" +
            "Only pages whose inputs changed since the last build are rendered, and only files whose bytes change are written, each\n" +
            "through a temporary file. A build removes only the files an earlier build\n" +
            "wrote (listed in the folder's .evidence-site.json), never follows a link, and refuses a folder holding the evidence or .git.\n" +
            "Examples:\n  evidence build\n  evidence build --out public\n  evidence build --check")
        {
            output, check, force, full,
        };
        command.SetAction(parsed =>
        {
            var settings = new BuildSettings
            {
                Root = context.RootOf(parsed),
                Out = parsed.GetValue(output) is { } o ? context.Environment.FullPath(o) : null,
                CheckOnly = parsed.GetValue(check),
                Force = parsed.GetValue(force),
                Full = parsed.GetValue(full),
            };
            SiteWriteResult result;
            string outDir;
            int files;
            try
            {
                (result, outDir, files) = SiteService.Build(settings);
            }
            catch (SiteOutputException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            var shown = context.Environment.WorkingDirectory is { } cwd ? Path.GetRelativePath(cwd, outDir) : outDir;
            if (settings.CheckOnly)
            {
                if (result.Stale.Count == 0)
                {
                    context.Out.WriteLine(TerminalText.Format($"{shown}/ is up to date ({files} files)"));
                    return ExitCodes.Ok;
                }
                context.Out.WriteLine(TerminalText.Format($"{shown}/ is stale: {result.Stale.Count} of {files} files differ; run `evidence build` and commit the result"));
                foreach (var f in result.Stale.Take(20))
                {
                    context.Out.WriteLine(TerminalText.Format($"  {f}"));
                }
                if (result.Stale.Count > 20)
                {
                    context.Out.WriteLine($"  … and {result.Stale.Count - 20} more");
                }
                return ExitCodes.Findings;
            }
            context.Out.WriteLine(TerminalText.Format($"{shown}/: {result.Written.Count} written, {result.Unchanged} unchanged, {result.Removed.Count} removed ({files} files)"));
            foreach (var f in result.Kept)
            {
                context.Out.WriteLine(TerminalText.Format($"  kept {f}: an earlier build wrote it, and it was changed since"));
            }
            context.Out.WriteLine(TerminalText.Format($"{OpenHint(Path.Combine(shown, "index.html"))}"));
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
