namespace EvidenceTracker.Verification;

public sealed record FetchReport(IReadOnlyList<FetchResult> Results, IReadOnlyList<string> UnknownIds, int Requests)
{
    public bool AnyFailed => UnknownIds.Count > 0 || Results.Any(r => r.Problem is not null);
}
