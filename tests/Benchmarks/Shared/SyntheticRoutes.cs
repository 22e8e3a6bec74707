using System.Globalization;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Shared;

/// <summary>
/// Configs of a chosen size whose routes look like a real gateway's: literal paths, parameters, catch-alls
/// and method-restricted routes in rotation, spread over a handful of clusters. Route i's paths are
/// distinct from every other route's, so each can be hit on purpose.
/// </summary>
internal static class SyntheticRoutes
{
    public const int ClusterCount = 8;

    public static ProxyConfig Create(int routeCount, Uri upstream)
    {
        var routes = Enumerable.Range(0, routeCount).Select(Route);
        var clusters = Enumerable.Range(0, ClusterCount).Select(c => new KeyValuePair<string, ClusterConfig>(ClusterName(c), TestConfigs.Cluster(upstream)));
        return new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(routes),
            Clusters = new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// <see cref="TestConfigs.VersionedForward"/> (so responses carry <paramref name="version"/>) plus filler routes
    /// up to <paramref name="routeCount"/> in total.
    /// </summary>
    public static ProxyConfig VersionedWithFiller(string version, Uri upstream, int routeCount)
    {
        var versioned = TestConfigs.VersionedForward(version, upstream);
        var filler = Create(Math.Max(0, routeCount - versioned.Routes.Count), upstream);
        return versioned with
        {
            Routes = new ValueList<RouteConfig>(versioned.Routes.Concat(filler.Routes)),
            Clusters = new ValueMap<ClusterConfig>(versioned.Clusters.Concat(filler.Clusters), StringComparer.Ordinal),
        };
    }

    /// <summary>A request path that route <paramref name="index"/> matches.</summary>
    public static string PathFor(int index) => (index % 4) switch
    {
        0 => $"/api/svc{index}/items",
        1 => $"/api/svc{index}/items/42",
        2 => $"/static/svc{index}/css/site.css",
        _ => $"/api/svc{index}/orders",
    };

    /// <summary>A path in the same shape as the routes' paths that no route matches.</summary>
    public static string MissPath(int index) => $"/api/nosuch{index}/items/42";

    private static RouteConfig Route(int index)
    {
        var id = "r" + index.ToString(CultureInfo.InvariantCulture);
        var cluster = ClusterName(index % ClusterCount);
        var route = (index % 4) switch
        {
            0 => TestConfigs.ForwardRoute(id, $"/api/svc{index}/items", cluster),
            1 => TestConfigs.ForwardRoute(id, $"/api/svc{index}/items/{{id}}", cluster),
            2 => TestConfigs.ForwardRoute(id, $"/static/svc{index}/{{**rest}}", cluster),
            _ => TestConfigs.ForwardRoute(id, $"/api/svc{index}/orders", cluster) with
            {
                Match = new RouteMatch { Path = $"/api/svc{index}/orders", Methods = new ValueList<string>(["GET", "POST"]) },
            },
        };

        // A response header per route, as most real routes carry some transform to compile.
        return route with { Transforms = new RouteTransforms { ResponseHeaders = TestConfigs.Headers(("X-Route", id)) } };
    }

    private static string ClusterName(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);
}
