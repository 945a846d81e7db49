namespace EvidenceTracker.Cli;

public static class Program
{
    public static int Main(string[] args) =>
        EvidenceCli.Run(args, Console.Out, Console.Error, CliEnvironment.FromConsole());
}
