using System.Text;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Verification;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Lookup;

public sealed record LookupReport(IReadOnlyList<SourceLookup> Sources, int Requests, IReadOnlyList<string> UnknownIds)
{
    public bool AnyFailed => UnknownIds.Count > 0 || Sources.Any(s => s.Problems.Count > 0);
}
