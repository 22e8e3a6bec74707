using HotReloadProxy.Configuration.Model;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Smaller versions of generated values, so a failure is reported on the least input that still fails
/// rather than on everything the generator happened to produce.
/// </summary>
internal static class Shrinkers
{
    public static IEnumerable<List<T>> RemoveOne<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            yield return items.Where((_, j) => j != i).ToList();
        }
    }

    /// <summary>Halves first, then single bytes: a long noise input shrinks in logarithmic steps.</summary>
    public static IEnumerable<byte[]> Bytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > 1)
        {
            yield return bytes[..(bytes.Length / 2)];
            yield return bytes[(bytes.Length / 2)..];
        }

        for (var i = 0; i < Math.Min(bytes.Length, 64); i++)
        {
            yield return [.. bytes[..i], .. bytes[(i + 1)..]];
        }
    }

    /// <summary>Drop a route, a cluster or the server section, or make one route or cluster plainer.</summary>
    public static IEnumerable<ProxyConfig> Config(ProxyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Server is not null)
        {
            yield return config with { Server = null };
        }

        foreach (var routes in RemoveOne(config.Routes))
        {
            yield return config with { Routes = new ValueList<RouteConfig>(routes) };
        }

        foreach (var name in config.Clusters.Keys)
        {
            yield return config with { Clusters = new ValueMap<ClusterConfig>(config.Clusters.Where(c => c.Key != name), config.Clusters.Comparer) };
        }

        for (var i = 0; i < config.Routes.Count; i++)
        {
            foreach (var plainer in Plainer(config.Routes[i]))
            {
                yield return config with { Routes = new ValueList<RouteConfig>(config.Routes.Select((r, j) => j == i ? plainer : r)) };
            }
        }

        foreach (var (name, cluster) in config.Clusters.ToArray())
        {
            foreach (var plainer in Plainer(cluster))
            {
                yield return config with
                {
                    Clusters = new ValueMap<ClusterConfig>(config.Clusters.Select(c => c.Key == name ? new(name, plainer) : c), config.Clusters.Comparer),
                };
            }
        }
    }

    private static IEnumerable<RouteConfig> Plainer(RouteConfig route)
    {
        var candidates = new[]
        {
            route with { Transforms = null },
            route with { Respond = null },
            route with { Timeout = null },
            route with { Cluster = null },
            route with { Order = 0 },
            route with { Id = "" },
            route with { Match = new RouteMatch { Path = route.Match.Path } },
            route with { Match = route.Match with { Path = "" } },
        };
        return candidates.Where(candidate => candidate != route).Distinct();
    }

    private static IEnumerable<ClusterConfig> Plainer(ClusterConfig cluster)
    {
        var candidates = new[]
        {
            cluster with { Timeout = null },
            cluster with { Destinations = ValueMap<DestinationConfig>.EmptyOrdinal },
            cluster with { LoadBalancing = LoadBalancingPolicy.RoundRobin },
        };
        return candidates.Where(candidate => candidate != cluster).Distinct();
    }
}
