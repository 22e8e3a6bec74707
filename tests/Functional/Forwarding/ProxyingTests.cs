using System.Net;
using System.Text;
using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Functional.Tests.Forwarding;

/// <summary>The request path against real upstreams on loopback: forwarding, streaming, transforms, balancing and error mapping.</summary>
public sealed class ProxyingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static ProxyConfig WithRoutes(IEnumerable<RouteConfig> routes, params (string Name, ClusterConfig Cluster)[] clusters) =>
        TestConfigs.Versioned("v1", routes, clusters.Select(c => new KeyValuePair<string, ClusterConfig>(c.Name, c.Cluster)));

    [Fact]
    [Requirement("PX-01")]
    public async Task Get_and_post_with_bodies_reach_the_routes_cluster()
    {
        await using var upstream = await UpstreamServer.StartAsync("backend");
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes(
            [TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend")], ("backend", TestConfigs.Cluster(upstream.Address))));
        var client = scenario.Proxy.CreateClient();

        var get = await EchoAsync(await client.GetAsync("/api/items?page=2"));
        Assert.Equal(("backend", "GET", "/api/items", "?page=2"), (get.Upstream, get.Method, get.Path, get.Query));

        using var content = new StringContent("{\"name\":\"widget\"}", Encoding.UTF8, "application/json");
        var post = await EchoAsync(await client.PostAsync("/api/items", content));
        Assert.Equal(("POST", "{\"name\":\"widget\"}"), (post.Method, post.Body));
        Assert.StartsWith("application/json", post.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("PX-02")]
    public async Task A_streamed_response_is_forwarded_as_it_arrives()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes(
            [TestConfigs.ForwardRoute("stream", "/stream", "streamer")], ("streamer", TestConfigs.Cluster(upstream.Address))));
        var client = scenario.Proxy.CreateClient();

        using var response = await client.GetAsync("/stream?chunks=3&delayMs=1&hold=1", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // The upstream holds after its first line, so that line can only be read here if the proxy did not buffer.
        var first = await reader.ReadLineAsync().WaitAsync(Generous);
        Assert.Equal("chunk 0", first);
        upstream.ReleaseHeld();
        Assert.Equal("chunk 1\nchunk 2\n", await reader.ReadToEndAsync().WaitAsync(Generous));
    }

    [Fact]
    [Requirement("PX-05")]
    public async Task Path_and_header_transforms_apply_and_forwarded_headers_are_added()
    {
        await using var upstream = await UpstreamServer.StartAsync("backend");
        var route = TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend") with
        {
            Transforms = new RouteTransforms
            {
                PathRemovePrefix = "/api",
                PathPrefix = "/v2",
                RequestHeaders = TestConfigs.Headers(("X-Env", "test")),
                ResponseHeaders = TestConfigs.Headers(("X-Served-By", "hotreload")),
            },
        };
        // Real sockets, so the proxy sees a client address to put in X-Forwarded-For.
        await using var scenario = await ConfigScenario.KestrelAsync(WithRoutes([route], ("backend", TestConfigs.Cluster(upstream.Address))));
        using var client = scenario.Proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/7");
        request.Headers.Host = "shop.example";

        using var response = await client.SendAsync(request);
        var echo = await EchoAsync(response, dispose: false);

        Assert.Equal("/v2/orders/7", echo.Path);
        Assert.Equal("test", echo.Header("X-Env"));
        Assert.Equal("shop.example", echo.Header("X-Forwarded-Host"));
        Assert.Equal("http", echo.Header("X-Forwarded-Proto"));
        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.Equal("hotreload", response.Headers.GetValues("X-Served-By").Single());
    }

    [Fact]
    [Requirement("PX-04", "PX-05")]
    public async Task A_direct_response_answers_with_its_status_headers_body_and_the_routes_response_headers()
    {
        var teapot = new RouteConfig
        {
            Id = "teapot",
            Match = new RouteMatch { Path = "/tea" },
            Respond = new DirectResponse { Status = 418, Body = "short and stout", Headers = TestConfigs.Headers(("Content-Type", "text/plain")) },
            Transforms = new RouteTransforms { ResponseHeaders = TestConfigs.Headers(("X-Kettle", "on")) },
        };
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([teapot]));

        using var response = await scenario.Proxy.CreateClient().GetAsync("/tea");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("short and stout", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("on", response.Headers.GetValues("X-Kettle").Single());
    }

    [Fact]
    [Requirement("PX-06")]
    public async Task Round_robin_is_the_default_and_takes_destinations_in_turn()
    {
        await using var a = await UpstreamServer.StartAsync("a");
        await using var b = await UpstreamServer.StartAsync("b");
        await using var c = await UpstreamServer.StartAsync("c");
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes(
            [TestConfigs.ForwardRoute("api", "/api", "pool")], ("pool", TestConfigs.Cluster(a.Address, b.Address, c.Address))));
        var client = scenario.Proxy.CreateClient();

        var served = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            served.Add((await EchoAsync(await client.GetAsync("/api"))).Upstream);
        }

        // Whatever destination comes first, each later one follows in a fixed rotation.
        var rotation = served.Take(3).ToList();
        Assert.Equal(["a", "b", "c"], rotation.Order());
        Assert.Equal(rotation.Concat(rotation).Concat(rotation), served);
    }

    [Fact]
    [Requirement("PX-06")]
    public async Task First_always_picks_the_first_destination()
    {
        await using var a = await UpstreamServer.StartAsync("a");
        await using var b = await UpstreamServer.StartAsync("b");
        var cluster = TestConfigs.Cluster(a.Address, b.Address) with { LoadBalancing = LoadBalancingPolicy.First };
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([TestConfigs.ForwardRoute("api", "/api", "pool")], ("pool", cluster)));
        var client = scenario.Proxy.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("a", (await EchoAsync(await client.GetAsync("/api"))).Upstream);
        }

        Assert.Equal(0, b.RequestCount);
    }

    [Fact]
    [Requirement("PX-06")]
    public async Task Random_spreads_requests_over_the_clusters_destinations_only()
    {
        await using var a = await UpstreamServer.StartAsync("a");
        await using var b = await UpstreamServer.StartAsync("b");
        await using var c = await UpstreamServer.StartAsync("c");
        var cluster = TestConfigs.Cluster(a.Address, b.Address, c.Address) with { LoadBalancing = LoadBalancingPolicy.Random };
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([TestConfigs.ForwardRoute("api", "/api", "pool")], ("pool", cluster)));
        var client = scenario.Proxy.CreateClient();

        var served = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            served.Add((await EchoAsync(await client.GetAsync("/api"))).Upstream);
        }

        // Sixty picks all landing on one of three destinations has probability 3 * 3^-60.
        Assert.True(served.Count > 1, $"every request went to {string.Join(", ", served)}");
        Assert.Subset(new HashSet<string> { "a", "b", "c" }, served);
    }

    [Fact]
    [Requirement("PX-07")]
    public async Task No_matching_route_answers_404_with_a_json_body()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([]));

        using var response = await scenario.Proxy.CreateClient().GetAsync("/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    [Fact]
    [Requirement("PX-07")]
    public async Task An_unreachable_upstream_answers_502_not_500()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes(
            [TestConfigs.ForwardRoute("api", "/api", "gone")], ("gone", TestConfigs.Cluster(UnusedLoopbackAddress.Next()))));

        using var response = await scenario.Proxy.CreateClient().GetAsync("/api");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    [Requirement("PX-07", "AT-01")]
    public async Task An_upstream_slower_than_the_route_timeout_answers_504_not_500()
    {
        await using var upstream = await UpstreamServer.StartAsync("sleepy");
        var route = TestConfigs.ForwardRoute("slow", "/slow", "sleepy") with { Timeout = TimeSpan.FromMilliseconds(200) };
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([route], ("sleepy", TestConfigs.Cluster(upstream.Address))));

        using var response = await scenario.Proxy.CreateClient().GetAsync("/slow?ms=5000");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    [Requirement("PX-07")]
    public async Task The_cluster_timeout_applies_when_the_route_sets_none()
    {
        await using var upstream = await UpstreamServer.StartAsync("sleepy");
        // Wide enough that a quick answer on a loaded CI machine (new connection, cold upstream) never reaches it.
        var cluster = TestConfigs.Cluster(upstream.Address) with { Timeout = TimeSpan.FromSeconds(2) };
        await using var scenario = await ConfigScenario.InMemoryAsync(WithRoutes([TestConfigs.ForwardRoute("slow", "/slow", "sleepy")], ("sleepy", cluster)));
        var client = scenario.Proxy.CreateClient();

        using var quick = await client.GetAsync("/slow?ms=1");
        using var slow = await client.GetAsync("/slow?ms=30000");

        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
    }

    private static async Task<EchoResponse> EchoAsync(HttpResponseMessage response, bool dispose = true)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
            return EchoResponse.Parse(text);
        }
        finally
        {
            if (dispose)
            {
                response.Dispose();
            }
        }
    }
}
