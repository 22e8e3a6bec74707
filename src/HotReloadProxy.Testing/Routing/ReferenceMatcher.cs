using HotReloadProxy.Routing;

namespace HotReloadProxy.Testing.Routing;

/// <summary>
/// The obviously-correct matcher: try every route in precedence order and take the first that matches.
/// Too slow for traffic; it is the oracle the route table is tested against.
/// </summary>
internal static class ReferenceMatcher
{
    public static RouteEntry<T>? Match<T>(IEnumerable<RouteEntry<T>> entries, string method, string host, int? port, string path)
    {
        var sorted = entries.ToList();
        sorted.Sort(RoutePrecedence.Compare);
        return sorted.FirstOrDefault(entry => entry.Template.Matches(path) && entry.AcceptsMethodAndHost(method, host, port));
    }
}
