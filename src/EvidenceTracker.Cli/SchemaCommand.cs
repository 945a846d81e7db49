using System.CommandLine;
using EvidenceTracker.Loading;

namespace EvidenceTracker.Cli;

internal static class SchemaCommand
{
    public static Command Create(CommandContext context)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "The file kind: claim (claims/*.yaml), source (sources/*.yaml) or config (evidence.yaml).",
        };
        kind.AcceptOnlyFromAmong(JsonSchemas.Kinds);
        var command = new Command("schema",
            "Print the JSON Schema (draft 2020-12) of a file kind, for editors and other tools; the same schemas ship in schemas/.\n" +
            "Examples:\n  evidence schema claim\n  evidence schema config > evidence.schema.json")
        {
            kind,
        };
        command.SetAction(parsed =>
        {
            JsonSchemas.Write(parsed.GetValue(kind)!, context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
