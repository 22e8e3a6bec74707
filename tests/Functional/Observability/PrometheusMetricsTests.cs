using System.Net;
using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Observability;

/// <summary>GET /metrics on the admin listener, scraped from a real Kestrel proxy after each kind of reload.</summary>
// Runs beside the other classes: each host exports only the meters its own IMeterFactory created (ProxyTelemetry's
// rules with MeterScope.Local), so the proxies of other tests running at the same time do not show up in this scrape.
public sealed class PrometheusMetricsTests
{
    private const string Successful = "hotreload_config_last_reload_successful";
    private const string SuccessTime = "hotreload_config_last_reload_success_timestamp_seconds";
    private const string Generation = "hotreload_config_generation";
    private const string Reloads = "hotreload_reloads_total";
    private const string OnOldGenerations = "hotreload_requests_on_old_generations";

    [Fact]
    [Requirement("MT-01")]
    public async Task Reload_metrics_are_right_after_applied_unchanged_and_rejected_reloads()
    {
        // No file triggers: every reload here is one this test asked for.
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var (proxy, admin) = (scenario.Proxy, scenario.Admin);

        // Each step: (successful, generation, applied, unchanged, rejected) and the last success time.
        var initial = await PrometheusScrape.FromAsync(admin);
        Assert.Equal((1, 1, 0, 0, 0), Summary(initial));
        Assert.Equal(proxy.CurrentSnapshot().LoadedAt.ToUnixTimeMilliseconds() / 1000.0, initial.Value(SuccessTime), precision: 3);

        scenario.Write(TestConfigs.Versioned("v2"));
        var applied = await ReloadAsync(admin, HttpStatusCode.OK, "applied");
        var afterApplied = await PrometheusScrape.FromAsync(admin);
        Assert.Equal((1, 2, 1, 0, 0), Summary(afterApplied));
        Assert.Equal(AtSeconds(applied), afterApplied.Value(SuccessTime), precision: 3);

        var unchanged = await ReloadAsync(admin, HttpStatusCode.OK, "unchanged");
        var afterUnchanged = await PrometheusScrape.FromAsync(admin);
        Assert.Equal((1, 2, 1, 1, 0), Summary(afterUnchanged));
        Assert.Equal(AtSeconds(unchanged), afterUnchanged.Value(SuccessTime), precision: 3);

        scenario.Write(TestConfigs.UnknownClusterJson("v3"));
        await ReloadAsync(admin, HttpStatusCode.UnprocessableEntity, "rejected");
        var afterRejected = await PrometheusScrape.FromAsync(admin);
        Assert.Equal((0, 2, 1, 1, 1), Summary(afterRejected));
        Assert.Equal(AtSeconds(unchanged), afterRejected.Value(SuccessTime), precision: 3);

        scenario.Write(TestConfigs.Versioned("v4"));
        await ReloadAsync(admin, HttpStatusCode.OK, "applied");
        Assert.Equal((1, 3, 2, 1, 1), Summary(await PrometheusScrape.FromAsync(admin)));
    }

    [Fact]
    [Requirement("MT-02")]
    public async Task Requests_still_running_on_a_replaced_generation_are_counted_until_they_finish()
    {
        await using var upstream = await UpstreamServer.StartAsync("held");
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.VersionedForward("v1", upstream.Address), ConfigScenario.NoFileTriggers);
        var (proxy, admin, client) = (scenario.Proxy, scenario.Admin, scenario.Client);

        var arrived = upstream.NextHeldArrival();
        var held = client.GetAsync("/echo/hold");
        await arrived.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await PrometheusScrape.FromAsync(admin)).Value(OnOldGenerations));

        var first = proxy.CurrentSnapshot();
        scenario.Write(TestConfigs.VersionedForward("v2", upstream.Address));
        await ReloadAsync(admin, HttpStatusCode.OK, "applied");
        Assert.Equal(1, (await PrometheusScrape.FromAsync(admin)).Value(OnOldGenerations));

        upstream.ReleaseHeld();
        using (var response = await held.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("v1", response.Headers.GetValues(TestConfigs.VersionHeader).Single());
        }

        // The client can hold the response a moment before the proxy's request ends and gives its lease back.
        await Support.Eventually.TrueAsync(() => first.IsReleased, "the finished request to release generation 1", TimeSpan.FromSeconds(15));
        Assert.Equal(0, (await PrometheusScrape.FromAsync(admin)).Value(OnOldGenerations));
    }

    [Fact]
    [Requirement("MT-01")]
    public async Task Two_proxies_in_one_process_each_report_only_their_own_reloads()
    {
        await using var scenarioA = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("a1"), ConfigScenario.NoFileTriggers);
        await using var scenarioB = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("b1"), ConfigScenario.NoFileTriggers);
        var (adminA, adminB) = (scenarioA.Admin, scenarioB.Admin);

        scenarioB.Write(TestConfigs.Versioned("b2"));
        await ReloadAsync(adminB, HttpStatusCode.OK, "applied");
        scenarioB.Write(TestConfigs.UnknownClusterJson("b3"));
        await ReloadAsync(adminB, HttpStatusCode.UnprocessableEntity, "rejected");

        var a = await PrometheusScrape.FromAsync(adminA);
        Assert.Equal((1, 1, 0, 0), (a.Value(Generation), a.Value(Successful), a.CounterOrZero(Reloads, ("outcome", "applied")), a.CounterOrZero(Reloads, ("outcome", "rejected"))));
        var b = await PrometheusScrape.FromAsync(adminB);
        Assert.Equal((2, 0, 1, 1), (b.Value(Generation), b.Value(Successful), b.Value(Reloads, ("outcome", "applied")), b.Value(Reloads, ("outcome", "rejected"))));
    }

    [Fact]
    [Requirement("MT-03", "SE-01")]
    public async Task Metrics_are_served_on_the_admin_listener_only_and_include_the_built_in_meters()
    {
        await using var upstream = await UpstreamServer.StartAsync("echo");
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.VersionedForward("v1", upstream.Address), ConfigScenario.NoFileTriggers);
        var (admin, client) = (scenario.Admin, scenario.Client);
        using (var forwarded = await client.GetAsync("/echo/x"))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        using var viaPublic = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, viaPublic.StatusCode);
        Assert.Contains("no_route", await viaPublic.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scrape = await PrometheusScrape.FromAsync(admin);
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's http.server.request.duration is missing:\n" + scrape.Text);
        Assert.True(scrape.Has("kestrel_active_connections"), "Kestrel's kestrel.active_connections is missing:\n" + scrape.Text);
        Assert.True(scrape.Has("http_client_request_duration_seconds_count"), "HttpClient's http.client.request.duration is missing:\n" + scrape.Text);
    }

    private static async Task<JsonElement> ReloadAsync(HttpClient admin, HttpStatusCode expected, string outcome)
    {
        using var response = await admin.PostAsync("/reload", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(outcome, body.GetProperty("outcome").GetString());
        return body;
    }

    private static (double Successful, double Generation, double Applied, double Unchanged, double Rejected) Summary(PrometheusScrape scrape) =>
        (scrape.Value(Successful), scrape.Value(Generation), scrape.CounterOrZero(Reloads, ("outcome", "applied")),
            scrape.CounterOrZero(Reloads, ("outcome", "unchanged")), scrape.CounterOrZero(Reloads, ("outcome", "rejected")));

    private static double AtSeconds(JsonElement outcome) => outcome.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds() / 1000.0;
}
