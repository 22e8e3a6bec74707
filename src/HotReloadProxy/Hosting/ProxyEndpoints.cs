using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HotReloadProxy.Hosting;

/// <summary>
/// The listeners Kestrel was told to bind, kept so the bound addresses can be read after startup (port 0
/// in tests, and the startup log line).
/// </summary>
internal sealed class ProxyEndpoints
{
    public const string DefaultUrls = "http://127.0.0.1:8080";
    public const string DefaultAdminUrls = "http://127.0.0.1:9901";

    private readonly List<ListenOptions> _public = [];
    private readonly List<ListenOptions> _admin = [];

    public ProxyEndpoints(string? urls, string? adminUrls)
    {
        Urls = urls;
        AdminUrls = adminUrls;
    }

    /// <summary>From --urls (or ASPNETCORE_URLS); null means the file's server.urls or the default.</summary>
    public string? Urls { get; }

    /// <summary>From --http2: the public listeners speak HTTP/2 with prior knowledge (h2c) instead of HTTP/1.1; the admin listener stays HTTP/1.1.</summary>
    public bool Http2 { get; init; }

    /// <summary>From --admin-urls; null means the file's server.adminUrls or the default; "none" disables the admin listener.</summary>
    public string? AdminUrls { get; }

    public IReadOnlyList<Uri> PublicAddresses => _public.Select(ToUri).ToList();

    public IReadOnlyList<Uri> AdminAddresses => _admin.Select(ToUri).ToList();

    internal void AddPublic(ListenOptions options) => _public.Add(options);

    internal void AddAdmin(ListenOptions options) => _admin.Add(options);

    private static Uri ToUri(ListenOptions options) => options.EndPoint is IPEndPoint ip
        ? new Uri($"http://{(ip.Address.Equals(IPAddress.IPv6Loopback) ? "[::1]" : ip.Address.ToString())}:{ip.Port}")
        : new Uri($"http://{options.EndPoint}");
}
