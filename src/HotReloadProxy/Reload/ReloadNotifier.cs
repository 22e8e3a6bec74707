namespace HotReloadProxy.Reload;

/// <summary>
/// In-process change notification: an event and an awaitable "next outcome", for embedders and for tests
/// that wait on a reload instead of sleeping.
/// </summary>
public sealed class ReloadNotifier
{
    private TaskCompletionSource<ReloadOutcome> _next = NewSource();

    public event EventHandler<ReloadOutcome>? Reloaded;

    /// <summary>Completes with the next outcome published after this call. Take it before causing the change.</summary>
    public Task<ReloadOutcome> NextAsync() => Volatile.Read(ref _next).Task;

    internal void Publish(ReloadOutcome outcome)
    {
        var completed = Interlocked.Exchange(ref _next, NewSource());
        completed.SetResult(outcome);
        Reloaded?.Invoke(this, outcome);
    }

    private static TaskCompletionSource<ReloadOutcome> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
