using System.Net.WebSockets;
using System.Text;
using HotReload.Functional.Tests.Observability;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;
using static HotReload.Functional.Tests.Drain.DrainSteps;

namespace HotReload.Functional.Tests.Drain;

/// <summary>
/// --drain-timeout: a request or WebSocket on a route a reload removed or changed ends once the bound expires
/// after that reload; one on an unchanged route is never touched, however many reloads it outlives.
/// </summary>
public sealed class DrainBoundTests
{
    private const int BoundMs = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(BoundMs);
    private static readonly TimeSpan Generous = DrainRig.Generous;

    [Fact]
    [Requirement("DR-01", "DR-07")]
    public async Task A_streamed_response_on_a_removed_or_changed_route_is_ended_when_the_bound_expires()
    {
        await using var upstream = await UpstreamServer.StartAsync("first");
        await using var replacement = await UpstreamServer.StartAsync("second");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true, moving: upstream.Address), BoundMs);
        using var doomed = await HeldStreamAsync(rig.Client, "/doomed/stream");
        using var moved = await HeldStreamAsync(rig.Client, "/moved/stream");

        // The doomed route goes; the moved route stays but its cluster now points elsewhere: both changed.
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false, moving: replacement.Address));
        rig.Clock.Advance(Bound - TimeSpan.FromMilliseconds(1));
        var before = await rig.DrainStatusAsync();
        Assert.Equal(0, before.GetProperty("endedByBound").GetInt64());
        Assert.Equal(2, before.GetProperty("leasedToOlderGenerations").GetInt64());

        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await AssertCutAsync(doomed, "/doomed/stream");
        await AssertCutAsync(moved, "/moved/stream");
        Assert.Equal(2, (await rig.DrainStatusAsync()).GetProperty("endedByBound").GetInt64());
        Assert.Equal(2, (await PrometheusScrape.FromAsync(rig.Admin)).Value("hotreload_requests_drained_total"));
        await rig.AwaitLeasedAsync(0);

        var ended = rig.Proxy.Logs.GetSnapshot().Where(r => r.Id.Id == 1350).ToList();
        Assert.Equal(["doomed", "moved"], ended.Select(r => State(r, "RouteId")).Order());
        Assert.All(ended, r => Assert.Equal("1", State(r, "Generation")));
        Assert.All(ended, r => Assert.Equal("request", State(r, "Kind")));

        // The fake clock moved by exactly the bound between the requests' start and their end.
        Assert.All(ended, r => Assert.Equal(BoundMs, double.Parse(State(r, "RanMs")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    [Requirement("DR-02")]
    public async Task A_streamed_response_on_an_unchanged_route_outlives_the_bound_across_several_reloads()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var kept = await HeldStreamAsync(rig.Client, "/keep/stream");
        using var witness = await HeldStreamAsync(rig.Client, "/doomed/stream");

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        rig.Clock.Advance(Bound * 2);
        await AssertCutAsync(witness, "/doomed/stream (the witness that the bound fired)");
        await rig.ReloadAsync(Config("v3", upstream.Address, doomed: true));
        rig.Clock.Advance(Bound * 2);
        await rig.ReloadAsync(Config("v4", upstream.Address, doomed: false));
        rig.Clock.Advance(Bound * 5);

        var drain = await rig.DrainStatusAsync();
        Assert.Equal(1, drain.GetProperty("endedByBound").GetInt64());
        Assert.Equal(1, drain.GetProperty("leasedToOlderGenerations").GetInt64());
        upstream.ReleaseHeld();
        Assert.Equal("chunk 1\nchunk 2\n", await kept.Reader.ReadToEndAsync().WaitAsync(Generous));
        Assert.Equal("1", kept.Response.Headers.GetValues("X-Config-Generation").Single());
        await rig.AwaitLeasedAsync(0);
    }

    [Fact]
    [Requirement("DR-03")]
    public async Task A_websocket_on_a_removed_route_gets_a_going_away_close_frame_when_the_bound_expires()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(rig.WebSocketBase, "/doomed/ws"), CancellationToken.None).WaitAsync(Generous);
        Assert.Equal("before", await EchoAsync(socket, "before"));

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        var receiving = socket.ReceiveAsync(new byte[256], CancellationToken.None);
        rig.Clock.Advance(Bound - TimeSpan.FromMilliseconds(1));
        Assert.False(receiving.IsCompleted, "the WebSocket ended before the bound expired");
        Assert.Equal(0, (await rig.DrainStatusAsync()).GetProperty("endedByBound").GetInt64());

        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var close = await receiving.WaitAsync(Generous);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
        Assert.Equal("route changed by a config reload", close.CloseStatusDescription);
        Assert.Equal(1, (await rig.DrainStatusAsync()).GetProperty("endedByBound").GetInt64());
        var ended = Assert.Single(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1350);
        Assert.Equal("WebSocket", State(ended, "Kind"));
        Assert.Equal("doomed", State(ended, "RouteId"));

        // The client's reply reaches the upstream, whose own reply ends the tunnel: no grace had to pass.
        await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "ok", CancellationToken.None).WaitAsync(Generous);
        await rig.AwaitLeasedAsync(0);
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1353);
    }

    [Fact]
    [Requirement("DR-04")]
    public async Task A_websocket_on_an_unchanged_route_keeps_echoing_past_the_bound_across_reloads()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var kept = new ClientWebSocket();
        using var witness = new ClientWebSocket();
        await kept.ConnectAsync(new Uri(rig.WebSocketBase, "/keep/ws"), CancellationToken.None).WaitAsync(Generous);
        await witness.ConnectAsync(new Uri(rig.WebSocketBase, "/doomed/ws"), CancellationToken.None).WaitAsync(Generous);
        Assert.Equal("hello", await EchoAsync(kept, "hello"));

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        rig.Clock.Advance(Bound * 2);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, (await witness.ReceiveAsync(new byte[64], CancellationToken.None).WaitAsync(Generous)).CloseStatus);
        for (var version = 3; version <= 5; version++)
        {
            await rig.ReloadAsync(Config($"v{version}", upstream.Address, doomed: version % 2 == 1));
            rig.Clock.Advance(Bound * 3);
            Assert.Equal($"after v{version}", await EchoAsync(kept, $"after v{version}"));
        }

        Assert.Equal(1, (await rig.DrainStatusAsync()).GetProperty("endedByBound").GetInt64());
        await kept.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(Generous);
    }

    [Fact]
    [Requirement("DR-05")]
    public async Task Status_counts_the_requests_leased_to_each_older_generation_until_they_end()
    {
        await using var upstream = await UpstreamServer.StartAsync("holder");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), boundMs: null);
        var first = await HoldAsync(rig.Client, upstream, 2);
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: true));
        var second = await HoldAsync(rig.Client, upstream, 1);
        await rig.ReloadAsync(Config("v3", upstream.Address, doomed: false));

        var drain = await rig.DrainStatusAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, drain.GetProperty("boundMs").ValueKind);
        Assert.Equal(3, drain.GetProperty("leasedToOlderGenerations").GetInt64());
        Assert.Equal([(1L, 2), (2L, 1)], drain.GetProperty("olderGenerations").EnumerateArray()
            .Select(g => (g.GetProperty("generation").GetInt64(), g.GetProperty("requests").GetInt32())).Order());

        upstream.ReleaseHeld();
        foreach (var held in first.Concat(second))
        {
            using var response = await held.WaitAsync(Generous);
            Assert.True(response.IsSuccessStatusCode, $"a held request answered {(int)response.StatusCode}");
        }

        await rig.AwaitLeasedAsync(0);
        Assert.Empty((await rig.DrainStatusAsync()).GetProperty("olderGenerations").EnumerateArray());
    }

    [Fact]
    [Requirement("DR-06")]
    public async Task Without_a_bound_a_request_on_a_removed_route_runs_to_its_end()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), boundMs: null);
        using var doomed = await HeldStreamAsync(rig.Client, "/doomed/stream");

        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        rig.Clock.Advance(TimeSpan.FromHours(1));
        upstream.ReleaseHeld();

        Assert.Equal("chunk 1\nchunk 2\n", await doomed.Reader.ReadToEndAsync().WaitAsync(Generous));
        Assert.Equal(0, (await rig.DrainStatusAsync()).GetProperty("endedByBound").GetInt64());
    }

    private static async Task<List<Task<HttpResponseMessage>>> HoldAsync(HttpClient client, UpstreamServer upstream, int count)
    {
        var held = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < count; i++)
        {
            var arrived = upstream.NextHeldArrival();
            held.Add(client.GetAsync(new Uri("/keep/hold", UriKind.Relative)));
            await arrived.WaitAsync(Generous);
        }

        return held;
    }
}
