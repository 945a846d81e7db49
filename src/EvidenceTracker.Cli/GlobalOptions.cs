using System.CommandLine;
using System.CommandLine.Parsing;
using EvidenceTracker.Model;
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

    /// <summary><c>--format</c>/<c>-f</c>, any spelling of <paramref name="spellings"/>; without it, the first.</summary>
    public static Option<T> Format<T>(string[] spellings, string description) where T : struct, Enum =>
        Format<T>(spellings, spellings, description);

    /// <summary>
    /// <c>--format</c>/<c>-f</c>, one of <paramref name="allowed"/> (spellings of <paramref name="spellings"/>, the
    /// enumeration's one spelling table in <see cref="Names"/>), parsed into the enumeration. Without it the value is the
    /// enumeration's default, its first member, which must be <paramref name="allowed"/>[0] unless the option is
    /// <paramref name="required"/>.
    /// </summary>
    public static Option<T> Format<T>(string[] spellings, string[] allowed, string description, bool required = false) where T : struct, Enum
    {
        if (!required && allowed[0] != spellings[0])
        {
            throw new ArgumentException($"the default format '{allowed[0]}' is not the first member of {typeof(T).Name}", nameof(allowed));
        }
        var option = new Option<T>("--format", "-f")
        {
            // the default is shown as the parser shows one, by its spelling (an enumeration's default would show its member name)
            Description = required ? description : $"{description} [default: {allowed[0]}]",
            HelpName = string.Join('|', allowed),
            Required = required,
            CustomParser = result => Parse<T>(spellings, result) ?? default,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary>
    /// An option whose value, when given, is one of <paramref name="spellings"/> (an enumeration's spelling table in
    /// <see cref="Names"/>), parsed into the enumeration: help lists the spellings, completion offers them and anything
    /// else is the parser's usage error.
    /// </summary>
    public static Option<T?> OneOf<T>(string name, string[] spellings, string description) where T : struct, Enum
    {
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', spellings),
            CustomParser = result => Parse<T>(spellings, result),
        };
        option.AcceptOnlyFromAmong(spellings);
        return option;
    }

    // the validator of AcceptOnlyFromAmong reports a token that is not a spelling (before conversion); this only converts
    private static T? Parse<T>(string[] spellings, ArgumentResult result) where T : struct, Enum =>
        result.Tokens.Count > 0 && Names.TryParse(spellings, result.Tokens[^1].Value, out T value) ? value : null;
}
