namespace EvidenceTracker.Cli;

/// <summary>
/// Asks for a missing required value on a terminal; without one (CI, pipes) a missing value is a usage
/// error that names the option, never a wait for input that will not come.
/// </summary>
internal sealed class Prompter(CommandContext context)
{
    public bool Interactive => context.Environment.StdinIsTerminal;

    /// <summary>The value given, else the answer to a prompt, else a usage error naming <paramref name="option"/>.</summary>
    public string Require(string? given, string option, string question, IReadOnlyCollection<string>? choices = null)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }
        if (!Interactive)
        {
            throw new UsageException($"{option} is required: pass it on the command line (it is asked for only on a terminal)");
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var answer = Ask(question, choices);
            if (answer is null)
            {
                break;
            }
            if (answer.Length > 0)
            {
                return answer;
            }
        }
        throw new UsageException($"{option} is required and no value was given");
    }

    /// <summary>An optional value: the answer, or null for an empty answer or the end of input.</summary>
    public string? Ask(string question, IReadOnlyCollection<string>? choices = null)
    {
        var error = context.Error;
        if (choices is { Count: > 0 })
        {
            error.WriteLine($"{question}; one of:");
            foreach (var choice in choices.Take(40))
            {
                error.WriteLine(Reporting.TerminalText.Format($"  {choice}"));
            }
            if (choices.Count > 40)
            {
                error.WriteLine($"  … and {choices.Count - 40} more (see `evidence list`)");
            }
        }
        error.Write($"{question}: ");
        error.Flush();
        var line = context.Environment.Input.ReadLine();
        return line?.Trim();
    }
}
