using Bogus;
using HotReloadProxy.Configuration.Model;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Valid configs at the edges of what docs/configuration.md allows: odd but legal ids, templates, method
/// tokens, host patterns, bracketed IPv6, extreme orders, boundary statuses and timeouts, non-ASCII text.
/// The validator must accept them and the compiler must build them. (Non-ASCII header values are not
/// legal: Kestrel refuses them, see <see cref="SemanticError.BadHeaderValue"/>.)
/// </summary>
internal static class EdgeConfigs
{
    private static readonly string[] Ids = ["route é 1", " padded ", "UPPER", "a.b[0]", "😀"];
    private static readonly string[] Paths = ["/", "/é/{x}/", "/{**all}", "/a-b.c~d/{*rest}", "/API/{Id_2}", "/x/"];
    private static readonly string[][] MethodSets = [["get"], ["M-SEARCH"], ["!#$%&'*+-.^_`|~"], ["GET", "get"]];
    private static readonly string[][] HostSets = [["[::1]"], ["[::1]:8080"], ["*.a"], ["A.B"], ["localhost:65535"], ["xn--bcher-kva.example", "*.xn--bcher-kva.example:1"]];
    private static readonly int[] Orders = [int.MinValue, int.MaxValue, -1];
    private static readonly int[] Statuses = [200, 599, 204];
    private static readonly string[] HeaderValues = ["a\tb", "", "\"quoted\"", "~!@#$%^&*()[]{}", "text/plain; charset=utf-8"];
    private static readonly TimeSpan[] Timeouts = [TimeSpan.FromTicks(1), TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(0.5)];
    private static readonly string[] ClusterNames = ["a.b[0]", "", "ünï", "with space"];
    private static readonly string[] Addresses = ["http://[::1]:8080", "https://h/p/", "HTTP://UPPER.EXAMPLE", "http://127.0.0.1:1/a/b"];
    private static readonly string[] Prefixes = ["/é", "/a/b", "/A"];

    public static ProxyConfig Valid(int seed)
    {
        var random = new Randomizer(seed);
        var config = ConfigFaker.Valid(seed);
        var routes = config.Routes.ToList();
        var clusters = config.Clusters.ToList();
        for (var tweak = random.Int(1, 4); tweak > 0; tweak--)
        {
            var i = random.Int(0, routes.Count - 1);
            var route = routes[i];
            switch (random.Int(0, 10))
            {
                case 0 when routes.All(r => r.Id != Ids[0]):
                    routes[i] = route with { Id = random.ArrayElement(Ids) + i };
                    break;
                case 1:
                    routes[i] = route with { Match = route.Match with { Path = random.ArrayElement(Paths) } };
                    break;
                case 2:
                    routes[i] = route with { Match = route.Match with { Methods = new ValueList<string>(random.ArrayElement(MethodSets)) } };
                    break;
                case 3:
                    routes[i] = route with { Match = route.Match with { Hosts = new ValueList<string>(random.ArrayElement(HostSets)) } };
                    break;
                case 4:
                    routes[i] = route with { Order = random.ArrayElement(Orders) };
                    break;
                case 5:
                    var status = random.ArrayElement(Statuses);
                    routes[i] = route with { Cluster = null, Respond = new DirectResponse { Status = status, Body = status is < 200 or 204 || random.Bool() ? "" : "ünïcödé 😀" } };
                    break;
                case 6:
                    routes[i] = route with { Transforms = new RouteTransforms { ResponseHeaders = Header(random.ArrayElement(HeaderValues)), RequestHeaders = Header(random.ArrayElement(HeaderValues)) } };
                    break;
                case 7:
                    routes[i] = route with { Timeout = random.ArrayElement(Timeouts) };
                    break;
                case 8:
                    routes[i] = route with { Transforms = new RouteTransforms { PathRemovePrefix = random.ArrayElement(Prefixes), PathPrefix = random.ArrayElement(Prefixes) } };
                    break;
                case 9:
                    var name = random.ArrayElement(ClusterNames);
                    if (clusters.All(c => c.Key != name))
                    {
                        clusters.Add(new(name, new ClusterConfig { Destinations = new([new("d", new DestinationConfig { Address = random.ArrayElement(Addresses) })], StringComparer.Ordinal) }));
                        routes[i] = route with { Cluster = name, Respond = null };
                    }

                    break;
                default:
                    clusters[0] = new(clusters[0].Key, clusters[0].Value with
                    {
                        Destinations = new([new("ü d", new DestinationConfig { Address = random.ArrayElement(Addresses) })], StringComparer.Ordinal),
                        Timeout = random.ArrayElement(Timeouts),
                    });
                    break;
            }
        }

        return config with { Routes = new ValueList<RouteConfig>(routes), Clusters = new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal) };
    }

    private static ValueMap<string> Header(string value) => new([new("X-Edge", value)], StringComparer.OrdinalIgnoreCase);
}
