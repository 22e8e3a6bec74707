using HotReload.Core.Tests.Support;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Reload;

/// <summary>
/// The scheduler against timers that misbehave the way real ones may: a callback that runs late, while a pass is
/// running, after the work it was armed for was done, or after the scheduler was disposed. The clock and the
/// timer move only when the test says, so every due time the scheduler asks for is asserted exactly.
/// </summary>
public sealed class ReloadSchedulerGuardTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(20);

    private static ReloadReason FileEvent() => new(ReloadReasonKind.FileEvent, "test");

    private static ReloadReason Rename() => new(ReloadReasonKind.FileEvent, "renamed") { Urgency = ReloadUrgency.Immediate };

    private sealed class Setup
    {
        public Setup()
        {
            Under = EngineUnderTest.Loaded("v0", Clock);
            Scheduler = Under.Scheduler(Clock, Quiet);
        }

        public ManualTimeProvider Clock { get; } = new();

        public EngineUnderTest Under { get; }

        public ReloadScheduler Scheduler { get; }

        public ManualTimer Timer => Clock.Timer;
    }

    [Fact]
    [Requirement("MU-01", "RC-02")]
    public void A_late_timer_callback_during_a_pass_starts_no_second_pass_and_the_pending_trigger_gets_one_more_pass()
    {
        var setup = new Setup();
        var under = setup.Under;
        under.WriteVersion("v1");
        var nestedReads = 0;
        under.File.OnRead = () =>
        {
            if (under.File.Reads == 1)
            {
                // A change lands while the pass reads the file, and a callback queued earlier runs now.
                under.WriteVersion("v2");
                setup.Scheduler.Notify(FileEvent());
                setup.Timer.Fire();
                nestedReads = under.File.Reads - 1;
            }
        };
        setup.Scheduler.Notify(FileEvent());

        setup.Timer.Fire();

        Assert.Equal(0, nestedReads);
        Assert.Equal("v1", under.ServedVersion);
        Assert.True(setup.Timer.IsArmed, "the trigger that arrived during the pass must get one more pass");
        Assert.Equal(Quiet, setup.Timer.Due);

        setup.Timer.Fire();

        Assert.Equal("v2", under.ServedVersion);
        Assert.Equal(2, under.File.Reads);
        Assert.False(setup.Timer.IsArmed);
    }

    [Fact]
    [Requirement("MU-01")]
    public void A_late_timer_callback_with_nothing_pending_reads_nothing_and_logs_no_failure()
    {
        var setup = new Setup();
        setup.Under.WriteVersion("v1");
        setup.Scheduler.Notify(FileEvent());
        setup.Timer.Fire();
        Assert.Equal(1, setup.Under.File.Reads);

        setup.Timer.Fire();

        Assert.Equal(1, setup.Under.File.Reads);
        Assert.Single(setup.Under.Outcomes);
        Assert.Empty(setup.Under.Events(1024));
        Assert.False(setup.Timer.IsArmed);
    }

    [Fact]
    [Requirement("MU-02")]
    public void A_disposed_scheduler_runs_no_more_reloads_even_when_a_late_callback_fires()
    {
        var setup = new Setup();
        setup.Under.WriteVersion("v1");
        setup.Scheduler.Notify(FileEvent());

        setup.Scheduler.Dispose();
        setup.Timer.Fire();

        Assert.Equal(0, setup.Under.File.Reads);
        Assert.Empty(setup.Under.Outcomes);
        Assert.Equal("v0", setup.Under.ServedVersion);
    }

    [Fact]
    [Requirement("MU-02")]
    public void Dispose_releases_the_timer_and_later_triggers_arm_nothing()
    {
        var setup = new Setup();
        var changesBefore = setup.Timer.Changes;

        setup.Scheduler.Dispose();
        setup.Scheduler.Notify(FileEvent());
        setup.Scheduler.Notify(Rename());

        Assert.True(setup.Timer.IsDisposed, "the scheduler's timer must be disposed with it");
        Assert.Equal(changesBefore, setup.Timer.Changes);
        Assert.Equal(0, setup.Timer.ChangesAfterDispose);
        Assert.Equal(0, setup.Under.File.Reads);
    }

    [Fact]
    [Requirement("MU-02")]
    public void A_scheduler_disposed_during_a_pass_arms_neither_the_next_pass_nor_a_retry()
    {
        var setup = new Setup();
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));
        setup.Under.File.OnRead = () =>
        {
            setup.Scheduler.Notify(FileEvent());
            setup.Scheduler.Dispose();
        };
        setup.Scheduler.Notify(FileEvent());
        var changesBeforePass = setup.Timer.Changes;

        setup.Timer.Fire();

        Assert.Equal(changesBeforePass, setup.Timer.Changes);
        Assert.Equal(0, setup.Timer.ChangesAfterDispose);
        Assert.Equal(1, setup.Under.File.Reads);
        Assert.Empty(setup.Under.Events(1014));
    }

    [Fact]
    [Requirement("MU-03", "RC-01")]
    public void A_stream_of_events_cannot_defer_a_reload_beyond_the_max_wait()
    {
        var setup = new Setup();
        var maxDelay = setup.Scheduler.Options.MaxDelay;
        Assert.Equal(Quiet * 10, maxDelay);

        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(Quiet, setup.Timer.Due);

        // Each event restarts the quiet window while the first event is younger than max wait minus a window...
        setup.Clock.Advance(maxDelay - Quiet - TimeSpan.FromMilliseconds(5));
        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(Quiet, setup.Timer.Due);

        // ...then only what is left until the max wait, counted from the first event of the stream...
        setup.Clock.Advance(TimeSpan.FromMilliseconds(10));
        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(TimeSpan.FromMilliseconds(15), setup.Timer.Due);

        // ...and nothing once it has passed: the timer is asked for zero, never a negative due time.
        setup.Clock.Advance(maxDelay);
        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(TimeSpan.Zero, setup.Timer.Due);
    }

    [Fact]
    [Requirement("MU-03")]
    public void The_max_wait_counts_from_the_first_event_after_a_pass_not_from_the_first_event_ever()
    {
        var setup = new Setup();
        setup.Under.WriteVersion("v1");
        setup.Scheduler.Notify(FileEvent());
        setup.Clock.Advance(Quiet * 50);
        setup.Timer.Fire();

        setup.Under.WriteVersion("v2");
        setup.Scheduler.Notify(FileEvent());

        Assert.Equal(Quiet, setup.Timer.Due);
    }

    [Fact]
    [Requirement("MU-03")]
    public void With_no_quiet_window_there_is_no_max_wait_and_every_event_is_read_at_once()
    {
        Assert.Equal(TimeSpan.Zero, new ReloadSchedulerOptions { QuietWindow = TimeSpan.Zero }.MaxDelay);
        Assert.Equal(TimeSpan.Zero, new ReloadSchedulerOptions { QuietWindow = TimeSpan.FromMilliseconds(-1) }.MaxDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(10), ReloadSchedulerOptions.DefaultQuietWindow);
        Assert.Equal(3, new ReloadSchedulerOptions().WriteInProgressRetries);

        var clock = new ManualTimeProvider();
        var under = EngineUnderTest.Loaded("v0", clock);
        using var scheduler = under.Scheduler(clock, TimeSpan.Zero);
        scheduler.Notify(FileEvent());

        Assert.Equal(TimeSpan.Zero, clock.Timer.Due);
    }

    [Fact]
    [Requirement("PF-01", "PF-02")]
    public void A_rename_is_read_on_the_notifying_thread_before_Notify_returns_and_a_later_in_place_write_restores_the_window()
    {
        var setup = new Setup();
        setup.Under.WriteVersion("v1");
        var readOn = -1;
        setup.Under.File.OnRead = () => readOn = Environment.CurrentManagedThreadId;

        setup.Scheduler.Notify(Rename());

        Assert.Equal(Environment.CurrentManagedThreadId, readOn);
        Assert.Equal("v1", setup.Under.ServedVersion);
        Assert.False(setup.Timer.IsArmed, "a rename goes through no timer: the thread pool's queue would delay it under load");

        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(Quiet, setup.Timer.Due);
    }

    [Fact]
    [Requirement("PF-01", "RC-02")]
    public void A_rename_during_a_pass_gets_its_one_more_pass_at_once()
    {
        var setup = new Setup();
        setup.Under.WriteVersion("v1");
        setup.Under.File.OnRead = () =>
        {
            if (setup.Under.File.Reads == 1)
            {
                setup.Scheduler.Notify(Rename());
            }
        };
        setup.Scheduler.Notify(FileEvent());

        setup.Timer.Fire();

        Assert.Equal(TimeSpan.Zero, setup.Timer.Due);
    }

    [Fact]
    [Requirement("MU-04")]
    public void A_pass_that_throws_is_logged_as_an_error_and_not_retried_and_the_next_trigger_reloads()
    {
        var setup = new Setup();
        var failure = new InvalidOperationException("simulated failure inside a pass");
        setup.Under.WriteVersion("v1");
        setup.Under.File.OnRead = () => throw failure;
        setup.Scheduler.Notify(FileEvent());

        setup.Timer.Fire();

        var error = Assert.Single(setup.Under.Events(1024));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, error.Level);
        Assert.Same(failure, error.Exception);
        Assert.False(setup.Timer.IsArmed, "a failed pass is not a write in progress: no retry is armed");
        Assert.Empty(setup.Under.Events(1014));
        Assert.Equal("v0", setup.Under.ServedVersion);

        setup.Under.File.OnRead = null;
        setup.Scheduler.Notify(FileEvent());
        setup.Timer.Fire();

        Assert.Equal("v1", setup.Under.ServedVersion);
    }

    [Fact]
    [Requirement("MU-04", "EH-03")]
    public void A_failed_pass_resets_the_write_in_progress_retries()
    {
        var setup = new Setup();
        var fail = false;
        setup.Under.File.OnRead = () =>
        {
            if (fail)
            {
                throw new InvalidOperationException("simulated");
            }
        };
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));
        setup.Scheduler.Notify(FileEvent());
        setup.Timer.Fire();   // deferred: retry 1 armed
        setup.Timer.Fire();   // deferred: retry 2 armed
        Assert.True(setup.Timer.IsArmed);

        fail = true;
        setup.Timer.Fire();   // the third pass throws
        fail = false;

        // A fresh trigger after the failure gets the full retries again: three deferrals before a rejection.
        setup.Scheduler.Notify(FileEvent());
        for (var i = 0; i < 3; i++)
        {
            setup.Timer.Fire();
            Assert.Empty(setup.Under.Outcomes);
        }

        setup.Timer.Fire();
        Assert.Equal(RejectionReason.Syntax, Assert.Single(setup.Under.Outcomes).Reason);
    }

    [Fact]
    [Requirement("EH-03")]
    public void A_deferred_read_is_retried_one_quiet_window_later_as_a_retry_and_logged_at_debug()
    {
        var setup = new Setup();
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));
        setup.Scheduler.Notify(FileEvent());
        setup.Clock.Advance(TimeSpan.FromSeconds(5));

        setup.Timer.Fire();

        Assert.Equal(Quiet, setup.Timer.Due);
        var deferred = Assert.Single(setup.Under.Events(1014));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, deferred.Level);
        Assert.Equal("/memory/proxy.json", EngineUnderTest.Value(deferred, "Source"));
        Assert.Equal("missing, empty or malformed", EngineUnderTest.Value(deferred, "Reason"));
        Assert.Equal("20", EngineUnderTest.Value(deferred, "DelayMs"));

        // A retry pending since the deferral is not already past the max wait: a new event still gets a window.
        setup.Scheduler.Notify(FileEvent());
        Assert.Equal(Quiet, setup.Timer.Due);
    }

    [Fact]
    [Requirement("EH-03")]
    public void The_rejection_after_the_retries_names_the_retry_that_judged_it()
    {
        var setup = new Setup();
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));
        setup.Scheduler.Notify(FileEvent());
        for (var i = 0; i < 4; i++)
        {
            setup.Timer.Fire();
        }

        var rejected = Assert.Single(setup.Under.Outcomes);
        Assert.Equal(ReloadReasonKind.Retry, rejected.ReloadReason.Kind);
        Assert.Equal(ReloadUrgency.Coalesce, rejected.ReloadReason.Urgency);
        Assert.EndsWith(" retry 3", rejected.ReloadReason.Detail, StringComparison.Ordinal);
        Assert.StartsWith("retry (retry (file-event (test) retry 1) retry 2)", rejected.ReloadReason.Detail, StringComparison.Ordinal);
        Assert.False(setup.Timer.IsArmed);
    }

    [Fact]
    [Requirement("EH-03")]
    public void A_retried_rename_waits_its_window_like_any_retry()
    {
        var setup = new Setup();
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));
        setup.Scheduler.Notify(Rename());

        Assert.Equal(1, setup.Under.File.Reads);
        Assert.Empty(setup.Under.Outcomes);
        Assert.Equal(Quiet, setup.Timer.Due);
    }

    [Fact]
    [Requirement("MR-01")]
    public void ReloadNow_judges_the_file_as_it_is_without_deferring()
    {
        var setup = new Setup();
        setup.Under.File.Write(TestConfigs.TruncatedJson("v1"));

        var outcome = setup.Scheduler.ReloadNow(ReloadReason.Manual);

        Assert.Equal(ReloadResult.Rejected, outcome.Result);
        Assert.Equal(RejectionReason.Syntax, outcome.Reason);
        Assert.False(setup.Timer.IsArmed);
    }

    [Fact]
    [Requirement("MU-01")]
    public void The_scheduler_needs_a_clock()
    {
        var under = EngineUnderTest.Loaded("v0");
        Assert.Throws<ArgumentNullException>(() => new ReloadScheduler(under.Engine, null!, new ReloadSchedulerOptions(),
            new Microsoft.Extensions.Logging.Testing.FakeLogger<ReloadScheduler>()));
    }
}
