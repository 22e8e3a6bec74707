using System.Net.WebSockets;
using HotReloadProxy.Draining.WebSockets;
using static HotReload.Core.Tests.Draining.WebSocketFrames;

namespace HotReload.Core.Tests.Draining;

/// <summary>
/// The client stream the forwarder writes the upstream's frames through: a close asked for in the middle of a frame
/// goes out right after that frame, whatever the split of the writes, and nothing the forwarder writes after it does.
/// A real WebSocket client reads the bytes that reached the wire.
/// </summary>
public sealed class GoingAwayStreamTests
{
    private static readonly byte[] CloseFrame = WebSocketCloseFrame.Build(WebSocketCloseFrame.GoingAway, "route changed by a config reload");

    [Fact]
    [Requirement("DR-08")]
    public async Task At_a_frame_boundary_the_close_frame_goes_out_at_once_and_later_writes_are_dropped()
    {
        var wire = new MemoryStream();
        await using var stream = new GoingAwayStream(wire, CloseFrame);
        var message = Frame(Text, 20);
        await stream.WriteAsync(message);

        await stream.CloseGoingAwayAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(stream.CloseWritten);
        await stream.WriteAsync(Frame(Text, 7, seed: 1));
        await stream.FlushAsync();

        Assert.Equal(message.Concat(CloseFrame), wire.ToArray());
        await AssertClientReadsAsync(wire.ToArray(), Frame(Text, 20));
    }

    [Fact]
    [Requirement("DR-08")]
    public async Task Mid_frame_the_close_frame_waits_for_the_end_of_the_frame_even_when_the_write_carries_the_next_one()
    {
        var message = Frame(Binary, 70_000);
        var next = Frame(Binary, 50, seed: 3);
        for (var split = 1; split < message.Length; split += 997)
        {
            var wire = new MemoryStream();
            await using var stream = new GoingAwayStream(wire, CloseFrame);
            await stream.WriteAsync(message.AsMemory(0, split));

            var closing = stream.CloseGoingAwayAsync();
            Assert.False(closing.IsCompleted, $"split {split}: the close completed in the middle of a frame");
            Assert.Equal(split, wire.Length);

            await stream.WriteAsync(message.AsMemory(split).ToArray().Concat(next).ToArray());
            await closing.WaitAsync(TimeSpan.FromSeconds(5));
            await stream.WriteAsync(next);

            Assert.Equal(message.Concat(CloseFrame), wire.ToArray());
        }

        var last = new MemoryStream();
        await using (var stream = new GoingAwayStream(last, CloseFrame))
        {
            await stream.WriteAsync(message.AsMemory(0, 1000));
            var closing = stream.CloseGoingAwayAsync();
            await stream.WriteAsync(message.AsMemory(1000));
            await closing.WaitAsync(TimeSpan.FromSeconds(5));
        }

        await AssertClientReadsAsync(last.ToArray(), message);
    }

    [Fact]
    [Requirement("DR-08")]
    public async Task A_close_still_waiting_for_the_frame_in_progress_fails_when_the_tunnel_ends()
    {
        var stream = new GoingAwayStream(new MemoryStream(), CloseFrame);
        await stream.WriteAsync(Frame(Binary, 500).AsMemory(0, 100));
        var closing = stream.CloseGoingAwayAsync();

        await stream.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => closing.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(stream.CloseWritten);
    }

    /// <summary>A client reads <paramref name="expected"/>'s payload as one whole message, then a close with 1001.</summary>
    private static async Task AssertClientReadsAsync(byte[] wire, byte[] expected)
    {
        using var client = WebSocket.CreateFromStream(new MemoryStream(wire), new WebSocketCreationOptions { IsServer = false });
        var payload = new MemoryStream();
        var buffer = new byte[100_000];
        WebSocketReceiveResult received;
        do
        {
            received = await client.ReceiveAsync(buffer, CancellationToken.None);
            payload.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        Assert.Equal(expected.AsSpan(expected.Length - (int)payload.Length).ToArray(), payload.ToArray());
        var close = await client.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, close.CloseStatus);
    }
}
