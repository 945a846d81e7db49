using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EvidenceTracker.Tests.Support;

/// <summary>One answer of the local test server.</summary>
public sealed record Reply(int Status, string Body = "", string ContentType = "text/plain; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public byte[]? Bytes { get; init; }
    public TimeSpan Delay { get; init; }
    /// <summary>A Content-Length to announce instead of the body's (a huge body, without holding it in memory).</summary>
    public long? DeclaredLength { get; init; }

    public static Reply Json(string body) => new(200, body, "application/json; charset=utf-8");
}

/// <summary>A request as the local server saw it.</summary>
public sealed record SeenRequest(string PathAndQuery, string? Accept, string? UserAgent);

/// <summary>
/// An HTTP server on the loopback interface for the network tests: answers each path with what the test gave
/// (in the services' documented formats), records the requests, and counts how many were in flight at once. It is
/// started and stopped by the test itself; nothing leaves 127.0.0.1.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<SeenRequest, Reply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly Task _loop;
    private int _inFlight;
    private int _maxInFlight;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public string Base => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<SeenRequest> Requests => _seen.ToArray();

    /// <summary>The most requests the server was answering at one time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Answers <paramref name="pathAndQuery"/> (exactly, query included) with <paramref name="reply"/>.</summary>
    public void On(string pathAndQuery, Reply reply) => _routes[pathAndQuery] = _ => reply;

    public void On(string pathAndQuery, Func<SeenRequest, Reply> reply) => _routes[pathAndQuery] = reply;

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
        try
        {
            var request = new SeenRequest(context.Request.Url!.PathAndQuery, context.Request.Headers["Accept"], context.Request.Headers["User-Agent"]);
            _seen.Enqueue(request);
            var reply = _routes.TryGetValue(request.PathAndQuery, out var route) ? route(request) : new Reply(404, "not found");
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay).ConfigureAwait(false);
            }
            var response = context.Response;
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers)
            {
                response.Headers[name] = value;
            }
            var bytes = reply.Bytes ?? Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = reply.DeclaredLength ?? bytes.Length;
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the client went away (a time-out test); nothing to answer
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // .NET's listener can fail to close when another test's listener binds meanwhile ("Address already in
            // use", from its end-point bookkeeping): the server is stopped, and a test must not fail on its clean-up
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopping the listener ends the loop with an exception; the server is gone either way
        }
    }
}
