namespace HotReloadProxy.Configuration.Model;

/// <summary>The whole config file as written by the user, after binding and before validation.</summary>
internal sealed record ProxyConfig
{
    public ValueList<RouteConfig> Routes { get; init; } = ValueList<RouteConfig>.Empty;

    public ValueMap<ClusterConfig> Clusters { get; init; } = ValueMap<ClusterConfig>.EmptyOrdinal;

    /// <summary>Listener settings. They apply at startup only; a reload that changes them is rejected.</summary>
    public ServerConfig? Server { get; init; }
}
