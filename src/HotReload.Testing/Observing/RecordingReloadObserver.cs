namespace HotReload.Testing.Observing;

/// <summary>
/// An <see cref="IReloadObserver{TOutcome}"/> over outcomes the service pushes: call <see cref="Record"/> from
/// the service's event, log callback or metric listener, and tests wait on the recorded stream. Every outcome
/// is kept, so a wait from a mark also sees outcomes recorded before the wait began but after the mark.
/// </summary>
/// <typeparam name="TOutcome">What one reload reports.</typeparam>
public sealed class RecordingReloadObserver<TOutcome> : IReloadObserver<TOutcome>
{
    private readonly List<TOutcome> _outcomes = [];
    private readonly Lock _gate = new();
    private readonly Func<TOutcome, string> _describe;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates an empty observer.</summary>
    /// <param name="timeouts">How long a wait lasts; <see cref="HarnessTimeouts.Default"/> when null.</param>
    /// <param name="describe">How an outcome reads in a timeout message; <see cref="object.ToString"/> when null.</param>
    public RecordingReloadObserver(HarnessTimeouts? timeouts = null, Func<TOutcome, string>? describe = null)
    {
        Timeouts = timeouts ?? HarnessTimeouts.Default;
        _describe = describe ?? (o => o?.ToString() ?? "(null)");
    }

    /// <summary>The timeouts this observer waits with.</summary>
    public HarnessTimeouts Timeouts { get; }

    /// <summary>Every outcome recorded so far, oldest first.</summary>
    public IReadOnlyList<TOutcome> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return _outcomes.ToList();
            }
        }
    }

    /// <summary>Adds an outcome and wakes every waiter.</summary>
    /// <param name="outcome">What the service reported.</param>
    public void Record(TOutcome outcome)
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

    /// <inheritdoc/>
    public ReloadMark Mark()
    {
        lock (_gate)
        {
            return new ReloadMark(this, _outcomes.Count);
        }
    }

    /// <summary>The outcomes recorded after <paramref name="mark"/>, oldest first.</summary>
    /// <param name="mark">A mark from this observer.</param>
    /// <returns>The outcomes since the mark.</returns>
    public IReadOnlyList<TOutcome> Since(ReloadMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        mark.EnsureIssuedBy(this);
        lock (_gate)
        {
            return _outcomes.Skip((int)mark.Position).ToList();
        }
    }

    /// <inheritdoc/>
    public async Task<TOutcome> WaitAsync(ReloadMark mark, Func<TOutcome, bool> predicate, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(predicate);
        mark.EnsureIssuedBy(this);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeouts.Reload);
        var next = (int)mark.Position;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; next < _outcomes.Count; next++)
                {
                    if (predicate(_outcomes[next]))
                    {
                        return _outcomes[next];
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var seen = Since(mark);
                var text = seen.Count == 0 ? "none" : string.Join("; ", seen.Select(_describe));
                throw new TimeoutException($"Timed out after {Timeouts.Reload.TotalSeconds:0.#} s waiting for {description}. Outcomes since the mark: {text}.");
            }
        }
    }
}
