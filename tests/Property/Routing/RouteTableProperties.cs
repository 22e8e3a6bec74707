using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Routing;
using HotReloadProxy.Testing.Routing;

namespace HotReload.Property.Tests.Routing;

/// <summary>PX-09: the trie route table picks exactly the route the naive reference matcher picks.</summary>
public sealed class RouteTableProperties
{
    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("PX-09", "PX-03")]
    public FsCheck.Property The_route_table_and_the_reference_matcher_pick_the_same_route() =>
        Prop.ForAll(Arb.From(RouteSetGenerators.RouteSet, Shrinkers.RemoveOne), Arb.From(RouteSetGenerators.Requests, Shrinkers.RemoveOne), (routes, requests) =>
        {
            var entries = RouteSetGenerators.Entries(routes);
            var table = new RouteTable<int>(entries);
            foreach (var request in requests)
            {
                var fromTable = table.Match(request.Method, request.Host, request.Port, request.Path);
                var fromReference = ReferenceMatcher.Match(entries, request.Method, request.Host, request.Port, request.Path);
                Assert.True(fromTable?.Value == fromReference?.Value,
                    $"{request}: table chose {Describe(routes, fromTable)}, reference chose {Describe(routes, fromReference)}");
            }
        });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    [Requirement("PX-09")]
    public FsCheck.Property Requests_shaped_like_the_routes_match_in_the_table_as_in_the_reference() =>
        Prop.ForAll(Arb.From(RouteSetGenerators.RouteSet, Shrinkers.RemoveOne), routes =>
        {
            // Every route's own template with its parameters filled in, so each route is hit at least once.
            var entries = RouteSetGenerators.Entries(routes);
            var table = new RouteTable<int>(entries);
            foreach (var route in routes)
            {
                var path = string.Join('/', route.Template.Split('/').Select(s => s.StartsWith("{**", StringComparison.Ordinal) ? "rest/of/it" : s.StartsWith('{') ? "42" : s));
                var method = route.Methods?[0] ?? "GET";
                var (host, port) = HostMatching(route.Hosts?[0]);
                var fromTable = table.Match(method, host, port, path);
                var fromReference = ReferenceMatcher.Match(entries, method, host, port, path);
                Assert.True(fromTable is not null, $"{method} {host}:{port}{path} matched nothing, though route {route} should");
                Assert.True(fromTable.Value == fromReference?.Value, $"{method} {host}:{port}{path}: table chose {Describe(routes, fromTable)}, reference chose {Describe(routes, fromReference)}");
            }
        });

    /// <summary>A request host and port that the pattern accepts.</summary>
    private static (string Host, int Port) HostMatching(string? pattern)
    {
        if (pattern is null)
        {
            return ("example.com", 80);
        }

        var colon = pattern.LastIndexOf(':');
        var hasPort = colon > 0 && !pattern.EndsWith(']');
        var name = hasPort ? pattern[..colon] : pattern;
        var port = hasPort ? int.Parse(pattern[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 80;
        return (name.StartsWith("*.", StringComparison.Ordinal) ? "a" + name[1..] : name, port);
    }

    private static string Describe(IReadOnlyList<RouteSpec> routes, RouteEntry<int>? entry) => entry is null ? "nothing" : $"#{entry.Value} {routes[entry.Value]}";
}
