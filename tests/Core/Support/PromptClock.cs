namespace HotReload.Core.Tests.Support;

/// <summary>
/// A system clock whose timers come due at once, whatever they were set to, and which records each due time it
/// was asked for: code that waits on the injected clock runs through its waits without real time passing, and a
/// test sees which waits it made. <see cref="OnTimer"/> can replace "come due" with something else (cancel, say).
/// </summary>
internal sealed class PromptClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];

    /// <summary>What a new timer does instead of coming due; null (the default) fires it at once on a thread of its own.</summary>
    public Action? OnTimer { get; init; }

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
        }

        var timer = System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (OnTimer is { } instead)
        {
            instead();
        }
        else
        {
            // Never on this thread: the code under test has not finished setting up its wait yet. Not on the thread
            // pool either: the code under test blocks a pool thread on this wait, and with the test runner's own
            // threads busy the pool adds a thread only after a delay of up to a second.
            new Thread(() => callback(state)) { IsBackground = true, Name = "PromptClock timer" }.Start();
        }

        return timer;
    }
}
