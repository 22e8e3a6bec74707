using HotReload.Functional.Tests.Support;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Testing.Configs;
using Microsoft.Extensions.Logging;

namespace HotReload.Functional.Tests.Observability;

/// <summary>The request path is quiet in the logs unless something fails: per-request lines would bury reload events and cost throughput.</summary>
public sealed class RequestLoggingTests
{
    [Fact]
    [Requirement("LG-06", "LG-05")]
    public async Task Forwarded_requests_log_nothing_above_debug_and_a_failed_forward_logs_one_warning()
    {
        await using var upstream = await UpstreamServer.StartAsync("backend");
        var gone = UnusedLoopbackAddress.Next();
        var config = TestConfigs.Versioned("v1",
            [TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend"), TestConfigs.ForwardRoute("dead", "/dead", "gone")],
            [new("backend", TestConfigs.Cluster(upstream.Address)), new("gone", TestConfigs.Cluster(gone))]);
        await using var scenario = await ConfigScenario.KestrelAsync(config);
        using var client = scenario.Proxy.CreateClient();
        var before = scenario.Proxy.Logs.GetSnapshot().Count;

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync($"/api/items/{i}");
            Assert.True(response.IsSuccessStatusCode);
        }

        var duringTraffic = scenario.Proxy.Logs.GetSnapshot().Skip(before).ToList();
        Assert.All(duringTraffic, r => Assert.True(r.Level <= LogLevel.Debug, $"{r.Category} {r.Level} {r.Id}: {r.Message}"));

        using (var failed = await client.GetAsync("/dead"))
        {
            Assert.Equal(502, (int)failed.StatusCode);
        }

        var afterFailure = scenario.Proxy.Logs.GetSnapshot().Skip(before).Where(r => r.Level > LogLevel.Debug).ToList();
        var warning = Assert.Single(afterFailure);
        Assert.Equal((LogLevel.Warning, 1030), (warning.Level, warning.Id.Id));
        Assert.Contains("route dead", warning.Message, StringComparison.Ordinal);
        Assert.Contains(gone.Authority, warning.Message, StringComparison.Ordinal);
    }
}
