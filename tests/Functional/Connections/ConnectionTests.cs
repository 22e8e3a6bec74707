using System.Net.WebSockets;
using System.Text;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Connections;

/// <summary>What a reload must not do to connections already open: close them, cut a response short, or drop a WebSocket.</summary>
public sealed class ConnectionTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    [Requirement("CM-01")]
    public async Task A_keep_alive_connection_serves_requests_before_and_after_a_reload()
    {
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("v1"));
        var connections = 0;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = ((KestrelProxy)scenario.Proxy).PublicAddress };

        await client.AssertServesVersionAsync("v1");
        await scenario.WriteAndWaitAppliedAsync(TestConfigs.Versioned("v2"));
        await client.AssertServesVersionAsync("v2");

        Assert.Equal(1, Volatile.Read(ref connections));
    }

    [Fact]
    [Requirement("CM-02", "AT-01")]
    public async Task A_streamed_response_started_before_a_reload_completes_on_its_original_generation()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.VersionedForward("v1", upstream.Address));
        using var client = scenario.Proxy.CreateClient();

        using var streaming = await client.GetAsync("/echo/stream?chunks=3&delayMs=1&hold=1", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await streaming.Content.ReadAsStreamAsync());
        Assert.Equal("chunk 0", await reader.ReadLineAsync().WaitAsync(Generous));

        await scenario.WriteAndWaitAppliedAsync(TestConfigs.VersionedForward("v2", upstream.Address));
        await client.AssertServesVersionAsync("v2");
        upstream.ReleaseHeld();

        Assert.Equal("chunk 1\nchunk 2\n", await reader.ReadToEndAsync().WaitAsync(Generous));
        Assert.Equal("1", streaming.Headers.GetValues("X-Config-Generation").Single());
        Assert.Equal("v1", streaming.Headers.GetValues(TestConfigs.VersionHeader).Single());
    }

    [Fact]
    [Requirement("CM-03")]
    public async Task A_websocket_on_an_unchanged_route_survives_a_reload_that_changes_another_route()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        var config = TestConfigs.Versioned("v1", [TestConfigs.ForwardRoute("ws", "/live/ws", "sockets")], [new("sockets", TestConfigs.Cluster(upstream.Address))]);
        await using var scenario = await ConfigScenario.KestrelAsync(config);
        var publicAddress = ((KestrelProxy)scenario.Proxy).PublicAddress;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{publicAddress.Authority}/live/ws"), CancellationToken.None).WaitAsync(Generous);
        Assert.Equal("before", await EchoAsync(socket, "before"));

        var changed = config with
        {
            Routes = new(config.Routes.Select(r => r.Id == "version" ? TestConfigs.VersionRoute("v2") : r).Append(TestConfigs.RespondRoute("extra", "/extra", "new"))),
        };
        var applied = await scenario.WriteAndWaitAppliedAsync(changed);
        Assert.DoesNotContain("ws", applied.Diff!.RoutesChanged.Select(r => r.Id));

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal("after", await EchoAsync(socket, "after"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(Generous);
    }

    private static async Task<string> EchoAsync(ClientWebSocket socket, string message)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).WaitAsync(Generous);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Generous);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}
