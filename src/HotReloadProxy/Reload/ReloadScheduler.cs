using HotReloadProxy.Observability;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Reload;

/// <summary>
/// Turns a stream of triggers into reload passes: waits for a quiet window (each trigger restarts it, up to
/// a maximum delay), runs one pass at a time, re-reads a file that looks mid-write before judging it, and
/// after a pass runs exactly one more if triggers arrived meanwhile. A trigger whose change is already whole
/// (<see cref="ReloadUrgency.Immediate"/>: a rename onto the file) skips the window: waiting could only add
/// latency. The latest trigger decides, so an in-place write after a rename still gets its window. Time
/// comes from the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock and no real timers.
/// </summary>
/// <remarks>
/// An immediate pass runs on the thread that reported the trigger (the watcher's own event thread) when no
/// pass is running. Handing it to a timer would put it behind every request queued on the thread pool, which
/// under load was most of a rename's latency; the watcher's thread has nothing else to do meanwhile, and the
/// kernel keeps the events that arrive during the pass.
/// </remarks>
internal sealed class ReloadScheduler : IDisposable
{
    private readonly ReloadEngine _engine;
    private readonly TimeProvider _time;
    private readonly ReloadSchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private ReloadReason? _pending;
    private long _pendingSince;
    private bool _running;
    private bool _disposed;
    private int _retries;

    public ReloadScheduler(ReloadEngine engine, TimeProvider time, ReloadSchedulerOptions options, ILogger<ReloadScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        _engine = engine;
        _time = time;
        _options = options;
        _logger = logger;
        _timer = time.CreateTimer(_ => RunPass(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ReloadSchedulerOptions Options => _options;

    /// <summary>Something may have changed. Cheap and non-blocking; called from watcher, poller and signal threads.</summary>
    public void Notify(ReloadReason trigger)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_pending is null)
            {
                _pendingSince = _time.GetTimestamp();
            }

            _pending = trigger;
            _retries = 0;
            if (_running)
            {
                return;
            }

            if (trigger.Urgency != ReloadUrgency.Immediate)
            {
                Arm(DelayForPending());
                return;
            }
        }

        RunPass();
    }

    /// <summary>Reloads now, on the caller's thread, and judges the file as it is (no write-in-progress retries).</summary>
    public ReloadOutcome ReloadNow(ReloadReason trigger) => _engine.Reload(trigger, allowDefer: false)!;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void RunPass()
    {
        ReloadReason trigger;
        bool allowDefer;
        lock (_gate)
        {
            if (_running || _pending is null || _disposed)
            {
                return;
            }

            trigger = _pending;
            _pending = null;
            _running = true;
            allowDefer = _retries < _options.WriteInProgressRetries;
        }

        ReloadOutcome? outcome = null;
        var failed = false;
        try
        {
            outcome = _engine.Reload(trigger, allowDefer);
        }
#pragma warning disable CA1031 // The scheduler must survive anything a pass throws; the next trigger gets a fresh attempt.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failed = true;
            Log.ReloadFailedUnexpectedly(_logger, ex);
        }

        lock (_gate)
        {
            _running = false;
            if (_disposed)
            {
                return;
            }

            if (_pending is not null)
            {
                // Triggers arrived during the pass: exactly one more pass, after a fresh quiet window unless
                // the latest of them was a whole-file rename.
                _pendingSince = _time.GetTimestamp();
                Arm(_pending.Urgency == ReloadUrgency.Immediate ? TimeSpan.Zero : _options.QuietWindow);
            }
            else if (outcome is null && !failed)
            {
                _retries++;
                _pending = trigger with { Kind = ReloadReasonKind.Retry, Detail = $"{trigger} retry {_retries}", Urgency = ReloadUrgency.Coalesce };
                _pendingSince = _time.GetTimestamp();
                Log.ReloadDeferred(_logger, _engine.SourcePath, "missing, empty or malformed", _options.QuietWindow.TotalMilliseconds);
                Arm(_options.QuietWindow);
            }
            else
            {
                _retries = 0;
            }
        }
    }

    private TimeSpan DelayForPending()
    {
        var waited = _time.GetElapsedTime(_pendingSince);
        var untilMax = _options.MaxDelay - waited;
        return untilMax < _options.QuietWindow ? (untilMax > TimeSpan.Zero ? untilMax : TimeSpan.Zero) : _options.QuietWindow;
    }

    private void Arm(TimeSpan due) => _timer.Change(due, Timeout.InfiniteTimeSpan);
}
