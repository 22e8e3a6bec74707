using HotReload.Functional.Tests.Support;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Reload;

public sealed class SignalReloadTests
{
    [Fact]
    [Requirement("MR-02", "AR-06")]
    public async Task Sighup_reloads_a_real_proxy_process_and_does_not_stop_it()
    {
        // A proxy process cannot have its triggers stopped from outside, and the proxy has no option that exists
        // only for tests. What users do run is polling mode (bind mounts, network shares) and SIGHUP for an
        // immediate reload: with a poll far longer than the test, nothing but the signal can apply the change.
        await using var scenario = await ConfigScenario.ProcessAsync(TestConfigs.Versioned("v1"), s => s with { PollMilliseconds = 3_600_000 });
        var proxy = scenario.Proxy;

        var mark = proxy.Events.Mark();
        scenario.Write(TestConfigs.Versioned("v2"));
        await proxy.SignalAsync("HUP");
        var applied = await proxy.Events.WaitForAppliedAsync(mark);

        Assert.Equal((2, ReloadReasonKind.Signal), (applied.Generation, applied.ReloadReason.Kind));
        using var client = proxy.CreateClient();
        Assert.Equal("v2", await client.GetStringAsync("/version"));
        Assert.Contains("SIGHUP received", proxy.Output, StringComparison.Ordinal);
    }
}
