using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Configuration;

[Requirement("CV-14")]
public sealed class ConfigJsonWriterTests
{
    private static ValueMap<string> Headers(params (string Name, string Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every field of every record set to a non-default value, with text that needs escaping.</summary>
    internal static ProxyConfig Rich() => new()
    {
        Routes = new ValueList<RouteConfig>(
        [
            new RouteConfig
            {
                Id = "api \"v1\" ü",
                Order = -7,
                Cluster = "backend",
                Timeout = TimeSpan.FromMilliseconds(1500),
                Match = new RouteMatch
                {
                    Path = "/api/{version}/{**rest}",
                    Methods = new ValueList<string>(["GET", "POST", "PATCH"]),
                    Hosts = new ValueList<string>(["*.example.com", "localhost:8080", "[::1]:9000"]),
                },
                Transforms = new RouteTransforms
                {
                    PathRemovePrefix = "/api",
                    PathPrefix = "/internal/v1",
                    RequestHeaders = Headers(("X-Forwarded-By", "hot<reload>&"), ("X-Empty", "")),
                    ResponseHeaders = Headers(("Cache-Control", "no-store")),
                },
            },
            new RouteConfig
            {
                Id = "stub",
                Order = 3,
                Match = new RouteMatch { Path = "/health" },
                Respond = new DirectResponse
                {
                    Status = 503,
                    Headers = Headers(("Content-Type", "application/json; charset=utf-8"), ("Retry-After", "5")),
                    Body = "{\"status\": \"down\"}\n\t€ 😀",
                },
            },
            new RouteConfig
            {
                Id = "empty-respond",
                Match = new RouteMatch { Path = "/" },
                Respond = new DirectResponse(),
            },
        ]),
        Clusters = new ValueMap<ClusterConfig>(
        [
            new("backend", new ClusterConfig
            {
                LoadBalancing = LoadBalancingPolicy.Random,
                Timeout = TimeSpan.FromSeconds(42),
                Destinations = new ValueMap<DestinationConfig>(
                [
                    new("b1", new DestinationConfig { Address = "http://127.0.0.1:5001" }),
                    new("b2", new DestinationConfig { Address = "https://b2.internal:8443/base/" }),
                ], StringComparer.Ordinal),
            }),
            new("first", new ClusterConfig
            {
                LoadBalancing = LoadBalancingPolicy.First,
                Destinations = new ValueMap<DestinationConfig>([new("only", new DestinationConfig { Address = "http://only" })], StringComparer.Ordinal),
            }),
        ], StringComparer.Ordinal),
        Server = new ServerConfig { Urls = "http://0.0.0.0:8080;http://[::]:8081", AdminUrls = "none" },
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rich_config_round_trips_to_an_equal_config(bool indented)
    {
        var original = Rich();

        var parsed = ConfigParser.Parse(ConfigJsonWriter.ToUtf8(original, indented));

        Assert.True(parsed.Succeeded, string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
        Assert.Equal(original, parsed.Config);
        Assert.Empty(new ConfigValidator().Validate(parsed.Config, parsed.Positions).Errors);
    }

    [Fact]
    public void Round_trip_keeps_route_and_cluster_order()
    {
        var parsed = ConfigParser.Parse(ConfigJsonWriter.ToUtf8(Rich()));

        Assert.Equal(["api \"v1\" ü", "stub", "empty-respond"], parsed.Config.Routes.Select(r => r.Id));
        Assert.Equal(["backend", "first"], parsed.Config.Clusters.Keys);
        Assert.Equal(["b1", "b2"], parsed.Config.Clusters["backend"].Destinations.Keys);
    }

    [Fact]
    public void Empty_config_round_trips()
    {
        var parsed = ConfigParser.Parse(ConfigJsonWriter.ToUtf8(new ProxyConfig()));

        Assert.True(parsed.Succeeded);
        Assert.Equal(new ProxyConfig(), parsed.Config);
    }

    [Fact]
    public void Equality_is_sensitive_to_every_changed_field()
    {
        var original = Rich();
        var route = original.Routes[0];
        ProxyConfig[] variants =
        [
            original with { Routes = new ValueList<RouteConfig>([route with { Order = 0 }, original.Routes[1], original.Routes[2]]) },
            original with { Routes = new ValueList<RouteConfig>([route with { Match = route.Match with { Methods = new ValueList<string>(["GET"]) } }, original.Routes[1], original.Routes[2]]) },
            original with { Routes = new ValueList<RouteConfig>([route with { Transforms = route.Transforms! with { ResponseHeaders = Headers(("Cache-Control", "no-cache")) } }, original.Routes[1], original.Routes[2]]) },
            original with { Routes = new ValueList<RouteConfig>([original.Routes[1], route, original.Routes[2]]) },
            original with { Clusters = new ValueMap<ClusterConfig>([new("backend", original.Clusters["backend"] with { Timeout = null }), new("first", original.Clusters["first"])], StringComparer.Ordinal) },
            original with { Server = null },
        ];

        Assert.All(variants, variant => Assert.NotEqual(original, variant));
        Assert.Equal(Rich(), original);
    }

    [Fact]
    public void Writer_output_is_the_documented_file_format()
    {
        var json = ConfigJsonWriter.ToJson(Rich(), indented: false);

        Assert.StartsWith("{\"routes\":[{\"id\":", json, StringComparison.Ordinal);
        Assert.Contains("\"timeout\":\"1500ms\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeout\":\"42000ms\"", json, StringComparison.Ordinal);
        Assert.Contains("\"loadBalancing\":\"Random\"", json, StringComparison.Ordinal);
        Assert.Contains("\"order\":-7", json, StringComparison.Ordinal);
    }
}
