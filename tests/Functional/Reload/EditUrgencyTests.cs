using HotReloadProxy.Testing.Proxies;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Functional.Tests.Reload;

/// <summary>
/// The real watcher on real files tells a whole-file rename from a write that may still be in progress; the
/// applied outcome carries the trigger that caused it, so the test reads the urgency the scheduler was given.
/// </summary>
public sealed class EditUrgencyTests
{
    private static readonly string V2 = TestConfigs.Versioned("v2").ToJson();

    [Fact]
    [Requirement("PF-01")]
    public async Task An_atomic_replace_is_applied_as_an_immediate_rename()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));

        var applied = await scenario.EditAndWaitAsync(new FileEdit.AtomicReplace(V2), (events, mark) => events.WaitForAppliedAsync(mark));

        Assert.Equal(ReloadUrgency.Immediate, applied.ReloadReason.Urgency);
        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v2");
    }

    [Fact]
    [Requirement("PF-01")]
    public async Task A_ConfigMap_data_swap_is_applied_as_an_immediate_rename()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), configMap: true);

        var applied = await scenario.EditAndWaitAsync(new FileEdit.ConfigMapSwap(V2), (events, mark) => events.WaitForAppliedAsync(mark));

        Assert.Equal(ReloadUrgency.Immediate, applied.ReloadReason.Urgency);
        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v2");
    }

    [Fact]
    [Requirement("PF-02")]
    public async Task An_in_place_rewrite_waits_for_the_quiet_window()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));

        var applied = await scenario.EditAndWaitAsync(new FileEdit.InPlaceRewrite(V2, Chunks: 3, GapMilliseconds: 2), (events, mark) => events.WaitForAppliedAsync(mark));

        Assert.Equal(ReloadUrgency.Coalesce, applied.ReloadReason.Urgency);
        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v2");
    }
}
