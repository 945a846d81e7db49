
namespace EvidenceTracker.Verification;

/// <summary>The state of a source's archived snapshot, as <c>check</c> finds it.</summary>
public enum SnapshotState
{
    /// <summary>Read, and its bytes match <c>snapshot-sha256</c> (or no hash is recorded).</summary>
    Intact,

    /// <summary>Read, but its bytes no longer match <c>snapshot-sha256</c>: quotes are looked up, but verify nothing.</summary>
    Changed,

    /// <summary>The file does not exist.</summary>
    Missing,

    /// <summary>Cannot be used: outside the repository, too large, not UTF-8, or unreadable.</summary>
    Unreadable,
}
