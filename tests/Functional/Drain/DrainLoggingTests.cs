using HotReload.Testing.Upstreams;
using Microsoft.Extensions.Logging;
using static HotReload.Functional.Tests.Drain.DrainSteps;

namespace HotReload.Functional.Tests.Drain;

/// <summary>What the drain bound logs: the schedule when a reload starts a bound (1351), and no forwarding warning for a request it cut.</summary>
public sealed class DrainLoggingTests
{
    private const int BoundMs = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(BoundMs);

    [Fact]
    [Requirement("DR-12")]
    public async Task A_reload_that_starts_a_bound_logs_its_schedule_and_one_that_starts_none_logs_nothing()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);

        // Nothing runs on generation 1, so removing a route has nothing to bound.
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));
        Assert.DoesNotContain(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1351);

        await rig.ReloadAsync(Config("v3", upstream.Address, doomed: true));
        using var doomed = await HeldStreamAsync(rig.Client, "/doomed/stream");
        var generation = await rig.ReloadAsync(Config("v4", upstream.Address, doomed: false));

        var scheduled = Assert.Single(rig.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1351);
        Assert.Equal(LogLevel.Debug, scheduled.Level);
        Assert.Equal(generation.ToString(System.Globalization.CultureInfo.InvariantCulture), State(scheduled, "Generation"));

        // Generation 3's version route changes with every version, and its doomed route is gone.
        Assert.Equal("2", State(scheduled, "RouteCount"));
        Assert.Equal(BoundMs.ToString(System.Globalization.CultureInfo.InvariantCulture), State(scheduled, "BoundMs"));

        rig.Clock.Advance(Bound);
        await AssertCutAsync(doomed, "/doomed/stream");
    }

    [Fact]
    [Requirement("DR-13")]
    public async Task A_request_the_bound_cut_logs_no_forwarding_failure()
    {
        await using var upstream = await UpstreamServer.StartAsync("streamer");
        await using var rig = await DrainRig.StartAsync(Config("v1", upstream.Address, doomed: true), BoundMs);
        using var doomed = await HeldStreamAsync(rig.Client, "/doomed/stream");
        await rig.ReloadAsync(Config("v2", upstream.Address, doomed: false));

        // Only what is logged from the cut on: startup may warn for reasons of its own (a test run under nohup
        // ignores SIGHUP, and the proxy says so).
        var beforeCut = rig.Proxy.Logs.GetSnapshot().Count;
        rig.Clock.Advance(Bound);
        await AssertCutAsync(doomed, "/doomed/stream");

        // The forwarder's failure is logged, if at all, before the request lets go of its generation.
        await rig.AwaitLeasedAsync(0);
        var sinceCut = rig.Proxy.Logs.GetSnapshot().Skip(beforeCut).ToList();
        Assert.Single(sinceCut, r => r.Id.Id == 1350);
        Assert.DoesNotContain(sinceCut, r => r.Id.Id == 1030 || r.Level >= LogLevel.Warning);
    }
}
