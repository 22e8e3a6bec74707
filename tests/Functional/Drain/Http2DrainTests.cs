using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using HotReload.Testing.Upstreams;
using static HotReload.Functional.Tests.Drain.DrainSteps;

namespace HotReload.Functional.Tests.Drain;

/// <summary>
/// The drain bound on HTTP/2 (the public listener in h2c mode, --http2): it resets the one stream it ends and leaves
/// the connection's other streams alone; a WebSocket over HTTP/2 (extended CONNECT) gets its close frame like one
/// over HTTP/1.1.
/// </summary>
public sealed class Http2DrainTests
{
    private const int BoundMs = 1000;
    private const int Http2Cancel = 0x8;
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(BoundMs);
    private static readonly TimeSpan Generous = DrainRig.Generous;

    [Fact]
    [Requirement("DR-11")]
    public async Task Only_the_stream_of_the_removed_route_is_reset_and_its_neighbour_on_the_same_connection_completes()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs, http2: true);
        var connections = new StrongBox<int>();
        using var client = rig.CreateHttp2Client(connections);
        using var doomed = await HeldStreamAsync(client, "/doomed/stream");
        using var kept = await HeldStreamAsync(client, "/keep/stream");
        Assert.Equal(HttpVersion.Version20, doomed.Response.Version);

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        rig.Clock.Advance(Bound);

        var error = await Record.ExceptionAsync(() => doomed.Reader.ReadToEndAsync().WaitAsync(Generous));
        var reset = FindProtocolError(error);
        Assert.True(reset is not null, $"the removed route's stream was not reset: {error?.ToString() ?? "it read to its end"}");
        Assert.Equal(Http2Cancel, reset.ErrorCode);

        upstream.ReleaseHeld();
        Assert.Equal("chunk 1\nchunk 2\n", await kept.Reader.ReadToEndAsync().WaitAsync(Generous));
        using var after = await client.GetAsync(new Uri("/keep/echo", UriKind.Relative)).WaitAsync(Generous);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, connections.Value);
        await rig.AwaitLeasedAsync(0);
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1030);
    }

    [Fact]
    [Requirement("DR-03")]
    public async Task A_websocket_over_http2_on_a_removed_route_gets_a_going_away_close_frame()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs, http2: true);
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
        using var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await socket.ConnectAsync(new Uri(rig.WebSocketBase, "/doomed/ws"), invoker, CancellationToken.None).WaitAsync(Generous);
        Assert.Equal("over h2", await EchoAsync(socket, "over h2"));

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        var receiving = socket.ReceiveAsync(new byte[256], CancellationToken.None);
        rig.Clock.Advance(Bound);

        var close = await receiving.WaitAsync(Generous);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "ok", CancellationToken.None).WaitAsync(Generous);
        await rig.AwaitLeasedAsync(0);
    }

    private static HttpProtocolException? FindProtocolError(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is HttpProtocolException protocol)
            {
                return protocol;
            }
        }

        return null;
    }
}
