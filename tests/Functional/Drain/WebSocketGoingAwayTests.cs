using System.Net.WebSockets;
using HotReload.Testing.Upstreams;
using static HotReload.Functional.Tests.Drain.DrainSteps;

namespace HotReload.Functional.Tests.Drain;

/// <summary>
/// How the drain bound ends a WebSocket: a close frame (1001) between two of the upstream's frames, never inside
/// one, and an abrupt end only when the close cannot be written or answered within the close grace (1 s, on the
/// same fake clock as the bound). The upstream echoes each message as one frame.
/// </summary>
public sealed class WebSocketGoingAwayTests
{
    private const int BoundMs = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(BoundMs);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Generous = DrainRig.Generous;

    // Far more than the loopback socket buffers and Kestrel's output buffer hold, so a client that stops reading
    // keeps the proxy in the middle of this frame.
    private const int LargeFrameBytes = 24 * 1024 * 1024;

    [Fact]
    [Requirement("DR-09")]
    public async Task Messages_the_upstream_sent_right_before_the_cut_arrive_whole_then_the_close()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var socket = await ConnectAsync(rig, "/doomed/ws");
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));

        var sent = Enumerable.Range(0, 40).Select(i => Payload(i, 100 + (i * 97))).ToList();
        foreach (var message in sent)
        {
            await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).WaitAsync(Generous);
        }

        // The first echo is on its way to the client when the bound fires; the later ones may or may not be.
        var head = new byte[1];
        var started = await socket.ReceiveAsync(head, CancellationToken.None).WaitAsync(Generous);
        Assert.Equal((1, false), (started.Count, started.EndOfMessage));
        rig.Clock.Advance(Bound);

        var (received, close) = await ReadUntilCloseAsync(socket, head);
        Assert.NotEmpty(received);
        Assert.True(received.Count <= sent.Count, $"{received.Count} messages received, {sent.Count} sent");
        for (var i = 0; i < received.Count; i++)
        {
            Assert.True(sent[i].AsSpan().SequenceEqual(received[i]), $"message {i} arrived torn or changed: {received[i].Length} bytes, {sent[i].Length} sent");
        }

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
    }

    [Fact]
    [Requirement("DR-09")]
    public async Task A_large_frame_in_progress_when_the_bound_fires_is_finished_before_the_close()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var socket = await ConnectAsync(rig, "/doomed/ws");
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        var large = Payload(7, LargeFrameBytes);
        await socket.SendAsync(large, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).WaitAsync(Generous);

        // The proxy has begun the echo's one frame; the client stops reading, so the proxy stays inside it.
        var head = new byte[64 * 1024];
        var started = await socket.ReceiveAsync(head, CancellationToken.None).WaitAsync(Generous);
        Assert.False(started.EndOfMessage, "the whole 24 MiB frame arrived in one read");
        rig.Clock.Advance(Bound);

        var (received, close) = await ReadUntilCloseAsync(socket, head.AsSpan(0, started.Count).ToArray());
        var message = Assert.Single(received);
        Assert.True(large.AsSpan().SequenceEqual(message), $"the large frame arrived torn or changed: {message.Length} of {large.Length} bytes");
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "ok", CancellationToken.None).WaitAsync(Generous);
        await rig.AwaitLeasedAsync(0);
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1353);
    }

    [Fact]
    [Requirement("DR-10")]
    public async Task A_frame_that_does_not_end_within_the_grace_gets_the_websocket_ended_abruptly_and_logged()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var socket = await ConnectAsync(rig, "/doomed/ws");
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        await socket.SendAsync(Payload(3, LargeFrameBytes), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).WaitAsync(Generous);
        Assert.False((await socket.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(Generous)).EndOfMessage);

        rig.Clock.Advance(Bound);
        rig.Clock.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1353);
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var failed = Assert.Single(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1353);
        Assert.Equal("doomed", State(failed, "RouteId"));
        await rig.AwaitLeasedAsync(0);
        var error = await Record.ExceptionAsync(async () =>
        {
            var buffer = new byte[1024 * 1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Generous);
                Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            }
        });
        Assert.IsType<WebSocketException>(error);
    }

    [Fact]
    [Requirement("DR-10")]
    public async Task A_client_that_never_answers_the_close_has_its_connection_ended_when_the_grace_passes()
    {
        await using var upstream = await UpstreamServer.StartAsync("sockets");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var socket = await ConnectAsync(rig, "/doomed/ws");
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        var receiving = socket.ReceiveAsync(new byte[256], CancellationToken.None);

        rig.Clock.Advance(Bound);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, (await receiving.WaitAsync(Generous)).CloseStatus);
        rig.Clock.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await rig.DrainStatusAsync()).GetProperty("leasedToOlderGenerations").GetInt64());

        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await rig.AwaitLeasedAsync(0);

        // The close frame did go out: nothing failed, so nothing is logged as failed.
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1353);
    }

    private static async Task<ClientWebSocket> ConnectAsync(DrainRig rig, string path)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(rig.WebSocketBase, path), CancellationToken.None).WaitAsync(Generous);
        return socket;
    }

    /// <summary>Bytes that differ from message to message and from offset to offset, so a torn or shifted payload shows.</summary>
    private static byte[] Payload(int seed, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((seed * 31) + i);
        }

        return bytes;
    }

    /// <summary>Reads whole messages until the close; <paramref name="firstStart"/> is what was already read of the first.</summary>
    private static async Task<(List<byte[]> Messages, WebSocketReceiveResult Close)> ReadUntilCloseAsync(WebSocket socket, byte[] firstStart)
    {
        var messages = new List<byte[]>();
        var current = new MemoryStream();
        current.Write(firstStart);
        var buffer = new byte[256 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Generous);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                Assert.True(current.Length == 0, $"the close came inside a message, after {current.Length} of its bytes");
                return (messages, received);
            }

            current.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                messages.Add(current.ToArray());
                current.SetLength(0);
            }
        }
    }
}
