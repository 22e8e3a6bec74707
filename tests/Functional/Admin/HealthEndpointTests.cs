using System.Net;
using System.Text.Json;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Admin;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace HotReload.Functional.Tests.Admin;

/// <summary>/healthz (liveness) and /readyz (readiness) on a real Kestrel proxy's admin listener.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    [Requirement("HL-02")]
    public async Task Readiness_is_degraded_with_the_reason_after_a_rejected_reload_and_healthy_after_the_next_good_one()
    {
        // No file triggers: each reload is the POST /reload this test sends.
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var admin = scenario.Admin;

        var (code, ready) = await GetAsync(admin, "/readyz");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (code, ready.GetProperty("status").GetString()));
        Assert.Equal(1, ready.GetProperty("checks").GetProperty("config").GetProperty("generation").GetInt64());

        scenario.Write(TestConfigs.UnknownClusterJson("v2"));
        using (var rejected = await admin.PostAsync("/reload", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        }

        (code, ready) = await GetAsync(admin, "/readyz");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (code, ready.GetProperty("status").GetString()));
        var description = ready.GetProperty("checks").GetProperty("config").GetProperty("description").GetString()!;
        Assert.Contains("rejected (Invalid)", description, StringComparison.Ordinal);
        Assert.Contains("still serving generation 1", description, StringComparison.Ordinal);
        Assert.Contains($"{scenario.ConfigPath}:", description, StringComparison.Ordinal);
        Assert.Contains("cluster 'missing', which does not exist", description, StringComparison.Ordinal);

        // Liveness does not depend on the config: the process answers.
        var (liveCode, live) = await GetAsync(admin, "/healthz");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (liveCode, live.GetProperty("status").GetString()));

        scenario.Write(TestConfigs.Versioned("v3"));
        using (var applied = await admin.PostAsync("/reload", null))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        (code, ready) = await GetAsync(admin, "/readyz");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (code, ready.GetProperty("status").GetString()));
        Assert.Equal(2, ready.GetProperty("checks").GetProperty("config").GetProperty("generation").GetInt64());
    }

    [Fact]
    [Requirement("HL-02")]
    public async Task Readiness_is_unhealthy_until_the_first_config_is_loaded()
    {
        using var rig = new EngineRig("v1");
        var engine = new ReloadEngine(rig.File, new ConfigValidator(), new SnapshotCompiler(new SocketsInvokerFactory(), new ForwardingOptions()), new SnapshotHolder(),
            new ReloadNotifier(), metrics: null, TimeProvider.System, NullLogger<ReloadEngine>.Instance, new ReloadEngineOptions());
        var check = new ConfigReadinessCheck(engine);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("No config is loaded yet.", before.Description);

        engine.LoadInitial();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Theory]
    [InlineData(ProxyKind.Kestrel)]
    [InlineData(ProxyKind.Process)]
    [Requirement("HL-01", "SE-01", "AR-06")]
    public async Task Health_endpoints_answer_on_the_admin_listener_only(ProxyKind kind)
    {
        await using var scenario = await ConfigScenario.AnyAsync(kind, TestConfigs.Versioned("v1"));
        var (admin, client) = (scenario.Admin, scenario.Client);

        foreach (var endpoint in new[] { "/healthz", "/readyz" })
        {
            var (code, body) = await GetAsync(admin, endpoint);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (code, body.GetProperty("status").GetString()));
            using var viaPublic = await client.GetAsync(endpoint);
            Assert.Equal(HttpStatusCode.NotFound, viaPublic.StatusCode);
            Assert.Contains("no_route", await viaPublic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
