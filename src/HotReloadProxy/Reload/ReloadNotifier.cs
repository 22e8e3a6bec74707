using System.Collections.Concurrent;

namespace HotReloadProxy.Reload;

/// <summary>
/// In-process change notification: an event and an awaitable "next outcome", for embedders and for tests
/// that wait on a reload instead of sleeping. The engine queues each outcome while it holds its writer lock
/// (so the queue is in reload order) and raises <see cref="Reloaded"/> after it lets the lock go: a slow or
/// blocked subscriber delays later events, never the next reload's swap.
/// </summary>
internal sealed class ReloadNotifier
{
    private readonly ConcurrentQueue<ReloadOutcome> _unraised = new();
    private TaskCompletionSource<ReloadOutcome> _next = NewSource();
    private int _raising;

    /// <summary>Raised once per outcome, in reload order, on the thread that ran the reload (or one running a later one).</summary>
    public event EventHandler<ReloadOutcome>? Reloaded;

    /// <summary>Completes with the next outcome published after this call. Take it before causing the change.</summary>
    public Task<ReloadOutcome> NextAsync() => Volatile.Read(ref _next).Task;

    /// <summary>Called by the engine under its writer lock; runs no subscriber code.</summary>
    internal void Publish(ReloadOutcome outcome)
    {
        _unraised.Enqueue(outcome);

        // Continuations run asynchronously, so completing the task runs no waiter's code under the lock either.
        var completed = Interlocked.Exchange(ref _next, NewSource());
        completed.SetResult(outcome);
    }

    /// <summary>
    /// Called by the engine after it released its writer lock. One thread raises at a time, which keeps the
    /// order; a thread that finds another raising leaves its outcomes to that one and returns at once.
    /// </summary>
    internal void RaisePending()
    {
        while (!_unraised.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _raising, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (_unraised.TryDequeue(out var outcome))
                {
                    Reloaded?.Invoke(this, outcome);
                }
            }
            finally
            {
                // A full fence before the emptiness check above: an outcome queued by a thread that saw this one
                // still raising is picked up by the next turn of the loop.
                Interlocked.Exchange(ref _raising, 0);
            }
        }
    }

    private static TaskCompletionSource<ReloadOutcome> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
