using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;

namespace EvidenceTracker.Checking;

/// <summary>The result of running every rule over an evidence set.</summary>
public sealed record CheckReport
{
    public required EvidenceSet Set { get; init; }
    /// <summary>Findings with their configured severity (rules set to off removed), sorted by file, line, column.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<ClaimStatus> Claims { get; init; }

    /// <summary>
    /// The retraction, expression-of-concern and correction notices that <c>evidence lookup</c> cached, by source id
    /// (sources with none left out), in the order the cache records them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Lookup.UpdateNotice>> Notices { get; init; } =
        new Dictionary<string, IReadOnlyList<Lookup.UpdateNotice>>(StringComparer.Ordinal);

    /// <summary>Set when a baseline was applied: its findings still found (and left out of <see cref="Findings"/>), and those fixed.</summary>
    public (int Remaining, int Fixed)? Baseline { get; init; }

    /// <summary>The findings that count: all but the suppressed ones.</summary>
    public IEnumerable<Finding> Counted => Findings.Where(f => !f.Suppressed);

    /// <summary>The counts of the report (one pass over its findings and one over its claims).</summary>
    public CheckSummary Summary
    {
        get
        {
            int errors = 0, warnings = 0, notes = 0, suppressed = 0;
            foreach (var f in Findings)
            {
                if (f.Suppressed)
                {
                    suppressed++;
                    continue;
                }
                switch (f.Severity)
                {
                    case Severity.Error:
                        errors++;
                        break;
                    case Severity.Warning:
                        warnings++;
                        break;
                    case Severity.Note:
                        notes++;
                        break;
                }
            }
            var support = Enum.GetValues<SupportLevel>().ToDictionary(l => l, _ => 0);
            foreach (var c in Claims)
            {
                support[c.Support]++;
            }
            return new CheckSummary(Claims.Count, Set.Sources.Count, Set.Articles.Count, errors, warnings, notes, support)
            {
                Suppressed = suppressed,
                BaselineRemaining = Baseline?.Remaining,
                BaselineFixed = Baseline?.Fixed ?? 0,
            };
        }
    }

    public bool HasErrors => Counted.Any(f => f.Severity == Severity.Error);

    public IEnumerable<Finding> FindingsFor(string claimOrSourceId, bool isClaim) =>
        Findings.Where(f => isClaim ? f.Claim == claimOrSourceId : f.Source == claimOrSourceId && f.Claim is null);
}
