using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>
/// One route as the rules see it: the route, where it sits, the config around it (for cluster names), and
/// what the rules parsed from it. The compiler uses those parsed values, so nothing is parsed twice.
/// </summary>
internal sealed class RouteScope : IJsonPathOwner
{
    internal RouteScope(ProxyConfig config, int index)
    {
        Config = config;
        Index = index;
        Route = config.Routes[index];
    }

    public ProxyConfig Config { get; }

    public RouteConfig Route { get; }

    public int Index { get; }

    /// <summary>The route's JSON path, such as <c>routes[3]</c>, built on first use: rules ask for it only to report an error.</summary>
    public JsonPath Path => field ??= JsonPath.Route(Index);

    /// <summary>How messages name the route: by id, or by position when it has none (built for messages only).</summary>
    public string Name => string.IsNullOrEmpty(Route.Id) ? $"Route #{Index}" : $"Route '{Route.Id}'";

    /// <summary>JSON path of a property under the route's <c>match</c> block.</summary>
    public JsonPath MatchPath(string property) => Path.Property("match").Property(property);

    /// <summary>Set by the path rule when the template parses.</summary>
    public RouteTemplate? Template { get; internal set; }

    /// <summary>Set by the match-list rule; null means any method.</summary>
    public IReadOnlyList<string>? Methods { get; internal set; }

    /// <summary>Set by the match-list rule; null means any host.</summary>
    public IReadOnlyList<HostPattern>? Hosts { get; internal set; }
}
