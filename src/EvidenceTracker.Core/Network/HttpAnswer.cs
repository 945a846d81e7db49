using System.Globalization;
using System.Net.Http.Headers;

namespace EvidenceTracker.Network;

/// <summary>What one GET gave: the final URL, status, content type and body, or the one-line reason it failed.</summary>
public sealed record HttpAnswer
{
    public required Uri Url { get; init; }
    public int Status { get; init; }
    public string? ContentType { get; init; }
    /// <summary>A redirect's target, as the server gave it.</summary>
    public string? Location { get; init; }
    public byte[] Body { get; init; } = [];
    /// <summary>Null when the request got an answer (whatever its status); else why not, in one line.</summary>
    public string? Failure { get; init; }

    public bool IsSuccess => Failure is null && Status is >= 200 and < 300;

    /// <summary>A one-line description of a failed request or a non-success status.</summary>
    public string Problem => Failure ?? $"HTTP {Status.ToString(CultureInfo.InvariantCulture)} from {Url}";
}
