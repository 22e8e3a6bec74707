using System.Net;
using System.Net.Sockets;

namespace HotReload.Testing.Upstreams;

/// <summary>An address nobody listens on, for "upstream unreachable" (502) cases.</summary>
public static class UnusedLoopbackAddress
{
    /// <summary>A loopback address on a port that was free a moment ago and will not be handed out again soon.</summary>
    /// <returns>The address.</returns>
    public static Uri Next()
    {
        // The kernel will not hand this ephemeral port out again soon after it is released.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return new Uri($"http://127.0.0.1:{port}");
    }
}
