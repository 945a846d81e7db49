using System.CommandLine;
using System.Reflection;

namespace EvidenceTracker.Cli;

/// <summary>The writers and environment a command runs with.</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, CliEnvironment Environment)
{
    /// <summary>
    /// Standard error as written, for progress lines that redraw themselves (a carriage return, an erase-line
    /// sequence); <see cref="Error"/> shows such characters as escapes. Only the tool's own fixed sequences go here.
    /// </summary>
    public TextWriter Terminal { get; init; } = Error;

    public string RootOf(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var root = parsed.GetValue(GlobalOptions.Root);
        return Environment.FullPath(string.IsNullOrEmpty(root) ? "." : root);
    }

    /// <summary>Colour on a terminal, unless --no-color or NO_COLOR says otherwise.</summary>
    public bool UseColor(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return Environment.StdoutIsTerminal && !Environment.NoColor && !parsed.GetValue(GlobalOptions.NoColor);
    }
}
