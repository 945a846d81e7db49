
namespace EvidenceTracker.Verification;

/// <summary>What became of a citation's quote.</summary>
public enum QuoteStatus
{
    /// <summary>The citation has no quote (or cites no existing source).</summary>
    None,

    /// <summary>Found in the source's snapshot, which is intact.</summary>
    Verified,

    /// <summary>The snapshot does not contain it (a <c>quote-not-found</c> error).</summary>
    NotFound,

    /// <summary>Could not be checked: no snapshot, or the snapshot is missing, unreadable or changed.</summary>
    Unverified,
}
