
namespace EvidenceTracker.Lookup;

public sealed record LookupReport(IReadOnlyList<SourceLookup> Sources, int Requests, IReadOnlyList<string> UnknownIds)
{
    public bool AnyFailed => UnknownIds.Count > 0 || Sources.Any(s => s.Problems.Count > 0);
}
