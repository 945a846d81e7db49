using EvidenceTracker.Cli;

namespace EvidenceTracker.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the evidence CLI in-process with string writers.</summary>
public static class CliRunner
{
    public static CliResult Run(string root, params string[] args) =>
        Run(CliEnvironment.Plain(root), ["--root", root, .. args]);

    public static CliResult Run(CliEnvironment env, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = EvidenceCli.Run(args, stdout, stderr, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
