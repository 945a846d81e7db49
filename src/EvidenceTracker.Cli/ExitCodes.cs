using System.CommandLine;
using System.Reflection;

namespace EvidenceTracker.Cli;

/// <summary>Exit codes of every command, as the contract defines them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
