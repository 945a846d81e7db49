
namespace EvidenceTracker.Loading;

/// <summary>The root is missing, or is not an evidence repo: a usage error (exit 2), not a finding.</summary>
public sealed class EvidenceRootException(string message) : Exception(message)
{
    public EvidenceRootException()
        : this("not an evidence repository")
    {
    }

    public EvidenceRootException(string message, Exception inner)
        : this(message) => _ = inner;
}
