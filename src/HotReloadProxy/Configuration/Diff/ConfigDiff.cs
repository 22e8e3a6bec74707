using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Diff;

/// <summary>
/// What changed between two configs, by route id and cluster name. It carries the new values and the new
/// route order, so applying it to the old config yields the new one exactly.
/// </summary>
internal sealed record ConfigDiff
{
    public required IReadOnlyList<RouteConfig> RoutesAdded { get; init; }

    public required IReadOnlyList<string> RoutesRemoved { get; init; }

    public required IReadOnlyList<RouteConfig> RoutesChanged { get; init; }

    public required IReadOnlyList<string> RouteOrder { get; init; }

    public required IReadOnlyList<KeyValuePair<string, ClusterConfig>> ClustersAdded { get; init; }

    public required IReadOnlyList<string> ClustersRemoved { get; init; }

    public required IReadOnlyList<KeyValuePair<string, ClusterConfig>> ClustersChanged { get; init; }

    public required IReadOnlyList<string> ClusterOrder { get; init; }

    public required ServerConfig? Server { get; init; }

    /// <summary>
    /// The routes kept from before now stand in a different relative order. Declaration order breaks
    /// precedence ties, so a reorder alone can change which route answers.
    /// </summary>
    public required bool RoutesReordered { get; init; }

    public bool IsEmpty => RoutesAdded.Count == 0 && RoutesRemoved.Count == 0 && RoutesChanged.Count == 0 && !RoutesReordered &&
                           ClustersAdded.Count == 0 && ClustersRemoved.Count == 0 && ClustersChanged.Count == 0;

    /// <summary>The counts as the reload log prints them: <c>routes +1 -0 ~2, clusters +0 -0 ~1</c> (and <c>, routes reordered</c>).</summary>
    public string Summary =>
        $"routes +{RoutesAdded.Count} -{RoutesRemoved.Count} ~{RoutesChanged.Count}, clusters +{ClustersAdded.Count} -{ClustersRemoved.Count} ~{ClustersChanged.Count}" +
        (RoutesReordered ? ", routes reordered" : "");

    public static ConfigDiff Compute(ProxyConfig before, ProxyConfig after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var oldRoutes = before.Routes.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newIds = new HashSet<string>(after.Routes.Select(r => r.Id), StringComparer.Ordinal);
        return new ConfigDiff
        {
            RoutesAdded = after.Routes.Where(r => !oldRoutes.ContainsKey(r.Id)).ToList(),
            RoutesRemoved = oldRoutes.Keys.Where(id => !newIds.Contains(id)).ToList(),
            RoutesChanged = after.Routes.Where(r => oldRoutes.TryGetValue(r.Id, out var old) && old != r).ToList(),
            RouteOrder = after.Routes.Select(r => r.Id).ToList(),
            RoutesReordered = !before.Routes.Select(r => r.Id).Where(newIds.Contains)
                .SequenceEqual(after.Routes.Select(r => r.Id).Where(oldRoutes.ContainsKey)),
            ClustersAdded = after.Clusters.Where(c => !before.Clusters.ContainsKey(c.Key)).ToList(),
            ClustersRemoved = before.Clusters.Keys.Where(name => !after.Clusters.ContainsKey(name)).ToList(),
            ClustersChanged = after.Clusters.Where(c => before.Clusters.TryGetValue(c.Key, out var old) && old != c.Value).ToList(),
            ClusterOrder = after.Clusters.Keys.ToList(),
            Server = after.Server,
        };
    }
}
