using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Testing.Configs;

/// <summary>
/// Applies a <see cref="ConfigDiff"/> to the config it was computed from. The proxy never needs this; the
/// diff tests do, to prove a diff carries everything that changed (applying it yields the new config exactly).
/// </summary>
internal static class ConfigDiffApply
{
    public static ProxyConfig ApplyTo(this ConfigDiff diff, ProxyConfig before)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(before);
        var routes = before.Routes.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var id in diff.RoutesRemoved)
        {
            routes.Remove(id);
        }

        foreach (var route in diff.RoutesAdded.Concat(diff.RoutesChanged))
        {
            routes[route.Id] = route;
        }

        var clusters = new Dictionary<string, ClusterConfig>(before.Clusters, StringComparer.Ordinal);
        foreach (var name in diff.ClustersRemoved)
        {
            clusters.Remove(name);
        }

        foreach (var (name, cluster) in diff.ClustersAdded.Concat(diff.ClustersChanged))
        {
            clusters[name] = cluster;
        }

        return new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(diff.RouteOrder.Select(id => routes[id])),
            Clusters = new ValueMap<ClusterConfig>(diff.ClusterOrder.Select(name => new KeyValuePair<string, ClusterConfig>(name, clusters[name])), StringComparer.Ordinal),
            Server = diff.Server,
        };
    }
}
