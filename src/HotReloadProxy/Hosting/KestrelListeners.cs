using System.Net;
using HotReloadProxy.Admin;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Binds the public and admin listeners. The admin listener's connections are marked so the admin
/// endpoints answer there only. The file's "server" section may name the addresses; it was read by the
/// startup check, before the host was built.
/// </summary>
internal static class KestrelListeners
{
    public static void Configure(KestrelServerOptions kestrel, StartupConfig startup, ProxyEndpoints endpoints)
    {
        var server = startup.Server;
        var urls = endpoints.Urls ?? server?.Urls ?? ProxyEndpoints.DefaultUrls;
        var adminUrls = endpoints.AdminUrls ?? server?.AdminUrls ?? ProxyEndpoints.DefaultAdminUrls;
        foreach (var (_, address, port) in ListenAddresses.Parse(urls, "--urls"))
        {
            Listen(kestrel, address, port, endpoints.AddPublic, admin: false, endpoints.Http2 ? HttpProtocols.Http2 : null);
        }

        if (!adminUrls.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (_, address, port) in ListenAddresses.Parse(adminUrls, "--admin-urls"))
            {
                Listen(kestrel, address, port, endpoints.AddAdmin, admin: true, protocols: null);
            }
        }
    }

    /// <param name="protocols">Null keeps Kestrel's default, which on cleartext is HTTP/1.1.</param>
    private static void Listen(KestrelServerOptions kestrel, IPAddress? address, int port, Action<ListenOptions> register, bool admin, HttpProtocols? protocols)
    {
        void Setup(ListenOptions options)
        {
            if (protocols is { } only)
            {
                options.Protocols = only;
            }

            if (admin)
            {
                options.Use(AdminConnection.Mark);
            }

            register(options);
        }

        if (address is null)
        {
            kestrel.ListenLocalhost(port, Setup);
        }
        else
        {
            kestrel.Listen(address, port, Setup);
        }
    }
}
