namespace EvidenceTracker.Lookup;

/// <summary>A notice that changes a work: a retraction, an expression of concern, a correction.</summary>
public sealed record UpdateNotice
{
    /// <summary>As the service names it: <c>retraction</c>, <c>expression_of_concern</c>, <c>correction</c>…</summary>
    public required string Kind { get; init; }
    /// <summary>The DOI of the notice, where given.</summary>
    public string? Doi { get; init; }
    /// <summary>Who recorded it: <c>publisher</c>, <c>retraction-watch</c>, <c>pubmed</c>.</summary>
    public string? RecordedBy { get; init; }
    public string? Date { get; init; }
}
