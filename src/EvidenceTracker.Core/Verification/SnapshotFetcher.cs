using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EvidenceTracker.Loading;
using EvidenceTracker.Lookup;
using EvidenceTracker.Model;
using EvidenceTracker.Network;
using EvidenceTracker.Quotes;
using EvidenceTracker.Storage;
using EvidenceTracker.Text;

namespace EvidenceTracker.Verification;

/// <summary>
/// Fetches sources and archives them as snapshots: the page at the source's <c>url</c> (HTML or PDF), its PubMed
/// abstract (efetch XML reduced to its title and abstract, archived as text), or its DOI's landing page. Requests go
/// through the <see cref="PoliteHttpClient"/> (per-host limits, retries, redirect and size limits, http(s) only);
/// the archived snapshot is the cached answer, fetched again only with <c>--refresh</c>. Each copy is checked as
/// the local command checks a file (UTF-8 text with readable text, or a PDF with a text layer) and stored the same
/// way (<see cref="SnapshotArchiver.Store"/>), sources one after the other under the sources folder's edit lock once
/// all fetches are done. A failure names its source in one line, writes nothing for it, and the batch goes on.
/// </summary>
public static class SnapshotFetcher
{
    private const string PageAccept = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    /// <summary>Batches of at least this many sources report progress.</summary>
    private const int ProgressThreshold = 5;

    public static async Task<FetchReport> Run(FetchSettings settings, HttpMessageHandler? handler = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Lookup.Root;
        var set = RepositoryLoader.Load(root);
        var byId = set.Sources.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unknown = settings.Sources.Where(id => !byId.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var cited = set.Claims.SelectMany(c => c.Citations).Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        var chosen = settings.Sources.Where(byId.ContainsKey).Distinct(StringComparer.Ordinal).Select(id => byId[id]).ToList();
        if (settings.All)
        {
            chosen.AddRange(set.Sources
                .Where(s => cited.Contains(s.Id) && (s.Snapshot is null) != settings.Refresh && !chosen.Any(c => c.Id == s.Id))
                .GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(s => s.Id, StringComparer.Ordinal));
        }
        var quotes = set.Claims.SelectMany(c => c.Citations.Where(q => !string.IsNullOrWhiteSpace(q.Quote)).Select(q => (Claim: c.Id, q.Source, Quote: q.Quote!)))
            .ToLookup(q => q.Source, StringComparer.Ordinal);

        using var client = settings.Lookup.Offline ? null : new PoliteHttpClient(settings.Lookup.Endpoints.Policy(settings.Lookup.Version), handler);
        var done = 0;
        var fetches = chosen.Select(async source =>
        {
            var result = await FetchOne(settings, client, source, cancel).ConfigureAwait(false);
            var n = Interlocked.Increment(ref done);
            if (chosen.Count >= ProgressThreshold)
            {
                settings.Progress?.Invoke($"[{n}/{chosen.Count}] {source.Id}: {(result.Result.Problem is null ? "fetched" : "failed")}");
            }
            return result;
        }).ToList();
        var fetched = await Task.WhenAll(fetches).ConfigureAwait(false);

        var results = new List<FetchResult>();
        using (EditLock.Acquire(Path.Combine(root, "sources"), "sources/", settings.LockTimeout))
        {
            foreach (var f in fetched)
            {
                results.Add(f.Bytes is null ? f.Result : Archive(settings, f, quotes[f.Result.Id].ToList()));
            }
        }
        return new FetchReport(results, unknown, client?.Requests ?? 0);
    }

    /// <summary>A fetched copy on its way to the archive: the result so far, and the bytes with their kind.</summary>
    private sealed record Fetched(FetchResult Result, Source Source, byte[]? Bytes = null, SnapshotKind? Kind = null, string? ArchiveUrl = null);

    private static async Task<Fetched> FetchOne(FetchSettings settings, PoliteHttpClient? client, Source source, CancellationToken cancel)
    {
        Fetched Failed(string problem, string? from = null) => new(new FetchResult { Id = source.Id, From = from, Problem = problem }, source);
        if (source.Snapshot is not null && !settings.Refresh)
        {
            return new(new FetchResult { Id = source.Id, Note = $"already archived as sources/{source.Snapshot}; --refresh fetches it again" }, source);
        }
        var from = settings.From ?? (source.Url is not null ? SnapshotOrigin.Url : source.Pmid is not null ? SnapshotOrigin.Pubmed : source.Doi is not null ? SnapshotOrigin.Doi : null);
        if (from == SnapshotOrigin.Url && source.Url is { } raw && Values.UrlProblem(raw) is { } badUrl)
        {
            return Failed($"{badUrl}; only http(s) pages are fetched");
        }
        Uri? request = from switch
        {
            SnapshotOrigin.Url when source.Url is not null && Uri.TryCreate(source.Url, UriKind.Absolute, out var u) => u,
            SnapshotOrigin.Pubmed when source.Pmid is not null => ServiceEndpoints.Under(settings.Lookup.Endpoints.Eutils,
                $"efetch.fcgi?db=pubmed&id={Uri.EscapeDataString(source.Pmid)}&rettype=abstract&retmode=xml{ApiKey(settings)}"),
            SnapshotOrigin.Doi when source.Doi is not null && Values.DoiProblem(source.Doi) is null => ServiceEndpoints.Under(settings.Lookup.Endpoints.Doi, "", source.Doi),
            _ => null,
        };
        if (request is null)
        {
            return Failed(from is not { } origin
                ? $"has no url, pmid or doi to fetch; archive a local copy with `evidence snapshot {source.Id} FILE`"
                : $"has no {(origin == SnapshotOrigin.Pubmed ? "pmid" : Names.Of(origin))} to fetch from (--from {Names.Of(origin)})");
        }
        if (client is null)
        {
            return Failed("--offline: fetching a snapshot needs the network (the cache holds no page copies)");
        }
        var shown = Redacted(settings, request.ToString());
        var answer = await client.GetAsync(request, from == SnapshotOrigin.Pubmed ? "application/xml,text/xml" : PageAccept, cancel).ConfigureAwait(false);
        if (answer.Status == 404 && answer.Failure is null)
        {
            return Failed($"{(from == SnapshotOrigin.Doi ? $"DOI {source.Doi}" : shown)} was not found (HTTP 404)", shown);
        }
        if (!answer.IsSuccess)
        {
            return Failed(Redacted(settings, answer.Problem), shown);
        }
        var fetchedFrom = from == SnapshotOrigin.Pubmed ? shown : answer.Url.ToString();
        byte[] bytes;
        SnapshotKind snapshotKind;
        if (from == SnapshotOrigin.Pubmed)
        {
            var text = PubMedAbstract(answer.Body, source.Pmid!, out var why);
            if (text is null)
            {
                return Failed(why!, fetchedFrom);
            }
            bytes = Encoding.UTF8.GetBytes(text);
            snapshotKind = SnapshotKind.Text;
        }
        else
        {
            bytes = answer.Body;
            var kind = KindOf(answer.ContentType, bytes);
            if (kind is not { } known)
            {
                return Failed($"{fetchedFrom} answers {answer.ContentType ?? "no content type"}, not HTML, PDF or text", fetchedFrom);
            }
            snapshotKind = known;
            if (known is SnapshotKind.Html or SnapshotKind.Text)
            {
                // stored as UTF-8 text: a page in the GBK, Big5 or Shift_JIS it declares is transcoded
                if (DeclaredCharset.ToUtf8(bytes, answer.ContentType, out var charsetProblem) is not { } utf8)
                {
                    return Failed($"the copy from {fetchedFrom} {charsetProblem}", fetchedFrom);
                }
                bytes = utf8;
            }
        }
        if (SnapshotArchiver.ContentProblem(bytes, snapshotKind) is { } bad)
        {
            return Failed($"the copy from {fetchedFrom} {bad}", fetchedFrom);
        }
        string? archiveUrl = null;
        string? note = null;
        if (settings.Wayback)
        {
            var page = source.Url ?? (from == SnapshotOrigin.Pubmed ? $"https://pubmed.ncbi.nlm.nih.gov/{source.Pmid}/" : fetchedFrom);
            (archiveUrl, note) = await WaybackCopy(settings, client, page, cancel).ConfigureAwait(false);
        }
        return new(new FetchResult { Id = source.Id, From = fetchedFrom, Note = note, ArchiveUrl = archiveUrl }, source, bytes, snapshotKind, archiveUrl);
    }

    /// <summary>Stores a fetched copy, or with <c>--refresh</c> and without <c>--update</c> only looks its quotes up in it.</summary>
    private static FetchResult Archive(FetchSettings settings, Fetched fetched, IReadOnlyList<(string Claim, string Source, string Quote)> quotes)
    {
        var result = fetched.Result;
        var rechecks = new List<QuoteRecheck>();
        if (settings.Refresh && quotes.Count > 0 && TextOf(fetched.Bytes!, fetched.Kind!.Value) is { } text)
        {
            var matcher = QuoteMatcher.Build(text);
            foreach (var q in quotes)
            {
                var m = matcher.Find(q.Quote);
                rechecks.Add(new QuoteRecheck(q.Claim, q.Quote, m.Found, m.Similarity));
            }
        }
        result = result with { Quotes = rechecks };
        if (settings.Refresh && !settings.Update && fetched.Source.Snapshot is not null)
        {
            var old = fetched.Source.SnapshotSha256;
            return result with { Differs = old is null || !string.Equals(old, SnapshotFiles.Sha256(fetched.Bytes), StringComparison.Ordinal) };
        }
        var root = RepositoryLoader.ResolveRoot(settings.Lookup.Root);
        var located = SnapshotArchiver.FindSource(root, fetched.Source.Id, out var refusal);
        if (located is null)
        {
            return result with { Problem = refusal };
        }
        var (source, path, sourceBytes) = located.Value;
        var extra = fetched.ArchiveUrl is { } a ? new List<(string, string)> { ("archive-url", a) } : [];
        var outcome = SnapshotArchiver.Store(new SnapshotArchiver.StoreRequest(root, RealPath.Resolve(root) ?? root, source, path, sourceBytes,
            fetched.Bytes!, fetched.Kind!.Value, settings.Lookup.Today) { Extra = extra });
        return outcome.Archive is { } archive ? result with { Archive = archive } : result with { Problem = outcome.Message };
    }

    /// <summary>The text quotes are looked up in, for bytes that passed <see cref="SnapshotArchiver.ContentProblem"/>.</summary>
    private static string? TextOf(byte[] bytes, SnapshotKind kind) => kind == SnapshotKind.Pdf
        ? PdfText.Extract(bytes).Text
        : SnapshotText.Extract(Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes), Names.Of(kind));

    /// <summary>A web page, a PDF or text for an answer, from its bytes first (a PDF says so) and then its content type; null for anything else.</summary>
    internal static SnapshotKind? KindOf(string? contentType, byte[] body)
    {
        if (PdfText.LooksLikePdf(body))
        {
            return SnapshotKind.Pdf;
        }
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "text/html" or "application/xhtml+xml" => SnapshotKind.Html,
            "application/pdf" => SnapshotKind.Pdf, // not a PDF's bytes: ContentProblem says so
            "text/plain" => SnapshotKind.Text,
            "" => body.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("<"u8) ? SnapshotKind.Html : null,
            _ => null,
        };
    }

    /// <summary>
    /// The title and abstract of a PubMed efetch XML answer, as text (the abstract's labelled sections each on a line
    /// of their own, "LABEL: text"); null, with the reason, when the answer holds no article with that PMID.
    /// </summary>
    public static string? PubMedAbstract(byte[] xml, string pmid, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(xml);
        problem = null;
        if (XmlAnswer.Load(xml, out var error) is not { } doc)
        {
            problem = $"PubMed's answer for PMID {pmid} is not XML ({error})";
            return null;
        }
        var article = doc.Descendants("PubmedArticle").FirstOrDefault(a => a.Descendants("PMID").FirstOrDefault()?.Value.Trim() == pmid)
            ?? doc.Descendants("PubmedArticle").FirstOrDefault();
        if (article is null)
        {
            problem = $"PMID {pmid} does not exist (PubMed's answer holds no article)";
            return null;
        }
        var sb = new StringBuilder();
        var title = Flat(article.Descendants("ArticleTitle").FirstOrDefault());
        if (title.Length > 0)
        {
            sb.Append(title).Append("\n\n");
        }
        foreach (var part in article.Descendants("Abstract").Descendants("AbstractText"))
        {
            var label = part.Attribute("Label")?.Value;
            var text = Flat(part);
            if (text.Length > 0)
            {
                sb.Append(label is { Length: > 0 } ? $"{label}: {text}" : text).Append('\n');
            }
        }
        if (!article.Descendants("Abstract").Any())
        {
            problem = $"PMID {pmid} has no abstract in PubMed; archive the article itself with `--from url` or a local copy";
            return null;
        }
        return sb.ToString();
    }

    /// <summary>An element's text (its markup, such as &lt;i&gt;, dropped), white space collapsed.</summary>
    private static string Flat(XElement? element) =>
        element is null ? "" : string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The Wayback Machine's closest copy of a page: its URL, or a note why there is none.</summary>
    private static async Task<(string? Url, string? Note)> WaybackCopy(FetchSettings settings, PoliteHttpClient client, string page, CancellationToken cancel)
    {
        var request = new Uri($"{settings.Lookup.Endpoints.Wayback.AbsoluteUri.TrimEnd('/')}?url={Uri.EscapeDataString(page)}");
        var answer = await client.GetAsync(request, "application/json", cancel).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return (null, $"no archive-url: the Wayback Machine did not answer ({answer.Problem})");
        }
        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("archived_snapshots", out var snaps) && snaps.ValueKind == JsonValueKind.Object
                && snaps.TryGetProperty("closest", out var closest) && closest.ValueKind == JsonValueKind.Object
                && (!closest.TryGetProperty("available", out var available) || available.ValueKind != JsonValueKind.False)
                && closest.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && url.GetString()!.Length <= MaxArchiveUrlLength && Values.UrlProblem(url.GetString()!) is null)
            {
                var value = url.GetString()!;
                return value.StartsWith("http://web.archive.org/", StringComparison.Ordinal)
                    ? ("https://" + value["http://".Length..], null)
                    : (value, null);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, found only when it is read
            return (null, "no archive-url: the Wayback Machine's answer is not JSON");
        }
        return (null, $"no archive-url: the Wayback Machine has no copy of {page}");
    }

    /// <summary>A Wayback Machine address is some 100 characters; a longer "closest copy" is not one, and is not recorded.</summary>
    private const int MaxArchiveUrlLength = 2048;

    private static string ApiKey(FetchSettings settings) =>
        settings.Lookup.Endpoints.NcbiApiKey is { } key ? $"&api_key={Uri.EscapeDataString(key)}" : "";

    private static string Redacted(FetchSettings settings, string text) => settings.Lookup.Endpoints.NcbiApiKey is { Length: > 0 } key
        ? text.Replace(Uri.EscapeDataString(key), "REDACTED", StringComparison.Ordinal).Replace(key, "REDACTED", StringComparison.Ordinal)
        : text;

}
