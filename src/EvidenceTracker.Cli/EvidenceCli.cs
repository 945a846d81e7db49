using System.CommandLine;
using System.Reflection;
using EvidenceTracker.Loading;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Cli;

/// <summary>
/// The <c>evidence</c> command line: builds the command tree, parses, and runs one command with the given
/// writers. Parse errors are usage errors (exit 2); every failure ends in a one-line message, never a trace.
/// </summary>
public static class EvidenceCli
{
    public static string Version { get; } =
        typeof(EvidenceCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(env);
        var terminal = stderr;
        stderr = new SafeErrorWriter(stderr);
        var context = new CommandContext(stdout, stderr, env) { Terminal = terminal };
        var root = BuildRoot(context);
        // No response files: an argument starting with @ is a value (--statement "@WHO reported 5 cases"), never a
        // file name whose contents replace it.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(TerminalText.Format($"error: {error.Message}"));
            }
            var command = string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? "evidence" : $"evidence {CommandPath(parsed.CommandResult)}");
            stderr.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
            stdout.Flush(); // a failing write (a full disk behind a redirect) is reported here, not as a trace at disposal
            return code;
        }
        catch (EvidenceRootException ex)
        {
            stderr.WriteLine(TerminalText.Format($"error: {ex.Message}"));
            return ExitCodes.Usage;
        }
        catch (EvidenceTracker.Checking.BaselineException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine(TerminalText.Format($"error: {ex.Message}"));
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(TerminalText.Format($"error: {ex.Message}"));
            return ExitCodes.Usage;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }
        return string.Join(' ', names);
    }

    internal static RootCommand BuildRoot(CommandContext context)
    {
        var root = new RootCommand(
            "evidence: track the claims of an article and the sources that support them.\n" +
            "Claims and sources are YAML files in git (claims/, sources/); `evidence check` verifies them in CI.")
        {
            GlobalOptions.Root,
            GlobalOptions.NoColor,
        };
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(AddCommand.Create(context));
        root.Subcommands.Add(CiteCommand.Create(context));
        root.Subcommands.Add(SetCommand.Create(context));
        root.Subcommands.Add(MoveCommand.Create(context));
        root.Subcommands.Add(RemoveCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(BaselineCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        root.Subcommands.Add(SnapshotCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(LookupCommand.Create(context));
        return root;
    }
}
