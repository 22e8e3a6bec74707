using Microsoft.Extensions.Time.Testing;

namespace HotReload.Functional.Tests.Support;

/// <summary>
/// A fake clock that also counts the timers armed on it with at least <paramref name="minimumDue"/>, so a test
/// can wait until the code under test is parked on its wait before it moves the clock: advancing earlier would
/// arm the wait after the jump, and it would never come due.
/// </summary>
internal sealed class TimerCountingClock(FakeTimeProvider clock, TimeSpan minimumDue) : TimeProvider
{
    private int _armed;

    public int Armed => Volatile.Read(ref _armed);

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime >= minimumDue)
        {
            Interlocked.Increment(ref _armed);
        }

        return timer;
    }
}
