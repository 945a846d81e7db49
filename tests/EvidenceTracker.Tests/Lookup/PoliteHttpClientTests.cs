using EvidenceTracker.Network;
using EvidenceTracker.Tests.Support;

namespace EvidenceTracker.Tests.Lookup;

/// <summary>The client's manners and limits, against a server on 127.0.0.1. Waits are recorded, not slept.</summary>
public sealed class PoliteHttpClientTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly List<TimeSpan> _waits = [];

    private PoliteHttpClient Client(HttpPolicy? policy = null) => new(policy ?? new HttpPolicy { UserAgent = "EvidenceTracker/test" },
        delay: (pause, _) =>
        {
            lock (_waits)
            {
                _waits.Add(pause);
            }
            return Task.CompletedTask;
        });

    private Uri At(string path) => new(_server.Base + path);

    [Fact]
    public async Task Redirects_are_followed_up_to_five_times_and_a_loop_is_a_one_line_failure()
    {
        _server.On("/a", new Reply(302) { Headers = new Dictionary<string, string> { ["Location"] = "/b" } });
        _server.On("/b", new Reply(200, "arrived"));
        _server.On("/loop", new Reply(301) { Headers = new Dictionary<string, string> { ["Location"] = "/loop" } });
        using var client = Client();
        var ok = await client.GetAsync(At("/a"), cancel: TestContext.Current.CancellationToken);
        Assert.True(ok.IsSuccess);
        Assert.Equal(At("/b"), ok.Url);
        var loop = await client.GetAsync(At("/loop"), cancel: TestContext.Current.CancellationToken);
        Assert.False(loop.IsSuccess);
        Assert.Equal($"more than 5 redirects from {At("/loop")}", loop.Failure);
        Assert.Equal(6, _server.Requests.Count(r => r.PathAndQuery == "/loop"));
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        _server.On("/ftp", new Reply(302) { Headers = new Dictionary<string, string> { ["Location"] = "ftp://127.0.0.1/file" } });
        using var client = Client();
        var answer = await client.GetAsync(At("/ftp"), cancel: TestContext.Current.CancellationToken);
        Assert.Equal("ftp://127.0.0.1/file is not an http(s) URL; only http(s) is fetched", answer.Failure);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_whether_or_not_its_length_is_declared()
    {
        _server.On("/big", new Reply(200) { Bytes = new byte[5000] });
        using var client = Client(new HttpPolicy { UserAgent = "EvidenceTracker/test", MaxBodyBytes = 4096 });
        var answer = await client.GetAsync(At("/big"), cancel: TestContext.Current.CancellationToken);
        Assert.False(answer.IsSuccess);
        Assert.Contains("over the 4096 bytes limit", answer.Failure);
    }

    [Theory]
    [InlineData("gzip", new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff })]
    [InlineData("deflate", new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff })]
    [InlineData("br", new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff })]
    public async Task A_compressed_body_that_does_not_decode_is_a_one_line_failure_of_that_request(string encoding, byte[] body)
    {
        _server.On("/broken", new Reply(200) { Bytes = body, Headers = new Dictionary<string, string> { ["Content-Encoding"] = encoding } });
        _server.On("/fine", new Reply(200, "fine"));
        using var client = Client();
        var broken = await client.GetAsync(At("/broken"), cancel: TestContext.Current.CancellationToken);
        Assert.False(broken.IsSuccess);
        Assert.StartsWith($"the answer from {At("/broken")} is not valid compressed data (", broken.Failure);
        Assert.DoesNotContain('\n', broken.Failure!);
        // the client goes on answering
        Assert.True((await client.GetAsync(At("/fine"), cancel: TestContext.Current.CancellationToken)).IsSuccess);
    }

    private static readonly byte[] PageBytes = System.Text.Encoding.UTF8.GetBytes(
        "<html><head><title>Encoded page</title></head><body>" + string.Concat(Enumerable.Range(0, 4000).Select(i => $"<p>Paragraph {i}.</p>")) + "</body></html>");

    public static TheoryData<string> Damages => ["second half damaged", "cut short", "trailer damaged"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_gzip_body_cut_short_or_damaged_part_way_fails_its_request_and_is_never_taken_for_the_page(string damage)
    {
        var gzip = Compressed.Gzip(PageBytes);
        byte[] sent = damage switch
        {
            "second half damaged" => [.. gzip[..(gzip.Length / 2)], .. Enumerable.Repeat((byte)0xFF, gzip.Length - (gzip.Length / 2))],
            "cut short" => gzip[..(gzip.Length / 2)],
            _ => [.. gzip[..^8], .. new byte[8]],
        };
        _server.On("/page", new Reply(200) { Bytes = sent, Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" } });
        using var client = Client();
        var answer = await client.GetAsync(At("/page"), cancel: TestContext.Current.CancellationToken);
        Assert.False(answer.IsSuccess);
        Assert.StartsWith($"the answer from {At("/page")} is not valid compressed data (", answer.Failure);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("gzip, gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData("identity")]
    public async Task A_body_in_a_coding_the_client_knows_is_decoded_to_the_page(string coding)
    {
        byte[] Encode(string one, byte[] data) => one switch
        {
            "gzip" or "x-gzip" => Compressed.Gzip(data),
            "deflate" => Compressed.Zlib(data),
            "br" => Compressed.Brotli(data),
            _ => data,
        };
        var body = coding.Split(", ").Aggregate(PageBytes, (data, one) => Encode(one, data));
        _server.On("/page", new Reply(200) { Bytes = body, Headers = new Dictionary<string, string> { ["Content-Encoding"] = coding } });
        using var client = Client();
        var answer = await client.GetAsync(At("/page"), cancel: TestContext.Current.CancellationToken);
        Assert.True(answer.IsSuccess, answer.Failure);
        Assert.Equal(PageBytes, answer.Body);
    }

    [Theory]
    [InlineData("x-foo", "is in a content encoding that cannot be decoded ('x-foo')")]
    [InlineData("zstd", "is in a content encoding that cannot be decoded ('zstd')")]
    [InlineData("gzip, gzip, gzip", "is encoded 3 times over (gzip, gzip, gzip); not decoded")]
    public async Task A_body_in_a_coding_the_client_cannot_decode_fails_its_request(string coding, string said)
    {
        _server.On("/page", new Reply(200) { Bytes = [0, 1, 2, 3], Headers = new Dictionary<string, string> { ["Content-Encoding"] = coding } });
        using var client = Client();
        var answer = await client.GetAsync(At("/page"), cancel: TestContext.Current.CancellationToken);
        Assert.Equal($"the answer from {At("/page")} {said}", answer.Failure);
    }

    [Fact]
    public async Task Requests_to_many_hosts_are_at_most_four_at_once_so_that_their_bodies_bound_the_memory()
    {
        using var handler = new CountingHandler();
        using var client = new PoliteHttpClient(new HttpPolicy { UserAgent = "EvidenceTracker/test" }, handler);
        var asks = Enumerable.Range(1, 12).Select(i => client.GetAsync(new Uri($"http://host{i}.test/page"), cancel: TestContext.Current.CancellationToken));
        var answers = await Task.WhenAll(asks);
        Assert.All(answers, a => Assert.True(a.IsSuccess));
        Assert.Equal(12, handler.Seen);
        Assert.Equal(4, handler.MostAtOnce);
    }

    /// <summary>Answers every request after 100 ms, counting how many are in flight at once (no socket is opened).</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _now;
        private int _most;
        private int _seen;

        public int MostAtOnce => Volatile.Read(ref _most);
        public int Seen => Volatile.Read(ref _seen);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _seen);
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }
            try
            {
                await Task.Delay(100, cancellationToken);
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("ok") };
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }

    [Fact]
    public async Task Server_errors_are_retried_three_times_with_doubling_back_off()
    {
        _server.On("/flaky", new Reply(503, "down"));
        using var client = Client();
        var answer = await client.GetAsync(At("/flaky"), cancel: TestContext.Current.CancellationToken);
        Assert.Equal(503, answer.Status);
        Assert.Equal(4, _server.Requests.Count(r => r.PathAndQuery == "/flaky"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _waits);
    }

    [Fact]
    public async Task Retry_after_sets_the_wait_and_a_wait_too_long_fails_at_once()
    {
        _server.On("/busy", new Reply(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } });
        _server.On("/closed", new Reply(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "86400" } });
        using var client = Client();
        await client.GetAsync(At("/busy"), cancel: TestContext.Current.CancellationToken);
        Assert.All(_waits, w => Assert.Equal(TimeSpan.FromSeconds(7), w));
        var closed = await client.GetAsync(At("/closed"), cancel: TestContext.Current.CancellationToken);
        Assert.Contains("asks to wait 86400 s", closed.Failure);
        Assert.Single(_server.Requests, r => r.PathAndQuery == "/closed");
    }

    [Fact]
    public async Task No_more_than_two_requests_go_to_one_host_at_once()
    {
        for (var i = 0; i < 8; i++)
        {
            _server.On($"/slow/{i}", new Reply(200, "ok") { Delay = TimeSpan.FromMilliseconds(150) });
        }
        using var client = Client();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync(At($"/slow/{i}"), cancel: TestContext.Current.CancellationToken)));
        Assert.All(answers, a => Assert.True(a.IsSuccess));
        Assert.Equal(2, _server.MaxInFlight);
    }

    [Fact]
    public async Task A_rate_limited_host_is_asked_at_most_so_many_times_a_second()
    {
        _server.On("/e", new Reply(200, "ok"));
        var policy = new HttpPolicy { UserAgent = "EvidenceTracker/test", RateLimits = new Dictionary<string, double> { ["127.0.0.1"] = 3 } };
        using var client = new PoliteHttpClient(policy);
        var started = DateTime.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetAsync(At("/e"), cancel: TestContext.Current.CancellationToken)));
        // four requests at three a second need at least a second between the first and the last
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public void The_e_utilities_rate_limit_holds_their_host_and_port_only_so_that_stand_ins_on_one_host_are_not_all_limited()
    {
        var endpoints = ServiceEndpoints.From(v => v == "EVIDENCE_EUTILS_URL" ? "http://127.0.0.1:9/eutils" : null, out var problem);
        Assert.Null(problem);
        var limits = endpoints.Policy("test").RateLimits;
        Assert.Equal(3, limits["127.0.0.1:9"]);
        Assert.False(limits.ContainsKey("127.0.0.1"));
        Assert.Equal(3, ServiceEndpoints.From(_ => null, out _).Policy("test").RateLimits["eutils.ncbi.nlm.nih.gov"]);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_a_time_out()
    {
        _server.On("/hang", new Reply(200, "late") { Delay = TimeSpan.FromSeconds(3) });
        using var client = Client(new HttpPolicy { UserAgent = "EvidenceTracker/test", Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });
        var answer = await client.GetAsync(At("/hang"), cancel: TestContext.Current.CancellationToken);
        Assert.StartsWith("timed out after 0.2 s waiting for", answer.Failure);
    }

    [Fact]
    public async Task A_closed_port_is_a_one_line_failure_naming_the_url()
    {
        var port = _server.Port;
        _server.Dispose();
        using var client = Client(new HttpPolicy { UserAgent = "EvidenceTracker/test", MaxRetries = 0 });
        var answer = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/x"), cancel: TestContext.Current.CancellationToken);
        Assert.StartsWith($"could not reach http://127.0.0.1:{port}/x", answer.Failure);
        Assert.DoesNotContain('\n', answer.Failure!);
    }

    public void Dispose() => _server.Dispose();
}
