using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.Testing.Upstreams;

/// <summary>
/// A real HTTP server on a loopback ephemeral port standing in for a backend. It says who it is
/// (<see cref="UpstreamHeader"/>) and, chosen by the last path segment, behaves as a test needs:
/// <list type="bullet">
/// <item><c>…/stream?chunks=N&amp;delayMs=M</c> streams N lines with a pause between them; with <c>hold=1</c> it
/// waits for <see cref="ReleaseHeld"/> after the first line, so a test can prove it saw the line before the end;</item>
/// <item><c>…/hold</c> answers only when <see cref="ReleaseHeld"/> is called (<see cref="NextHeldArrival"/> tells when one arrived);</item>
/// <item><c>…/slow?ms=N</c> answers after N ms; <c>…/fail?status=N</c> answers with status N;</item>
/// <item><c>…/ws</c> accepts a WebSocket and echoes every message, each as one frame;</item>
/// <item>anything else echoes the request as JSON (<see cref="EchoResponse"/>).</item>
/// </list>
/// </summary>
public sealed class UpstreamServer : IAsyncDisposable
{
    /// <summary>The response header that names the server.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TaskCompletionSource> _heldArrivalWaiters = new();
    private readonly Lock _holdGate = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _heldArrivals;
    private int _requestCount;

    private UpstreamServer(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    /// <summary>The name the server answers with.</summary>
    public string Name { get; }

    /// <summary>The base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Requests received so far, of every kind.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server named <paramref name="name"/> on a loopback ephemeral port.</summary>
    /// <param name="name">Sent back in <see cref="UpstreamHeader"/> on every response.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening server.</returns>
    public static async Task<UpstreamServer> StartAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new UpstreamServer(name, app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Address = new Uri(addresses.First());
        return server;
    }

    /// <summary>Completes when the next request to <c>…/hold</c> (or a held <c>…/stream</c>) has arrived (or at once for one that arrived unobserved).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes on the arrival.</returns>
    public Task NextHeldArrival(CancellationToken cancellationToken = default)
    {
        lock (_holdGate)
        {
            if (_heldArrivals > 0)
            {
                _heldArrivals--;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _heldArrivalWaiters.Enqueue(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Lets every held request answer.</summary>
    public void ReleaseHeld()
    {
        TaskCompletionSource release;
        lock (_holdGate)
        {
            release = _release;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        release.SetResult();
    }

    /// <summary>Releases held requests and stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        context.Response.Headers[UpstreamHeader] = Name;
        var path = context.Request.Path.Value ?? "/";
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var aborted = context.RequestAborted;
        switch (lastSegment)
        {
            case "stream":
                await StreamAsync(context, Query(context, "chunks", 5), Query(context, "delayMs", 50), Query(context, "hold", 0) == 1, aborted).ConfigureAwait(false);
                break;
            case "hold":
                await HoldAsync(context, aborted).ConfigureAwait(false);
                break;
            case "slow":
                await Task.Delay(Query(context, "ms", 1000), aborted).ConfigureAwait(false);
                await context.Response.WriteAsync($"slow from {Name}", aborted).ConfigureAwait(false);
                break;
            case "fail":
                context.Response.StatusCode = Query(context, "status", 500);
                await context.Response.WriteAsync($"failure from {Name}", aborted).ConfigureAwait(false);
                break;
            case "ws" when context.WebSockets.IsWebSocketRequest:
                await EchoWebSocketAsync(context).ConfigureAwait(false);
                break;
            default:
                await EchoAsync(context, aborted).ConfigureAwait(false);
                break;
        }
    }

    private async Task EchoAsync(HttpContext context, CancellationToken aborted)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(aborted).ConfigureAwait(false);
        var echo = new EchoResponse(
            Name,
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, echo, EchoResponse.JsonOptions, aborted).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, int chunks, int delayMilliseconds, bool holdAfterFirst, CancellationToken aborted)
    {
        context.Response.ContentType = "text/plain";
        for (var i = 0; i < chunks; i++)
        {
            await context.Response.WriteAsync($"chunk {i}\n", aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            if (i == 0 && holdAfterFirst)
            {
                await WaitForReleaseAsync(aborted).ConfigureAwait(false);
            }
            else if (i + 1 < chunks)
            {
                await Task.Delay(delayMilliseconds, aborted).ConfigureAwait(false);
            }
        }
    }

    private async Task HoldAsync(HttpContext context, CancellationToken aborted)
    {
        await WaitForReleaseAsync(aborted).ConfigureAwait(false);
        await context.Response.WriteAsync($"released by {Name}", aborted).ConfigureAwait(false);
    }

    /// <summary>Counts as a held arrival, then waits for <see cref="ReleaseHeld"/>.</summary>
    private async Task WaitForReleaseAsync(CancellationToken aborted)
    {
        Task release;
        lock (_holdGate)
        {
            release = _release.Task;
            if (!_heldArrivalWaiters.TryDequeue(out var waiter))
            {
                _heldArrivals++;
            }
            else
            {
                waiter.SetResult();
            }
        }

        await release.WaitAsync(aborted).ConfigureAwait(false);
    }

    private static async Task EchoWebSocketAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var buffer = new byte[4096];
        var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                // The whole message goes back as one frame, however it arrived: a test can then tell a frame
                // torn on its way to the client from one the upstream split.
                await socket.SendAsync(message.GetBuffer().AsMemory(0, (int)message.Length), received.MessageType, endOfMessage: true, context.RequestAborted).ConfigureAwait(false);
                message.SetLength(0);
            }
        }
    }

    private static int Query(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
