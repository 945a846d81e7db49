using EvidenceTracker.Model;

namespace EvidenceTracker.Verification;

/// <summary>
/// A claim's support and its leads. Support is what the claim cites itself with <c>stance: supports</c>; a lead is a
/// source that a cited source reports on (<c>reports-on</c>) and that the claim does not cite: the research to check,
/// never counted as support.
/// </summary>
public static class Chains
{
    /// <summary>The existing sources the claim cites with <c>stance: supports</c>, in citation order, each once.</summary>
    public static IReadOnlyList<string> Supporting(Claim claim, IReadOnlyDictionary<string, Source> sources)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sources);
        return claim.Citations.Where(c => c.Stance == Stance.Supports && sources.ContainsKey(c.Source)).Select(c => c.Source).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the claim itself cites a primary source in support.</summary>
    public static bool RestsOnPrimary(Claim claim, IReadOnlyDictionary<string, Source> sources) =>
        Supporting(claim, sources).Any(id => sources[id].Level == SourceLevel.Primary);

    /// <summary>
    /// The sources that the claim's cited sources (any stance) report on and that the claim does not cite itself,
    /// in order of first mention, each once. Only one step: the leads of the sources the claim cites.
    /// </summary>
    public static IReadOnlyList<string> Leads(Claim claim, IReadOnlyDictionary<string, Source> sources)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sources);
        var cited = new HashSet<string>(claim.Citations.Select(c => c.Source), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var leads = new List<string>();
        foreach (var id in claim.Citations.Select(c => c.Source).Where(sources.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            foreach (var next in sources[id].ReportsOn)
            {
                if (sources.ContainsKey(next) && !cited.Contains(next) && seen.Add(next))
                {
                    leads.Add(next);
                }
            }
        }
        return leads;
    }
}
