using System.Net.Http.Json;
using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.Time.Testing;

namespace HotReload.Functional.Tests.Hosting;

/// <summary>
/// The startup warm-up in a running proxy publishes nothing. Its sample and its passes are tested fast, without a proxy,
/// in tests/Core (PipelineWarmupRunTests).
/// </summary>
public sealed class PipelineWarmupTests
{
    [Fact]
    [Requirement("PF-03")]
    public async Task Rounds_are_spaced_by_the_pause_on_the_injected_clock_and_cancelling_during_a_pause_ends_the_warm_up()
    {
        var fake = new FakeTimeProvider();
        var clock = new TimerCountingClock(fake, minimumDue: TimeSpan.FromSeconds(10));
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), clock);
        using var stop = new CancellationTokenSource();

        var running = Task.Run(() => warmup.RunInRounds(3, 2, TimeSpan.FromSeconds(10), stop.Token));

        // Each round is 2 passes; the clock moves only when told, so the warm-up parks in its first pause.
        await Eventually.TrueAsync(() => clock.Armed == 1, "the first pause to be armed on the fake clock", TimeSpan.FromSeconds(30));
        Assert.False(running.IsCompleted, "the warm-up must wait out its pause on the injected clock");
        fake.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => clock.Armed == 2, "the second pause, after the second round", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();

        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, result.Rounds);
        Assert.Equal(4, result.Passes);
    }

    [Fact]
    [Requirement("PF-03")]
    public void All_rounds_run_when_nothing_cancels_them()
    {
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), TimeProvider.System);

        var result = warmup.RunInRounds(3, 2, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.Equal(3, result.Rounds);
        Assert.Equal(6, result.Passes);
    }

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
