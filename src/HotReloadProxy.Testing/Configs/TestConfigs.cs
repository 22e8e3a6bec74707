using HotReload.Testing.Load;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Forwarding;

namespace HotReloadProxy.Testing.Configs;

/// <summary>
/// Small builders for the configs reload tests write. Every config made here answers <c>GET /version</c>
/// directly with its version as the body and in <see cref="VersionHeader"/>, so any response tells which
/// file content served it.
/// </summary>
internal static class TestConfigs
{
    /// <summary>The header a versioned route sets on its responses and on what it forwards upstream.</summary>
    public const string VersionHeader = "X-Config-Version";

    /// <summary>
    /// Reads a response of these configs for a <see cref="LoadRecorder"/>: the generation from the proxy's
    /// generation header, the version from <see cref="VersionHeader"/> and from the body or the upstream's echo.
    /// </summary>
    public static ServedVersionReader ResponseReader { get; } = ServedVersionReaders.HeadersAndEcho(ForwardingOptions.GenerationHeaderName, VersionHeader);

    public static RouteConfig VersionRoute(string version) => new()
    {
        Id = "version",
        Match = new RouteMatch { Path = "/version" },
        Respond = new DirectResponse { Status = 200, Body = version },
        Transforms = new RouteTransforms { ResponseHeaders = Headers((VersionHeader, version)) },
    };

    public static RouteConfig RespondRoute(string id, string path, string body, int status = 200) => new()
    {
        Id = id,
        Match = new RouteMatch { Path = path },
        Respond = new DirectResponse { Status = status, Body = body },
    };

    public static RouteConfig ForwardRoute(string id, string path, string cluster, string? version = null) => new()
    {
        Id = id,
        Match = new RouteMatch { Path = path },
        Cluster = cluster,
        Transforms = version is null ? null : new RouteTransforms { ResponseHeaders = Headers((VersionHeader, version)) },
    };

    public static ClusterConfig Cluster(params Uri[] destinations) => new()
    {
        Destinations = new ValueMap<DestinationConfig>(
            destinations.Select((uri, i) => new KeyValuePair<string, DestinationConfig>($"d{i + 1}", new DestinationConfig { Address = uri.ToString().TrimEnd('/') })),
            StringComparer.Ordinal),
    };

    /// <summary>A config with the version route plus the given routes and clusters.</summary>
    public static ProxyConfig Versioned(string version, IEnumerable<RouteConfig>? routes = null, IEnumerable<KeyValuePair<string, ClusterConfig>>? clusters = null) => new()
    {
        Routes = new ValueList<RouteConfig>(new[] { VersionRoute(version) }.Concat(routes ?? [])),
        Clusters = new ValueMap<ClusterConfig>(clusters ?? [], StringComparer.Ordinal),
    };

    /// <summary>
    /// <see cref="Versioned"/> plus <c>/echo/{**rest}</c> forwarded to <paramref name="upstream"/>. The route sends
    /// its version to the upstream as a request header and sets it on the response, both from the snapshot the
    /// request started with, so the echoed and the returned version differ only if one request saw two configs.
    /// </summary>
    public static ProxyConfig VersionedForward(string version, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var echo = ForwardRoute("echo", "/echo/{**rest}", "upstream") with
        {
            Transforms = new RouteTransforms
            {
                RequestHeaders = Headers((VersionHeader, version)),
                ResponseHeaders = Headers((VersionHeader, version)),
            },
        };
        return Versioned(version, [echo], [new("upstream", Cluster(upstream))]);
    }

    public static ValueMap<string> Headers(params (string Name, string Value)[] headers) =>
        new(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), StringComparer.OrdinalIgnoreCase);

    public static string ToJson(this ProxyConfig config) => ConfigJsonWriter.ToJson(config);

    /// <summary>Valid JSON with a semantic error: a route that names a cluster that does not exist.</summary>
    public static string UnknownClusterJson(string version) =>
        (Versioned(version) with { Routes = new ValueList<RouteConfig>([VersionRoute(version), ForwardRoute("orphan", "/orphan", "missing")]) }).ToJson();

    /// <summary>Malformed JSON: the config of <paramref name="version"/> cut in half.</summary>
    public static string TruncatedJson(string version)
    {
        var json = Versioned(version).ToJson();
        return json[..(json.Length / 2)];
    }
}
