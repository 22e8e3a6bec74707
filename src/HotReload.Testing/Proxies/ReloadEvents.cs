using HotReloadProxy.Reload;

namespace HotReload.Testing.Proxies;

/// <summary>
/// Records every reload outcome a proxy publishes, from the moment it is created, so a test can wait for
/// "the outcome after my edit" without racing and without sleeping: take <see cref="Mark"/> before the
/// edit, then wait for an outcome after that mark.
/// </summary>
public sealed class ReloadEvents : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly ReloadNotifier _notifier;
    private readonly Func<long> _currentGeneration;
    private readonly List<ReloadOutcome> _outcomes = [];
    private readonly Lock _gate = new();
    private readonly long _generationAtStart;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReloadEvents(ReloadNotifier notifier, Func<long> currentGeneration)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        _notifier = notifier;
        _currentGeneration = currentGeneration;
        _notifier.Reloaded += OnReloaded;
        _generationAtStart = currentGeneration();
    }

    public IReadOnlyList<ReloadOutcome> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return _outcomes.ToList();
            }
        }
    }

    /// <summary>Every generation that has served: the one serving when recording began and each one applied since.</summary>
    public IReadOnlySet<long> ServedGenerations()
    {
        lock (_gate)
        {
            var generations = _outcomes.Where(o => o.Result == ReloadResult.Applied).Select(o => o.Generation).ToHashSet();
            if (_generationAtStart > 0)
            {
                generations.Add(_generationAtStart);
            }

            return generations;
        }
    }

    /// <summary>A position in the outcome stream; outcomes published later have an index at or above it.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _outcomes.Count;
        }
    }

    public async Task<ReloadOutcome> WaitForAsync(Func<ReloadOutcome, bool> predicate, string what, int since = 0, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? DefaultTimeout;
        using var cancellation = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = since; i < _outcomes.Count; i++)
                {
                    if (predicate(_outcomes[i]))
                    {
                        return _outcomes[i];
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}. Outcomes since the mark: {Describe(since)}.");
            }
        }
    }

    /// <summary>Waits until generation <paramref name="generation"/> (or a later one) is serving.</summary>
    public async Task WaitForGenerationAsync(long generation, TimeSpan? timeout = null)
    {
        if (_currentGeneration() >= generation)
        {
            return;
        }

        await WaitForAsync(o => o.Result == ReloadResult.Applied && o.Generation >= generation, $"generation {generation} to be applied", 0, timeout).ConfigureAwait(false);
    }

    public Task<ReloadOutcome> WaitForAppliedAsync(int since, TimeSpan? timeout = null) =>
        WaitForAsync(o => o.Result == ReloadResult.Applied, "an applied reload", since, timeout);

    public Task<ReloadOutcome> WaitForRejectedAsync(int since, RejectionReason? reason = null, TimeSpan? timeout = null) =>
        WaitForAsync(o => o.Result == ReloadResult.Rejected && (reason is null || o.Reason == reason), $"a rejected reload{(reason is null ? "" : $" ({reason})")}", since, timeout);

    /// <summary>
    /// Waits until exactly this content has been applied (matched by its SHA-256): the way to wait for "my last
    /// write" when earlier writes may or may not have been applied on their own.
    /// </summary>
    public Task<ReloadOutcome> WaitForAppliedContentAsync(string content, string what, int since, TimeSpan? timeout = null)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        return WaitForAsync(o => o.Result == ReloadResult.Applied && string.Equals(o.Sha256, sha256, StringComparison.OrdinalIgnoreCase), what, since, timeout);
    }

    public Task<ReloadOutcome> WaitForUnchangedAsync(int since, TimeSpan? timeout = null) =>
        WaitForAsync(o => o.Result == ReloadResult.Unchanged, "an unchanged outcome", since, timeout);

    public void Dispose() => _notifier.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, ReloadOutcome outcome)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _outcomes.Add(outcome);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    private string Describe(int since)
    {
        lock (_gate)
        {
            var seen = _outcomes.Skip(since).Select(o => $"{o.ResultName} gen {o.Generation} ({o.ReloadReason}{(o.Reason == RejectionReason.None ? "" : ", " + o.Reason)})").ToList();
            return seen.Count == 0 ? "none" : string.Join("; ", seen);
        }
    }
}
