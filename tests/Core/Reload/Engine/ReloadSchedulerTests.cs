using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Core.Tests.Reload.Engine;

/// <summary>Coalescing, write-in-progress retries and one-more-pass, driven by a fake clock.</summary>
public sealed class ReloadSchedulerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    [Fact]
    [Requirement("RC-01")]
    public void A_burst_of_events_is_read_once_after_the_file_is_quiet_and_the_last_content_wins()
    {
        using var rig = new EngineRig("v0");
        for (var i = 1; i <= 10; i++)
        {
            rig.WriteVersion($"v{i}");
            rig.FileEvent();
            rig.Time.Advance(Quiet / 4);
        }

        Assert.Empty(rig.Outcomes);
        Assert.Equal(0, rig.File.Reads);

        rig.Time.Advance(Quiet);

        var applied = Assert.Single(rig.Outcomes);
        Assert.Equal(ReloadResult.Applied, applied.Result);
        Assert.Equal(2, applied.Generation);
        Assert.Equal("v10", rig.ServedVersion);
    }

    [Fact]
    [Requirement("RC-01")]
    public void A_stream_of_events_never_postpones_the_reload_past_the_maximum_delay()
    {
        using var rig = new EngineRig("v0");
        var step = Quiet / 2;
        var elapsed = TimeSpan.Zero;
        var version = 0;
        while (rig.Outcomes.Count == 0)
        {
            rig.WriteVersion($"v{++version}");
            rig.FileEvent();
            rig.Time.Advance(step);
            elapsed += step;
            Assert.True(elapsed <= rig.Scheduler.Options.MaxDelay + step, $"no reload after {elapsed.TotalMilliseconds} ms of constant writes");
        }

        Assert.Equal(ReloadResult.Applied, rig.Outcomes[0].Result);
    }

    [Fact]
    [Requirement("EH-03")]
    public void A_truncated_read_right_after_an_event_is_retried_and_the_completed_write_applies_without_a_rejection()
    {
        using var rig = new EngineRig("v0");
        rig.File.Write(TestConfigs.TruncatedJson("v1"));   // the writer has truncated and written half
        rig.FileEvent();
        rig.Time.Advance(Quiet);

        Assert.Empty(rig.Outcomes);                          // deferred, not judged
        Assert.Equal(1, rig.File.Reads);

        rig.WriteVersion("v1");                              // the writer finishes; no new event yet
        rig.Time.Advance(Quiet);

        var outcome = Assert.Single(rig.Outcomes);
        Assert.Equal(ReloadResult.Applied, outcome.Result);
        Assert.Equal("v1", rig.ServedVersion);
        Assert.Equal(0, rig.Engine.Status!.Counts.Rejected);
    }

    [Fact]
    [Requirement("EH-03", "EH-01")]
    public void A_file_that_stays_malformed_is_rejected_after_the_retries_and_the_old_config_keeps_serving()
    {
        using var rig = new EngineRig("v0");
        rig.File.Write("{ \"routes\": [");
        rig.FileEvent();
        for (var i = 0; i <= rig.Scheduler.Options.WriteInProgressRetries; i++)
        {
            Assert.Empty(rig.Outcomes);
            rig.Time.Advance(Quiet);
        }

        var rejected = Assert.Single(rig.Outcomes);
        Assert.Equal(ReloadResult.Rejected, rejected.Result);
        Assert.Equal(RejectionReason.Syntax, rejected.Reason);
        Assert.Equal(rig.Scheduler.Options.WriteInProgressRetries + 1, rig.File.Reads);
        Assert.Equal("v0", rig.ServedVersion);
    }

    [Fact]
    [Requirement("EH-03")]
    public void A_semantically_invalid_file_is_judged_at_once_without_retries()
    {
        using var rig = new EngineRig("v0");
        rig.File.Write(TestConfigs.UnknownClusterJson("v1"));
        rig.FileEvent();
        rig.Time.Advance(Quiet);

        Assert.Equal(RejectionReason.Invalid, Assert.Single(rig.Outcomes).Reason);
        Assert.Equal(1, rig.File.Reads);
    }

    [Fact]
    [Requirement("RC-02")]
    public void Triggers_during_a_reload_cause_exactly_one_more_pass()
    {
        using var rig = new EngineRig("v0");
        var duringPass = 0;
        rig.File.OnRead = () =>
        {
            // Three more changes land while the first pass is reading the file.
            if (duringPass++ == 0)
            {
                for (var i = 0; i < 3; i++)
                {
                    rig.FileEvent();
                }
            }
        };
        rig.WriteVersion("v1");
        rig.FileEvent();
        rig.Time.Advance(Quiet);
        Assert.Single(rig.Outcomes);

        rig.WriteVersion("v2");
        rig.Time.Advance(Quiet);
        rig.Time.Advance(Quiet * 10);

        Assert.Equal(2, rig.Outcomes.Count);
        Assert.Equal(2, rig.File.Reads);
        Assert.Equal("v2", rig.ServedVersion);
        Assert.Equal(3, rig.Holder.Current!.Generation);
    }

    [Fact]
    [Requirement("HR-03", "EH-02")]
    public void Missing_then_restored_identical_content_is_unchanged_and_keeps_the_generation()
    {
        using var rig = new EngineRig("v0");
        var original = TestConfigs.Versioned("v0").ToJson();
        rig.File.Delete();
        rig.FileEvent();
        rig.AdvanceWindows(rig.Scheduler.Options.WriteInProgressRetries + 1, Quiet);
        Assert.Equal(RejectionReason.Missing, Assert.Single(rig.Outcomes).Reason);

        rig.File.Write(original);
        rig.FileEvent();
        rig.Time.Advance(Quiet);

        Assert.Equal(ReloadResult.Unchanged, rig.Outcomes[^1].Result);
        Assert.Equal(1, rig.Holder.Current!.Generation);
    }

    [Fact]
    [Requirement("AT-02")]
    public void A_reader_holding_the_old_snapshot_sees_it_whole_after_the_swap()
    {
        using var rig = new EngineRig("v0");
        Assert.True(rig.Holder.TryAcquire(out var lease));
        using (lease)
        {
            rig.WriteVersion("v1");
            rig.Scheduler.ReloadNow(ReloadReason.Manual);

            Assert.Equal(1, lease.Snapshot.Generation);
            Assert.Equal("v0", lease.Snapshot.Config.Routes[0].Respond!.Body);
            Assert.NotNull(lease.Snapshot.Routes.Match("GET", "h", null, "/version"));
            Assert.Equal(2, rig.Holder.Current!.Generation);
        }
    }
}
