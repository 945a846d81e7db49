
namespace EvidenceTracker.Site;

/// <summary>A claim's cited sources, its leads, and whether it rests on primary research it cites in support.</summary>
public sealed record ClaimChain(IReadOnlyList<string> Cited, IReadOnlyList<string> Leads, bool RestsOnPrimary);
