using System.Globalization;
using EvidenceTracker.Model;
using EvidenceTracker.Network;

namespace EvidenceTracker.Lookup;

/// <summary>
/// Looks identifiers up — a DOI by content negotiation, a PubMed id through E-utilities, an arXiv id through its API,
/// a URL through the page itself — through <c>sources/.cache/</c>: a cached answer is used until
/// <see cref="LookupSettings.Refresh"/>; a new answer is cached only when it could be read, so that a failure never
/// replaces what the cache holds.
/// </summary>
public sealed class IdentifierLookups : IDisposable
{
    public const string CslJson = "application/vnd.citationstyles.csl+json";
    private readonly LookupSettings _settings;
    private readonly LookupCache _cache;
    private readonly PoliteHttpClient? _client;

    /// <summary>
    /// Questions asked at once, from the request to the answer read and cached: an answer may be tens of megabytes,
    /// and takes several times that while it is parsed and written to the cache, so the memory of a look-up of sources
    /// on many hosts is bounded by this many answers, not by the number of hosts.
    /// </summary>
    private readonly SemaphoreSlim _asking = new(4);

    public IdentifierLookups(LookupSettings settings, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _cache = new LookupCache(settings.Root);
        _client = settings.Offline ? null : new PoliteHttpClient(settings.Endpoints.Policy(settings.Version), handler, delay);
    }

    /// <summary>HTTP requests made so far (none when offline or when the cache answered).</summary>
    public int Requests => _client?.Requests ?? 0;

    public Task<LookupAnswer> Doi(string doi, CancellationToken cancel = default) =>
        Refused("doi", doi, Values.DoiProblem(doi)) ?? Ask("doi", doi, ServiceEndpoints.Under(_settings.Endpoints.Doi, "", doi), CslJson, cancel,
            (body, _) => (MetadataReaders.FromCslJson(body, out var p), p));

    public Task<LookupAnswer> Pmid(string pmid, CancellationToken cancel = default) =>
        Refused("pubmed", pmid, Values.PmidProblem(pmid)) ?? Ask("pubmed", pmid, ServiceEndpoints.Under(_settings.Endpoints.Eutils, $"esummary.fcgi?db=pubmed&id={Uri.EscapeDataString(pmid)}&retmode=json{ApiKey}"), "application/json", cancel,
            (body, _) => (MetadataReaders.FromPubMedSummary(body, pmid, out var p), p));

    public Task<LookupAnswer> Arxiv(string id, CancellationToken cancel = default) =>
        Refused("arxiv", id, Values.ArxivProblem(id)) ?? Ask("arxiv", id, ServiceEndpoints.Under(_settings.Endpoints.Arxiv, $"query?id_list={Uri.EscapeDataString(id)}"), "application/atom+xml", cancel,
            (body, _) => (MetadataReaders.FromArxivAtom(body, id, out var p), p));

    public Task<LookupAnswer> Url(string url, CancellationToken cancel = default) =>
        Refused("url", url, Values.UrlProblem(url)) ?? Ask("url", url, new Uri(url), "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", cancel,
            (body, type) => (MetadataReaders.FromHtml(body, url, type, out var p), p));

    /// <summary>Crossref's record of a DOI, for its retraction, expression-of-concern and correction notices.</summary>
    public Task<LookupAnswer> CrossrefUpdates(string doi, CancellationToken cancel = default) =>
        Refused("crossref", doi, Values.DoiProblem(doi)) ?? Ask("crossref", doi, ServiceEndpoints.Under(_settings.Endpoints.Crossref, "works/", doi), "application/json", cancel,
            (body, _) => MetadataReaders.FromCrossrefWork(body, out var p) is { } notices ? (new SourceMetadata { Updates = notices }, null) : (null, p));

    /// <summary>An identifier that is not one is never asked for (nor read from the cache): a DOI such as <c>10.1/../x</c> would leave the service's path.</summary>
    private static Task<LookupAnswer>? Refused(string kind, string identifier, string? problem) =>
        problem is null ? null : Task.FromResult(LookupAnswer.Failed($"{kind} {identifier}: {problem}"));

    private string ApiKey => _settings.Endpoints.NcbiApiKey is { } key ? $"&api_key={Uri.EscapeDataString(key)}" : "";

    private async Task<LookupAnswer> Ask(string kind, string identifier, Uri request, string accept, CancellationToken cancel, Func<byte[], string?, (SourceMetadata? Metadata, string? Problem)> read)
    {
        string? cacheProblem = null;
        if (!_settings.Refresh || _client is null)
        {
            var cached = _cache.Read(kind, identifier, out cacheProblem);
            if (cached is not null)
            {
                var (metadata, problem) = read(cached.Body, cached.ContentType);
                return metadata is not null ? new LookupAnswer(metadata, null, true) : LookupAnswer.Failed($"{kind} {identifier}: the cached answer cannot be read: {problem}");
            }
        }
        if (_client is null)
        {
            return LookupAnswer.Failed(cacheProblem ?? $"{kind} {identifier} is not in the cache ({LookupCache.RelativePath(kind, identifier)}) and --offline forbids asking");
        }
        await _asking.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return await AskNow(kind, identifier, request, accept, cancel, read).ConfigureAwait(false);
        }
        finally
        {
            _asking.Release();
        }
    }

    private async Task<LookupAnswer> AskNow(string kind, string identifier, Uri request, string accept, CancellationToken cancel, Func<byte[], string?, (SourceMetadata? Metadata, string? Problem)> read)
    {
        var answer = await _client!.GetAsync(request, accept, cancel).ConfigureAwait(false);
        if (answer.Status == 404)
        {
            return LookupAnswer.Failed($"{kind} {identifier} was not found (HTTP 404 from {Redacted(request)})");
        }
        if (!answer.IsSuccess)
        {
            return LookupAnswer.Failed($"{kind} {identifier}: {Redacted(answer.Problem)}");
        }
        var (found, why) = read(answer.Body, answer.ContentType);
        if (found is null)
        {
            return LookupAnswer.Failed($"{kind} {identifier}: {why}");
        }
        try
        {
            _cache.Write(kind, identifier, new CachedAnswer
            {
                Request = Redacted(request),
                Accept = accept,
                Status = answer.Status,
                Fetched = _settings.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ContentType = answer.ContentType,
                Body = answer.Body,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the answer is good but cannot be kept (a folder where its file goes, a full disk): this source fails, the
            // others go on
            return LookupAnswer.Failed($"{kind} {identifier}: the answer cannot be cached at {LookupCache.RelativePath(kind, identifier)}: {ex.Message.ReplaceLineEndings(" ")}");
        }
        return new LookupAnswer(found, null, false);
    }

    /// <summary>A request as it may be written down: an NCBI API key never reaches the cache or a message.</summary>
    private string Redacted(Uri request) => Redacted(request.ToString());

    private string Redacted(string text) => _settings.Endpoints.NcbiApiKey is { Length: > 0 } key
        ? text.Replace(Uri.EscapeDataString(key), "REDACTED", StringComparison.Ordinal).Replace(key, "REDACTED", StringComparison.Ordinal)
        : text;

    public void Dispose()
    {
        _client?.Dispose();
        _asking.Dispose();
    }
}
