namespace HotReload.Core.Tests.Support;

/// <summary>
/// A clock that moves only when told and timers that fire only when told. A real <see cref="ITimer"/> can run
/// a callback late: one queued just before <c>Change</c> or <c>Dispose</c> still runs, possibly while another
/// callback is running. <see cref="ManualTimer.Fire"/> reproduces exactly that, at any moment a test picks.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks;

    public List<ManualTimer> Timers { get; } = [];

    /// <summary>The one timer a component created.</summary>
    public ManualTimer Timer => Assert.Single(Timers);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks);

    /// <summary>Moves the clock without firing anything: a timer that is due stays due until it is fired.</summary>
    public void Advance(TimeSpan by) => _ticks += by.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        Timers.Add(timer);
        return timer;
    }
}

internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
{
    /// <summary>The due time of the last <c>Change</c> (or of creation); <see cref="Timeout.InfiniteTimeSpan"/> when not armed.</summary>
    public TimeSpan Due { get; private set; } = dueTime;

    public int Changes { get; private set; }

    /// <summary><c>Change</c> calls made after <c>Dispose</c>: a real timer ignores them (returns false), so they are bugs that do nothing.</summary>
    public int ChangesAfterDispose { get; private set; }

    public bool IsDisposed { get; private set; }

    public bool IsArmed => Due != Timeout.InfiniteTimeSpan;

    /// <summary>Runs the callback now, on this thread, armed or not, disposed or not: what a late callback does.</summary>
    public void Fire()
    {
        Due = Timeout.InfiniteTimeSpan;
        callback(state);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        // A real timer throws for a negative due time other than Infinite; so does this one.
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
        if (IsDisposed)
        {
            ChangesAfterDispose++;
            return false;
        }

        Due = dueTime;
        Changes++;
        return true;
    }

    public void Dispose() => IsDisposed = true;

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
