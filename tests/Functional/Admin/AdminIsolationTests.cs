using System.Net;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Admin;

/// <summary>The admin endpoints live on their own listener; the public port never serves them.</summary>
public sealed class AdminIsolationTests
{
    [Fact]
    [Requirement("SE-01", "OB-05")]
    public async Task Status_and_reload_are_not_reachable_through_the_public_listener()
    {
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("v1"));
        var proxy = scenario.Proxy;
        using var publicClient = proxy.CreateClient();
        using var adminClient = proxy.CreateAdminClient();
        Assert.NotEqual(proxy.PublicAddress.Port, proxy.AdminAddress.Port);

        foreach (var (method, endpoint) in new[] { (HttpMethod.Get, "/status"), (HttpMethod.Post, "/reload"), (HttpMethod.Get, "/healthz"), (HttpMethod.Get, "/readyz"), (HttpMethod.Get, "/metrics") })
        {
            using var response = await publicClient.SendAsync(new HttpRequestMessage(method, endpoint));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("no_route", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, proxy.Engine().Status!.Counts.Applied + proxy.Engine().Status!.Counts.Unchanged);

        var status = await adminClient.GetJsonAsync("/status");
        Assert.Equal(1, status.GetProperty("generation").GetInt64());
        var health = await adminClient.GetJsonAsync("/healthz");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        using var reload = await adminClient.PostAsync("/reload", null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);

        // And the admin listener does not proxy.
        using var notProxied = await adminClient.GetAsync("/version");
        Assert.Equal(HttpStatusCode.NotFound, notProxied.StatusCode);
        await publicClient.AssertServesVersionAsync("v1");
    }
}
