using System.Text;

namespace EvidenceTracker.Network;

/// <summary>One cached answer: the request, its status, the day it was fetched, and the body.</summary>
public sealed record CachedAnswer
{
    public required string Request { get; init; }
    public string? Accept { get; init; }
    public required int Status { get; init; }
    /// <summary>The day the answer was fetched (YYYY-MM-DD): a date, not a time, so that the file is stable.</summary>
    public required string Fetched { get; init; }
    public string? ContentType { get; init; }
    public required byte[] Body { get; init; }

    public string Text => Encoding.UTF8.GetString(Body);
}
