namespace HotReloadProxy.Configuration.Model;

internal sealed record ClusterConfig
{
    public LoadBalancingPolicy LoadBalancing { get; init; } = LoadBalancingPolicy.RoundRobin;

    public ValueMap<DestinationConfig> Destinations { get; init; } = ValueMap<DestinationConfig>.EmptyOrdinal;

    /// <summary>Upstream timeout for requests to this cluster, unless the route sets its own.</summary>
    public TimeSpan? Timeout { get; init; }
}

internal sealed record DestinationConfig
{
    public string Address { get; init; } = "";
}

internal enum LoadBalancingPolicy
{
    RoundRobin,
    Random,
    First,
}
