using System.CommandLine;
using System.Reflection;

namespace EvidenceTracker.Cli;

/// <summary>A usage problem found after parsing (for example a missing file): exit 2.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("usage error")
    {
    }

    public UsageException(string message, Exception inner)
        : this(message) => _ = inner;
}
