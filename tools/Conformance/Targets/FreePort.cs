using System.Net;
using System.Net.Sockets;

namespace HotReload.Conformance.Targets;

internal static class FreePort
{
    /// <summary>A loopback port free right now; another process could take it before the proxy binds it, which start-up then reports.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
