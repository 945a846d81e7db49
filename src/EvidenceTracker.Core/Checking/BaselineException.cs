namespace EvidenceTracker.Checking;

/// <summary>A baseline file that cannot be used: missing, not JSON, of another version, or not a baseline.</summary>
public sealed class BaselineException(string message) : Exception(message)
{
    public BaselineException()
        : this("not a baseline")
    {
    }

    public BaselineException(string message, Exception inner)
        : this(message) => _ = inner;
}
