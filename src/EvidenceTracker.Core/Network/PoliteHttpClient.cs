using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace EvidenceTracker.Network;

/// <summary>
/// A polite HTTP client: a User-Agent that names the tool, a time-out per request, retries with back-off that
/// honour <c>Retry-After</c>, at most <see cref="HttpPolicy.PerHostConcurrency"/> requests at once per host, rate
/// limits per host, redirects followed by hand (http(s) only, at most <see cref="HttpPolicy.MaxRedirects"/>) and
/// bodies over <see cref="HttpPolicy.MaxBodyBytes"/> refused. It never throws for a network problem: every failure
/// comes back as an <see cref="HttpAnswer"/> with a <see cref="HttpAnswer.Failure"/>.
/// </summary>
public sealed class PoliteHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpPolicy _policy;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RateGate> _rateGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly SemaphoreSlim _allHosts;

    public PoliteHttpClient(HttpPolicy policy, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _delay = delay ?? Task.Delay;
        _allHosts = new SemaphoreSlim(Math.Max(1, policy.TotalConcurrency));
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // decoded here (ContentCoding), where a gzip body is checked against its CRC and length, and an encoding that
            // cannot be decoded fails the request instead of reaching the caller as the page
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = policy.Timeout,
        }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Requests made (each try and each redirect counts); for tests and progress.</summary>
    public int Requests => _requests;
    private int _requests;

    public async Task<HttpAnswer> GetAsync(Uri url, string? accept = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return new HttpAnswer { Url = current, Failure = $"{current} is not an http(s) URL; only http(s) is fetched" };
            }
            var answer = await WithRetries(current, accept, cancel).ConfigureAwait(false);
            if (answer.Failure is not null || answer.Status is < 300 or >= 400 || answer.Status == 304)
            {
                return answer;
            }
            if (redirects >= _policy.MaxRedirects)
            {
                return answer with { Failure = $"more than {_policy.MaxRedirects} redirects from {url}" };
            }
            var location = answer.Location;
            if (string.IsNullOrEmpty(location) || !Uri.TryCreate(current, location, out var next))
            {
                return answer with { Failure = $"HTTP {answer.Status} from {current} with no usable Location" };
            }
            current = next;
        }
    }

    private async Task<HttpAnswer> WithRetries(Uri url, string? accept, CancellationToken cancel)
    {
        var wait = _policy.Backoff;
        for (var attempt = 0; ; attempt++)
        {
            var (answer, retryAfter) = await Send(url, accept, cancel).ConfigureAwait(false);
            var retryable = answer.Status is 429 or (>= 500 and <= 599) || answer.Failure?.StartsWith("timed out", StringComparison.Ordinal) == true;
            if (!retryable || attempt >= _policy.MaxRetries)
            {
                return answer;
            }
            var pause = retryAfter ?? wait;
            if (pause > _policy.MaxRetryAfter)
            {
                return answer with { Failure = $"{answer.Problem}; the server asks to wait {pause.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s, longer than {_policy.MaxRetryAfter.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s" };
            }
            await _delay(pause, cancel).ConfigureAwait(false);
            wait *= 2;
        }
    }

    private async Task<(HttpAnswer Answer, TimeSpan? RetryAfter)> Send(Uri url, string? accept, CancellationToken cancel)
    {
        var gate = _hostGates.GetOrAdd(url.Authority, _ => new SemaphoreSlim(_policy.PerHostConcurrency));
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var rateKey = _policy.RateLimits.ContainsKey(url.Authority) ? url.Authority : url.Host;
            if (_policy.RateLimits.TryGetValue(rateKey, out var perSecond) && perSecond > 0)
            {
                await _rateGates.GetOrAdd(rateKey, _ => new RateGate(TimeSpan.FromSeconds(1 / perSecond))).Wait(_delay, cancel).ConfigureAwait(false);
            }
            await _allHosts.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                return await SendNow(url, accept, cancel).ConfigureAwait(false);
            }
            finally
            {
                _allHosts.Release();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One request, its host's and the client's gates held.</summary>
    private async Task<(HttpAnswer Answer, TimeSpan? RetryAfter)> SendNow(Uri url, string? accept, CancellationToken cancel)
    {
        {
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", _policy.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", ContentCoding.Accepted);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_policy.Timeout);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var retryAfter = RetryAfter(response.Headers.RetryAfter);
                if (status is >= 300 and < 400)
                {
                    return (new HttpAnswer { Url = url, Status = status, Location = response.Headers.Location?.OriginalString }, null);
                }
                var type = response.Content.Headers.ContentType?.ToString();
                if (response.Content.Headers.ContentLength is long declared && declared > _policy.MaxBodyBytes)
                {
                    return (new HttpAnswer { Url = url, Status = status, ContentType = type, Failure = $"{url} answers {Size(declared)}, over the {Size(_policy.MaxBodyBytes)} limit" }, null);
                }
                var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var body = await ReadCapped(stream, response.Content.Headers.ContentLength, timeout.Token).ConfigureAwait(false);
                    if (body is not null && response.Content.Headers.ContentEncoding.Count > 0)
                    {
                        // gzip, deflate or brotli that does not decode, or does not check out: the server's fault,
                        // reported for this request, not a reason to stop the batch
                        body = ContentCoding.Decode(body, [.. response.Content.Headers.ContentEncoding], _policy.MaxBodyBytes, out var undecodable);
                        if (undecodable is not null)
                        {
                            return (new HttpAnswer { Url = url, Status = status, ContentType = type, Failure = $"the answer from {url} {undecodable}" }, null);
                        }
                    }
                    if (body is null)
                    {
                        return (new HttpAnswer { Url = url, Status = status, ContentType = type, Failure = $"{url} answers more than the {Size(_policy.MaxBodyBytes)} limit" }, null);
                    }
                    return (new HttpAnswer { Url = url, Status = status, ContentType = type, Body = body }, retryAfter);
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return (new HttpAnswer { Url = url, Failure = $"timed out after {_policy.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s waiting for {url}" }, null);
            }
            catch (HttpRequestException ex)
            {
                return (new HttpAnswer { Url = url, Failure = $"could not reach {url}: {OneLine(ex.Message)}" }, null);
            }
            catch (IOException ex)
            {
                return (new HttpAnswer { Url = url, Failure = $"the answer from {url} broke off: {OneLine(ex.Message)}" }, null);
            }
        }
    }

    /// <summary>
    /// The body, or null when it is over the limit. A declared length (within the limit) sizes the buffer, so that a
    /// large body is not copied as the buffer doubles, nor again at the end.
    /// </summary>
    private async Task<byte[]?> ReadCapped(Stream stream, long? declared, CancellationToken cancel)
    {
        using var buffer = new MemoryStream(declared is long d && d > 0 && d <= _policy.MaxBodyBytes ? (int)d : 0);
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > _policy.MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.Length == buffer.Capacity && buffer.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Array!.Length == buffer.Length
            ? whole.Array
            : buffer.ToArray();
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (value?.Date is { } date)
        {
            var d = date - DateTimeOffset.UtcNow;
            return d < TimeSpan.Zero ? TimeSpan.Zero : d;
        }
        return null;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB"
        : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public void Dispose()
    {
        _http.Dispose();
        _allHosts.Dispose();
        foreach (var gate in _hostGates.Values)
        {
            gate.Dispose();
        }
    }

    /// <summary>Spaces requests to one host at least <c>interval</c> apart.</summary>
    private sealed class RateGate(TimeSpan interval)
    {
        private readonly object _gate = new();
        private DateTime _next = DateTime.MinValue;

        public Task Wait(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancel)
        {
            TimeSpan pause;
            lock (_gate)
            {
                var now = DateTime.UtcNow;
                var slot = _next > now ? _next : now;
                _next = slot + interval;
                pause = slot - now;
            }
            return pause > TimeSpan.Zero ? delay(pause, cancel) : Task.CompletedTask;
        }
    }
}
