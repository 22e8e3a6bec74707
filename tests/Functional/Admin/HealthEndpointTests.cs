using System.Net;
using System.Text.Json;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;
using HotReload.Testing.Files;
using HotReloadProxy.Testing.Proxies;
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
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = path, PollMilliseconds = 3_600_000 });
        using var admin = proxy.CreateAdminClient();

        var (code, ready) = await GetAsync(admin, "/readyz");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (code, ready.GetProperty("status").GetString()));
        Assert.Equal(1, ready.GetProperty("checks").GetProperty("config").GetProperty("generation").GetInt64());

        File.WriteAllText(path, TestConfigs.UnknownClusterJson("v2"));
        using (var rejected = await admin.PostAsync("/reload", null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        }

        (code, ready) = await GetAsync(admin, "/readyz");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (code, ready.GetProperty("status").GetString()));
        var description = ready.GetProperty("checks").GetProperty("config").GetProperty("description").GetString()!;
        Assert.Contains("rejected (Invalid)", description, StringComparison.Ordinal);
        Assert.Contains("still serving generation 1", description, StringComparison.Ordinal);
        Assert.Contains($"{path}:", description, StringComparison.Ordinal);
        Assert.Contains("cluster 'missing', which does not exist", description, StringComparison.Ordinal);

        // Liveness does not depend on the config: the process answers.
        var (liveCode, live) = await GetAsync(admin, "/healthz");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (liveCode, live.GetProperty("status").GetString()));

        File.WriteAllText(path, TestConfigs.Versioned("v3").ToJson());
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

    [Fact]
    [Requirement("HL-01", "SE-01")]
    public async Task Health_endpoints_answer_on_the_admin_listener_only()
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = path, PollMilliseconds = 3_600_000 });
        using var admin = proxy.CreateAdminClient();
        using var client = proxy.CreateClient();

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
