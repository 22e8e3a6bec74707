using System.Net;

namespace HotReloadProxy.Hosting;

/// <summary>Parses Kestrel-style URL lists ("http://127.0.0.1:8080;http://localhost:8081") into endpoints to bind.</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<(string Host, IPAddress? Address, int Port)> Parse(string urls, string settingName)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var result = new List<(string, IPAddress?, int)>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel accepts "*" and "+" as hosts; Uri does not, so map them to the any-address form first.
            var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
            {
                throw new ProxyOptionsException($"{settingName}: '{url}' is not a listen URL; write it like http://127.0.0.1:8080.");
            }

            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ProxyOptionsException($"{settingName}: '{url}' uses {uri.Scheme}; the proxy listens on http only. Terminate TLS in front of it.");
            }

            if (uri.IsDefaultPort && !url.Contains(":80", StringComparison.Ordinal))
            {
                throw new ProxyOptionsException($"{settingName}: '{url}' has no port; write it like http://127.0.0.1:8080.");
            }

            var host = uri.Host.Trim('[', ']');
            var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? null
                : IPAddress.TryParse(host, out var parsed) ? parsed
                : throw new ProxyOptionsException($"{settingName}: '{url}' names host '{host}'; use an IP address, 'localhost' or '*'.");
            result.Add((host, address, uri.Port));
        }

        return result.Count > 0 ? result : throw new ProxyOptionsException($"{settingName} is empty; give at least one URL.");
    }
}
