
namespace EvidenceTracker.Importing;

/// <summary>How an import ended; the command line maps it to an exit code.</summary>
public enum ImportOutcome
{
    /// <summary>Imported, or nothing to do.</summary>
    Imported,
    /// <summary>Refused, wholly or in part, because of the data: an article or an entry that cannot be imported.</summary>
    Refused,
    /// <summary>A usage or I/O problem: nothing was imported.</summary>
    Usage,
}
