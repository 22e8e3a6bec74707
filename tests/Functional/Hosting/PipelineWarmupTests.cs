using System.Net.Http.Json;
using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Hosting;

/// <summary>
/// The startup warm-up in a running proxy publishes nothing. Its sample, its passes and its rounds are tested fast,
/// without a proxy, in tests/Core (PipelineWarmupRunTests).
/// </summary>
public sealed class PipelineWarmupTests
{
    [Fact]
    [Requirement("PF-03")]
    public async Task A_starting_proxy_warms_up_without_a_new_generation_an_outcome_or_a_change_to_what_it_serves()
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        await File.WriteAllTextAsync(path, TestConfigs.Versioned("v1").ToJson());
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = path });
        var outcomesAtStart = proxy.Events.Outcomes.Count;

        await Eventually.TrueAsync(() => proxy.Logs.GetSnapshot().Any(r => r.Id.Id is 1470 or 1471), "the warm-up's log event (1470, or 1471 if it failed)", TimeSpan.FromSeconds(60));

        var warmedUp = Assert.Single(proxy.Logs.GetSnapshot(), r => r.Id.Id is 1470 or 1471);
        Assert.Equal(1470, warmedUp.Id.Id);
        Assert.Contains($"{PipelineWarmup.DefaultRounds * PipelineWarmup.DefaultPasses} passes in {PipelineWarmup.DefaultRounds} rounds", warmedUp.Message, StringComparison.Ordinal);
        Assert.Equal(outcomesAtStart, proxy.Events.Outcomes.Count);
        Assert.Equal(1, proxy.Generation());
        using var admin = proxy.CreateAdminClient();
        var status = await admin.GetFromJsonAsync<JsonElement>(new Uri("/status", UriKind.Relative));
        Assert.Equal(1, status.GetProperty("generation").GetInt64());
        using var client = proxy.CreateClient();
        Assert.Equal("v1", await client.GetStringAsync(new Uri("/version", UriKind.Relative)));
    }
}
