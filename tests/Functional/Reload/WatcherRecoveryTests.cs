using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Reload;

/// <summary>A watcher that dies silently is the worst bug: errors re-arm it and force a full re-read.</summary>
public sealed class WatcherRecoveryTests
{
    [Fact]
    [Requirement("CD-07")]
    public async Task A_buffer_overflow_rearms_the_watcher_rereads_the_file_and_later_edits_still_apply()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var watcher = proxy.Services.GetRequiredService<ConfigTriggers>().Watcher!;
        var armed = proxy.Logs.GetSnapshot().Count(r => r.Id.Id == 1450);

        var mark = proxy.Events.Mark();
        watcher.SimulateError(new InternalBufferOverflowException("Too many changes at once in directory."));
        var reread = await proxy.Events.WaitForAsync(o => o.ReloadReason.Kind == ReloadReasonKind.WatcherRecovery, "a re-read after the watcher error", mark);

        Assert.Equal(ReloadResult.Unchanged, reread.Result);
        Assert.Equal(armed + 1, proxy.Logs.GetSnapshot().Count(r => r.Id.Id == 1450));
        Assert.Single(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1021);

        mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, TestConfigs.Versioned("v2").ToJson());
        await proxy.Events.WaitForAppliedAsync(mark);
        await proxy.CreateClient().AssertServesVersionAsync("v2");
    }
}
