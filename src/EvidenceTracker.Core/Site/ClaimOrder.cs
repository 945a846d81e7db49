using EvidenceTracker.Checking;
using EvidenceTracker.Model;

namespace EvidenceTracker.Site;

/// <summary>
/// The order of claims on the index and the sources' pages: weakest first. By support level (contradicted,
/// unsupported, draft, cited, quoted, verified; a draft is a claim whose statement is still the import placeholder),
/// then by verdict (contradicted, unsupported, unverifiable, none recorded, partly-supported, supported), then by id.
/// </summary>
internal static class ClaimOrder
{
    /// <summary>Rank of a verdict, weakest first; no verdict sits between unverifiable and partly-supported.</summary>
    public static int VerdictRank(Verdict? verdict) => verdict switch
    {
        Verdict.Contradicted => 0,
        Verdict.Unsupported => 1,
        Verdict.Unverifiable => 2,
        null => 3,
        Verdict.PartlySupported => 4,
        _ => 5,
    };

    /// <summary>Rank of a support level, weakest first: a draft sorts after unsupported and before cited.</summary>
    public static int LevelRank(SupportLevel level) => level switch
    {
        SupportLevel.Contradicted => 0,
        SupportLevel.Unsupported => 1,
        SupportLevel.Draft => 2,
        SupportLevel.Cited => 3,
        SupportLevel.Quoted => 4,
        _ => 5,
    };

    /// <summary>Rank of a claim's support, weakest first (<see cref="LevelRank"/>).</summary>
    public static int SupportRank(ClaimStatus claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return LevelRank(claim.Support);
    }

    /// <summary>A draft: the statement is still the import placeholder (the support level <see cref="SupportLevel.Draft"/>).</summary>
    public static bool IsDraft(ClaimStatus claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Support == SupportLevel.Draft;
    }

    public static IReadOnlyList<ClaimStatus> WeakestFirst(IEnumerable<ClaimStatus> claims) =>
        claims.OrderBy(SupportRank).ThenBy(c => VerdictRank(c.Claim.Verdict)).ThenBy(c => c.Claim.Id, StringComparer.Ordinal).ToList();
}
