namespace HotReloadProxy.Configuration.Validation;

/// <summary>Upper bounds that keep one bad or hostile file from exhausting memory or making lookups slow.</summary>
internal sealed record ConfigLimits
{
    public static ConfigLimits Default { get; } = new();

    public int MaxRoutes { get; init; } = 50_000;

    public int MaxClusters { get; init; } = 10_000;

    public int MaxDestinationsPerCluster { get; init; } = 1_000;

    public int MaxHeadersPerMap { get; init; } = 64;

    public int MaxStringLength { get; init; } = 8 * 1024;

    public int MaxBodyLength { get; init; } = 1024 * 1024;
}
