namespace HotReloadProxy.Configuration.Model;

public sealed record ClusterConfig
{
    public LoadBalancingPolicy LoadBalancing { get; init; } = LoadBalancingPolicy.RoundRobin;

    public ValueMap<DestinationConfig> Destinations { get; init; } = ValueMap<DestinationConfig>.EmptyOrdinal;

    /// <summary>Upstream timeout for requests to this cluster, unless the route sets its own.</summary>
    public TimeSpan? Timeout { get; init; }
}

public sealed record DestinationConfig
{
    public string Address { get; init; } = "";
}

public enum LoadBalancingPolicy
{
    RoundRobin,
    Random,
    First,
}
