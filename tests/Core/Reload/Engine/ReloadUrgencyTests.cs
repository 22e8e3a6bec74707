using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Core.Tests.Reload.Engine;

/// <summary>
/// A rename is whole when it is seen, so it is read at once; anything else still waits for the quiet window.
/// Driven by a fake clock: "at once" means before the clock moves at all.
/// </summary>
public sealed class ReloadUrgencyTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    private static ReloadReason Rename() => new(ReloadReasonKind.FileEvent, "Renamed proxy.json") { Urgency = ReloadUrgency.Immediate };

    private static ReloadReason InPlaceWrite() => new(ReloadReasonKind.FileEvent, "Changed proxy.json");

    [Fact]
    [Requirement("PF-01")]
    public void A_rename_is_applied_without_waiting_for_the_quiet_window()
    {
        using var rig = new EngineRig("v0");
        rig.WriteVersion("v1");

        rig.Scheduler.Notify(Rename());
        rig.Time.Advance(TimeSpan.Zero);

        var applied = Assert.Single(rig.Outcomes);
        Assert.Equal(ReloadResult.Applied, applied.Result);
        Assert.Equal("v1", rig.ServedVersion);
    }

    [Fact]
    [Requirement("PF-02", "RC-01")]
    public void An_in_place_write_is_still_coalesced_until_the_file_is_quiet()
    {
        using var rig = new EngineRig("v0");
        for (var i = 1; i <= 3; i++)
        {
            rig.WriteVersion($"v{i}");
            rig.Scheduler.Notify(InPlaceWrite());
            rig.Time.Advance(Quiet / 2);
        }

        Assert.Empty(rig.Outcomes);
        Assert.Equal(0, rig.File.Reads);

        rig.Time.Advance(Quiet);

        var applied = Assert.Single(rig.Outcomes);
        Assert.Equal("v3", rig.ServedVersion);
        Assert.Equal(1, rig.File.Reads);
        Assert.Equal(ReloadResult.Applied, applied.Result);
    }

    [Fact]
    [Requirement("PF-01", "PF-02")]
    public void A_rename_after_in_place_writes_reads_the_renamed_file_at_once_and_only_once()
    {
        using var rig = new EngineRig("v0");
        rig.WriteVersion("v1");
        rig.Scheduler.Notify(InPlaceWrite());
        rig.Time.Advance(Quiet / 2);
        rig.WriteVersion("v2");

        rig.Scheduler.Notify(Rename());
        rig.Time.Advance(TimeSpan.Zero);

        Assert.Single(rig.Outcomes);
        Assert.Equal("v2", rig.ServedVersion);
        rig.Settle();
        Assert.Single(rig.Outcomes);
        Assert.Equal(1, rig.File.Reads);
    }

    [Fact]
    [Requirement("PF-02")]
    public void An_in_place_write_after_a_rename_waits_for_the_window_again()
    {
        using var rig = new EngineRig("v0");
        rig.WriteVersion("v1");
        rig.Scheduler.Notify(Rename());
        rig.Time.Advance(TimeSpan.Zero);
        Assert.Equal("v1", rig.ServedVersion);

        rig.File.Write(TestConfigs.TruncatedJson("v2"));    // a writer has truncated and written half
        rig.Scheduler.Notify(InPlaceWrite());
        rig.Time.Advance(Quiet / 2);
        rig.WriteVersion("v2");                              // ... and finishes within the window

        Assert.Single(rig.Outcomes);
        Assert.Equal(1, rig.File.Reads);

        rig.Time.Advance(Quiet);

        Assert.Equal(2, rig.Outcomes.Count);
        Assert.Equal(ReloadResult.Applied, rig.Outcomes[1].Result);
        Assert.Equal("v2", rig.ServedVersion);
        Assert.Equal(0, rig.Engine.Status!.Counts.Rejected);
    }

    [Fact]
    [Requirement("PF-01", "EH-03")]
    public void A_renamed_file_that_looks_mid_write_is_still_retried_one_window_later_before_it_is_judged()
    {
        using var rig = new EngineRig("v0");
        rig.File.Write(TestConfigs.TruncatedJson("v1"));
        rig.Scheduler.Notify(Rename());
        rig.Time.Advance(TimeSpan.Zero);

        Assert.Empty(rig.Outcomes);                          // deferred, not judged
        Assert.Equal(1, rig.File.Reads);

        rig.WriteVersion("v1");
        rig.Time.Advance(Quiet);

        var outcome = Assert.Single(rig.Outcomes);
        Assert.Equal(ReloadResult.Applied, outcome.Result);
        Assert.Equal("v1", rig.ServedVersion);
        Assert.Equal(0, rig.Engine.Status!.Counts.Rejected);
    }
}
