namespace HotReloadProxy.Configuration.Model;

internal sealed record RouteConfig
{
    public string Id { get; init; } = "";

    public RouteMatch Match { get; init; } = new();

    /// <summary>Lower values are tried first; ties fall back to specificity. Default 0.</summary>
    public int Order { get; init; }

    /// <summary>The cluster to forward to. Exactly one of <see cref="Cluster"/> and <see cref="Respond"/> is set.</summary>
    public string? Cluster { get; init; }

    public DirectResponse? Respond { get; init; }

    public RouteTransforms? Transforms { get; init; }

    /// <summary>Upstream timeout for this route; overrides the cluster's.</summary>
    public TimeSpan? Timeout { get; init; }
}
