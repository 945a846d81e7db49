namespace EvidenceTracker.Network;

/// <summary>
/// The base URLs of the services that look-ups ask, each overridable by its environment variable (tests point them
/// at a local server). The CLI reads the variables; the core only takes the record.
/// </summary>
public sealed record ServiceEndpoints
{
    public Uri Doi { get; init; } = new("https://doi.org");
    public Uri Crossref { get; init; } = new("https://api.crossref.org");
    public Uri Eutils { get; init; } = new("https://eutils.ncbi.nlm.nih.gov/entrez/eutils");
    public Uri Arxiv { get; init; } = new("https://export.arxiv.org/api");
    public Uri Wayback { get; init; } = new("https://archive.org/wayback/available");
    /// <summary>NCBI_API_KEY: sent with E-utilities requests, which then may go 10 a second instead of 3.</summary>
    public string? NcbiApiKey { get; init; }
    /// <summary>EVIDENCE_MAILTO: a contact address in the User-Agent, as Crossref and NCBI ask.</summary>
    public string? Mailto { get; init; }

    public static readonly IReadOnlyList<(string Variable, string Default)> Variables =
    [
        ("EVIDENCE_DOI_URL", "https://doi.org"),
        ("EVIDENCE_CROSSREF_URL", "https://api.crossref.org"),
        ("EVIDENCE_EUTILS_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"),
        ("EVIDENCE_ARXIV_URL", "https://export.arxiv.org/api"),
        ("EVIDENCE_WAYBACK_URL", "https://archive.org/wayback/available"),
    ];

    /// <summary>The endpoints from environment variables (<paramref name="get"/> answers a variable's value or null).</summary>
    public static ServiceEndpoints From(Func<string, string?> get, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(get);
        problem = null;
        var defaults = new ServiceEndpoints();
        Uri Base(string variable, Uri fallback, ref string? bad)
        {
            var value = get(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }
            if (Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }
            bad ??= $"{variable}='{value}' is not an http(s) URL";
            return fallback;
        }
        var endpoints = new ServiceEndpoints
        {
            Doi = Base("EVIDENCE_DOI_URL", defaults.Doi, ref problem),
            Crossref = Base("EVIDENCE_CROSSREF_URL", defaults.Crossref, ref problem),
            Eutils = Base("EVIDENCE_EUTILS_URL", defaults.Eutils, ref problem),
            Arxiv = Base("EVIDENCE_ARXIV_URL", defaults.Arxiv, ref problem),
            Wayback = Base("EVIDENCE_WAYBACK_URL", defaults.Wayback, ref problem),
            NcbiApiKey = string.IsNullOrWhiteSpace(get("NCBI_API_KEY")) ? null : get("NCBI_API_KEY")!.Trim(),
            Mailto = string.IsNullOrWhiteSpace(get("EVIDENCE_MAILTO")) ? null : get("EVIDENCE_MAILTO")!.Trim(),
        };
        return endpoints;
    }

    /// <summary>The client policy for these endpoints: NCBI at most 3 requests a second, 10 with an API key.</summary>
    public HttpPolicy Policy(string version) => new()
    {
        UserAgent = HttpPolicy.UserAgentFor(version, Mailto),
        RateLimits = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [Eutils.Authority] = NcbiApiKey is null ? 3 : 10 },
    };

    /// <summary>
    /// <c>{base}/{prefix}{identifier}</c> for a DOI, PubMed id or arXiv id: each of the identifier's segments is
    /// escaped (<c>?</c>, <c>#</c>, <c>\</c>, <c>%</c> and the like), and an identifier with an empty, <c>.</c> or <c>..</c>
    /// segment is escaped whole (its slashes as <c>%2F</c>), so that the request never leaves the prefix. An identifier
    /// that is itself empty, <c>.</c> or <c>..</c> cannot be written under the prefix: <see cref="ArgumentException"/>
    /// (the look-ups refuse such identifiers first).
    /// </summary>
    public static Uri Under(Uri baseUri, string prefix, string identifier)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(identifier);
        var segments = identifier.Split('/');
        var escaped = segments.Any(s => s is "" or "." or "..")
            ? Uri.EscapeDataString(identifier)
            : string.Join('/', segments.Select(Uri.EscapeDataString));
        if (escaped is "" or "." or "..")
        {
            throw new ArgumentException($"'{identifier}' cannot be looked up: it is not an identifier", nameof(identifier));
        }
        var within = Under(baseUri, prefix).AbsolutePath;
        var uri = Under(baseUri, prefix + escaped);
        if (!uri.AbsolutePath.StartsWith(within, StringComparison.Ordinal) || uri.AbsolutePath.Length == within.Length)
        {
            throw new ArgumentException($"'{identifier}' cannot be looked up: it would leave {within}", nameof(identifier));
        }
        return uri;
    }

    /// <summary><paramref name="path"/> under <paramref name="baseUri"/>, keeping the base's own path.</summary>
    public static Uri Under(Uri baseUri, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var b = baseUri.AbsoluteUri.TrimEnd('/');
        return new Uri(b + "/" + path.TrimStart('/'));
    }
}
