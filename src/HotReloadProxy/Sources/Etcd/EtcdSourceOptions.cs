using HotReloadProxy.Hosting;

namespace HotReloadProxy.Sources.Etcd;

internal sealed record EtcdSourceOptions
{
    public static readonly TimeSpan DefaultMaxBackoff = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(10);

    /// <summary>The shortest keep-alive: the HTTP client takes no ping delay or ping timeout under 1 s.</summary>
    public static readonly TimeSpan MinKeepAlive = TimeSpan.FromSeconds(2);

    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>The one key holding the whole config, so one put is one atomic change.</summary>
    public required string Key { get; init; }

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = DefaultMaxBackoff;

    /// <summary>How long startup keeps trying to read the key before the proxy gives up and exits.</summary>
    public TimeSpan StartupTimeout { get; init; } = DefaultStartupTimeout;

    /// <summary>Deadline of one read of the key.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a connection may be silent before it is pinged; a ping unanswered for half as long again closes it.
    /// This is how a hung etcd (a paused process, a network that drops packets without a reset) is noticed at all:
    /// an open watch on it would otherwise wait forever for a change.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = DefaultKeepAlive;

    public static EtcdSourceOptions Parse(string endpoints, string key, TimeSpan maxBackoff, TimeSpan startupTimeout, TimeSpan keepAlive)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var uris = new List<Uri>();
        foreach (var part in endpoints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ProxyOptionsException($"--etcd expects comma-separated http(s) URLs such as http://127.0.0.1:2379, but got '{part}'.");
            }

            uris.Add(uri);
        }

        return uris.Count == 0
            ? throw new ProxyOptionsException("--etcd needs at least one endpoint, such as http://127.0.0.1:2379.")
            : new EtcdSourceOptions { Endpoints = uris, Key = key, MaxBackoff = maxBackoff, StartupTimeout = startupTimeout, KeepAlive = keepAlive };
    }
}
