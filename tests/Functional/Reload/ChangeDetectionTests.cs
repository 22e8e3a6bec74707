using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Reload;

/// <summary>
/// The change-detection matrix: every way tools change a file, seen by the directory watcher and, separately,
/// by polling alone (no watcher at all, as on bind mounts and network shares).
/// </summary>
public sealed class ChangeDetectionTests
{
    public enum Detection
    {
        Watch,
        Poll,
    }

    private static readonly string V2 = TestConfigs.Versioned("v2").ToJson();

    private static readonly Dictionary<string, FileEdit> ChangingEdits = new()
    {
        ["atomic replace"] = new FileEdit.AtomicReplace(V2),
        ["in-place rewrite"] = new FileEdit.InPlaceRewrite(V2, Chunks: 4, GapMilliseconds: 2),
        ["delete then recreate"] = new FileEdit.DeleteThenRecreate(V2, GapMilliseconds: 30),
        ["directory removed then recreated"] = new FileEdit.RemoveDirectoryThenRecreate(V2, GapMilliseconds: 30),
    };

    public static TheoryData<Detection, string> EditsByDetection()
    {
        var data = new TheoryData<Detection, string>();
        foreach (var detection in Enum.GetValues<Detection>())
        {
            foreach (var edit in ChangingEdits.Keys)
            {
                data.Add(detection, edit);
            }
        }

        return data;
    }

    public static TheoryData<Detection> Detections() => new(Enum.GetValues<Detection>());

    [Theory]
    [MemberData(nameof(EditsByDetection))]
    [Requirement("CD-01", "CD-02", "CD-03", "CD-06", "HR-01")]
    public async Task A_changed_file_is_detected_and_served(Detection detection, string editName)
    {
        await using var scenario = await StartAsync(detection);

        await scenario.EditAndWaitAsync(ChangingEdits[editName], (events, mark) => events.WaitForAppliedAsync(mark));

        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v2");
        await AssertStillDetectsAsync(scenario, "v3");
    }

    [Theory]
    [MemberData(nameof(Detections))]
    [Requirement("CD-04", "CD-06")]
    public async Task A_ConfigMap_data_symlink_swap_is_detected(Detection detection)
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), Settings(detection), configMap: true);

        await scenario.EditAndWaitAsync(new FileEdit.ConfigMapSwap(V2), (events, mark) => events.WaitForAppliedAsync(mark));
        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v2");

        await scenario.EditAndWaitAsync(new FileEdit.ConfigMapSwap(TestConfigs.Versioned("v3").ToJson()), (events, mark) => events.WaitForAppliedAsync(mark));
        await scenario.Proxy.CreateClient().AssertServesVersionAsync("v3");
    }

    [Theory]
    [MemberData(nameof(Detections))]
    [Requirement("CD-05", "CD-06", "HR-03")]
    public async Task A_touch_without_new_bytes_makes_no_new_generation(Detection detection)
    {
        await using var scenario = await StartAsync(detection);

        var outcome = await scenario.EditAndWaitAsync(new FileEdit.Touch(), (events, mark) => events.WaitForAsync(_ => true, "the touch to be noticed", mark));

        Assert.Equal(ReloadResult.Unchanged, outcome.Result);
        Assert.Equal(1, scenario.Proxy.Generation());
        await AssertStillDetectsAsync(scenario, "v2");
    }

    [Theory]
    [MemberData(nameof(Detections))]
    [Requirement("CD-03", "EH-01", "HR-04")]
    public async Task A_file_renamed_away_keeps_serving_and_its_return_is_detected(Detection detection)
    {
        await using var scenario = await StartAsync(detection);
        var client = scenario.Proxy.CreateClient();
        var away = scenario.ConfigPath + ".bak";

        var mark = scenario.Proxy.Events.Mark();
        File.Move(scenario.ConfigPath, away);
        var missing = await scenario.Proxy.Events.WaitForRejectedAsync(mark, RejectionReason.Missing);
        Assert.Equal(1, missing.Generation);
        await client.AssertServesVersionAsync("v1");

        // Back with the same bytes: nothing to apply, and the watcher still works afterwards.
        mark = scenario.Proxy.Events.Mark();
        File.Move(away, scenario.ConfigPath);
        var back = await scenario.Proxy.Events.WaitForAsync(o => o.Result != ReloadResult.Rejected, "the file's return to be noticed", mark);
        Assert.Equal(ReloadResult.Unchanged, back.Result);
        await AssertStillDetectsAsync(scenario, "v2");
    }

    [Fact]
    [Requirement("CD-03")]
    public async Task A_quick_rename_away_and_back_leaves_the_watcher_working_on_the_same_config()
    {
        await using var scenario = await StartAsync(Detection.Watch);

        var outcome = await scenario.EditAndWaitAsync(new FileEdit.RenameAwayAndBack(GapMilliseconds: 0),
            (events, mark) => events.WaitForAsync(o => o.Result != ReloadResult.Rejected, "the file's return to be noticed", mark));

        Assert.Equal(ReloadResult.Unchanged, outcome.Result);
        Assert.Equal(1, scenario.Proxy.Generation());
        await AssertStillDetectsAsync(scenario, "v2");
    }

    private static Task<ConfigScenario<InMemoryProxy>> StartAsync(Detection detection) =>
        ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), Settings(detection));

    private static Func<ProxySettings, ProxySettings> Settings(Detection detection) =>
        settings => detection == Detection.Poll ? settings with { PollMilliseconds = 25 } : settings;

    /// <summary>A later ordinary edit still applies, so whatever happened before left detection working; and poll mode really is polling.</summary>
    private static async Task AssertStillDetectsAsync(ConfigScenario<InMemoryProxy> scenario, string version)
    {
        var triggers = scenario.Proxy.Services.GetRequiredService<ConfigTriggers>();
        Assert.Equal(triggers.Poller is not null, triggers.Watcher is null);

        await scenario.WriteAndWaitAppliedAsync(TestConfigs.Versioned(version));
        await scenario.Proxy.CreateClient().AssertServesVersionAsync(version);
    }
}
