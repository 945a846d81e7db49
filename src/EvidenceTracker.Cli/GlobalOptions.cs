using System.CommandLine;
using System.Reflection;

namespace EvidenceTracker.Cli;

public static class GlobalOptions
{
    public static readonly Option<string> Root = new("--root")
    {
        Description = "The evidence repository to work on (the folder with evidence.yaml, claims/, sources/, articles/).",
        HelpName = "DIR",
        DefaultValueFactory = _ => ".",
        Recursive = true,
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "Plain output without ANSI colours (also when NO_COLOR is set or output is not a terminal).",
        Recursive = true,
    };

    public static Option<string> Format(string[] allowed, string description)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
