using System.Net.WebSockets;
using System.Text;
using HotReloadProxy.Draining.WebSockets;

namespace HotReload.Core.Tests.Draining;

/// <summary>The close frame the drain bound sends: what a real WebSocket client reads from it.</summary>
public sealed class WebSocketCloseFrameTests
{
    [Fact]
    [Requirement("DR-08")]
    public async Task A_client_reads_status_1001_and_the_reason()
    {
        var frame = WebSocketCloseFrame.Build(WebSocketCloseFrame.GoingAway, "route changed by a config reload");

        Assert.Equal(new byte[] { 0x88, 2 + 32, 0x03, 0xE9 }, frame[..4]);
        var (status, reason) = await ReadCloseAsync(frame);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        Assert.Equal("route changed by a config reload", reason);
    }

    [Fact]
    [Requirement("DR-08")]
    public async Task A_long_reason_is_cut_to_123_bytes_never_inside_a_character()
    {
        var ascii = WebSocketCloseFrame.Build(WebSocketCloseFrame.GoingAway, new string('r', 200));
        Assert.Equal(125, ascii[1]);
        Assert.Equal(new string('r', 123), (await ReadCloseAsync(ascii)).Reason);

        // Two bytes per character: 123 would split the 62nd, so 61 characters (122 bytes) remain.
        var accented = WebSocketCloseFrame.Build(WebSocketCloseFrame.GoingAway, new string('é', 100));
        Assert.Equal(124, accented[1]);
        Assert.Equal(new string('é', 61), (await ReadCloseAsync(accented)).Reason);
    }

    private static async Task<(WebSocketCloseStatus? Status, string? Reason)> ReadCloseAsync(byte[] frame)
    {
        using var socket = WebSocket.CreateFromStream(new MemoryStream(frame), new WebSocketCreationOptions { IsServer = false });
        var received = await socket.ReceiveAsync(new byte[256], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        return (received.CloseStatus, received.CloseStatusDescription);
    }
}
