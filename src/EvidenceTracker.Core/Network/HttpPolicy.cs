using System.Net;
using System.Net.Http.Headers;

namespace EvidenceTracker.Network;

/// <summary>How the client behaves towards the services it asks. The defaults are the contract's.</summary>
public sealed record HttpPolicy
{
    /// <summary><c>EvidenceTracker/&lt;version&gt;</c>, with <c>(mailto:…)</c> where a contact address is given.</summary>
    public required string UserAgent { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries after the first try, on 429, 5xx and time-outs.</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>The first back-off; each retry doubles it (a <c>Retry-After</c> answer overrides it).</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait a <c>Retry-After</c> may ask for; a longer one fails the request instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);
    public int MaxRedirects { get; init; } = 5;
    public long MaxBodyBytes { get; init; } = 50L * 1024 * 1024;
    public int PerHostConcurrency { get; init; } = 2;
    /// <summary>
    /// Requests at once over all hosts: each may hold a body of up to <see cref="MaxBodyBytes"/>, so a look-up of
    /// sources on many hosts keeps its memory bounded (8 hosts answering 49 MB each once took 3.7 GB).
    /// </summary>
    public int TotalConcurrency { get; init; } = 4;
    /// <summary>
    /// Hosts with a request-rate limit (requests a second), such as NCBI's E-utilities: keyed by host and port (a URL's
    /// authority, the port left out when it is the scheme's own) or by host name alone (every port).
    /// </summary>
    public IReadOnlyDictionary<string, double> RateLimits { get; init; } = new Dictionary<string, double>();

    public static string UserAgentFor(string version, string? mailto) =>
        string.IsNullOrWhiteSpace(mailto) ? $"EvidenceTracker/{version}" : $"EvidenceTracker/{version} (mailto:{mailto.Trim()})";
}
