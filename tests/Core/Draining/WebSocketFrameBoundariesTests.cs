using HotReloadProxy.Draining.WebSockets;
using static HotReload.Core.Tests.Draining.WebSocketFrames;

namespace HotReload.Core.Tests.Draining;

/// <summary>
/// The parser that lets the drain bound put a close frame between two of the upstream's frames: it must find every
/// frame's end whatever the split of the bytes into writes, for every length encoding, masked or not, with control
/// frames between the fragments of a message.
/// </summary>
public sealed class WebSocketFrameBoundariesTests
{
    /// <summary>Every length encoding at its edges, a fragmented message with control frames inside, a masked frame and empty payloads.</summary>
    private static readonly (byte[] Bytes, List<int> Ends) Stream = Concat(
        Frame(Text, 5),
        Frame(Text, 125, fin: false, seed: 1),
        Frame(Ping, 0),
        Frame(Continuation, 126, fin: false, seed: 2),
        Frame(Pong, 4, seed: 3),
        Frame(Continuation, 65535, fin: false, seed: 4),
        Frame(Ping, 125, seed: 5),
        Frame(Continuation, 65536, seed: 6),
        Frame(Binary, 10, masked: true, seed: 7),
        Frame(Binary, 0),
        Frame(Binary, 300, masked: true, seed: 8),
        Frame(Close, 2, seed: 9));

    [Fact]
    [Requirement("DR-08")]
    public void Every_frame_end_is_found_when_the_stream_arrives_one_byte_at_a_time()
    {
        var frames = new WebSocketFrameBoundaries();
        var boundaries = new List<int>();
        for (var i = 0; i < Stream.Bytes.Length; i++)
        {
            frames.Consume(Stream.Bytes.AsSpan(i, 1));
            if (frames.AtBoundary)
            {
                boundaries.Add(i + 1);
            }
        }

        Assert.Equal(Stream.Ends, boundaries);
        Assert.Equal(Stream.Ends.Count, frames.FramesEnded);
    }

    [Fact]
    [Requirement("DR-08")]
    public void Every_frame_end_is_found_whichever_offset_splits_the_stream_in_two_writes()
    {
        for (var split = 0; split <= Stream.Bytes.Length; split++)
        {
            var frames = new WebSocketFrameBoundaries();
            var boundaries = new List<int>();
            Feed(frames, Stream.Bytes, 0, split, boundaries);
            Feed(frames, Stream.Bytes, split, Stream.Bytes.Length, boundaries);
            if (!Stream.Ends.SequenceEqual(boundaries))
            {
                Assert.Fail($"Split at byte {split}: frame ends found at [{string.Join(", ", boundaries)}], expected [{string.Join(", ", Stream.Ends)}].");
            }
        }
    }

    [Fact]
    [Requirement("DR-08")]
    public void A_write_holding_the_end_of_one_frame_and_the_start_of_the_next_stops_at_the_end()
    {
        var first = Frame(Binary, 300);
        var second = Frame(Text, 40, seed: 1);
        var frames = new WebSocketFrameBoundaries();
        frames.Consume(first.AsSpan(0, 100));
        Assert.False(frames.AtBoundary);

        var tail = first.AsSpan(100).ToArray().Concat(second.AsSpan(0, 3).ToArray()).ToArray();
        var used = frames.ConsumeToNextBoundary(tail);

        Assert.Equal(first.Length - 100, used);
        Assert.True(frames.AtBoundary);
        Assert.Equal(3, frames.ConsumeToNextBoundary(tail.AsSpan(used)));
        Assert.False(frames.AtBoundary);
    }

    [Fact]
    [Requirement("DR-08")]
    public void Nothing_seen_is_a_boundary_and_a_header_alone_is_not()
    {
        var frames = new WebSocketFrameBoundaries();
        Assert.True(frames.AtBoundary);

        // The 64-bit length form: 10 header bytes, then the payload.
        var large = Frame(Binary, 70_000);
        for (var i = 0; i < 10; i++)
        {
            frames.Consume(large.AsSpan(i, 1));
            Assert.False(frames.AtBoundary, $"at a boundary after {i + 1} header byte(s)");
        }

        Assert.Equal(70_000, frames.ConsumeToNextBoundary(large.AsSpan(10)));
        Assert.True(frames.AtBoundary);
    }

    private static void Feed(WebSocketFrameBoundaries frames, byte[] bytes, int from, int to, List<int> boundaries)
    {
        var at = from;
        while (at < to)
        {
            at += frames.ConsumeToNextBoundary(bytes.AsSpan(at, to - at));
            if (frames.AtBoundary)
            {
                boundaries.Add(at);
            }
        }
    }
}
