namespace HotReload.Testing.Observing;

/// <summary>
/// An <see cref="IReloadObserver{TOutcome}"/> over outcomes the service pushes: call <see cref="Record"/> from
/// the service's event, log callback or metric listener, and tests wait on the recorded stream. Every outcome
/// is kept until <see cref="Forget"/> drops the old ones, so a wait from a mark also sees outcomes recorded
/// before the wait began but after the mark.
/// </summary>
/// <typeparam name="TOutcome">What one reload reports.</typeparam>
public sealed class RecordingReloadObserver<TOutcome> : IReloadObserver<TOutcome>
{
    private readonly List<TOutcome> _outcomes = [];
    private readonly Lock _gate = new();
    private readonly Func<TOutcome, string> _describe;

    // How many outcomes Forget has dropped from the front: marks count from the first outcome ever recorded.
    private long _forgotten;
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

    /// <summary>Every outcome recorded so far and not forgotten, oldest first.</summary>
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
            return new ReloadMark(this, _forgotten + _outcomes.Count);
        }
    }

    /// <summary>
    /// Drops the outcomes recorded before <paramref name="mark"/>, so a long run (a soak, thousands of reloads)
    /// keeps only what it may still wait on. Marks stay valid: a wait or <see cref="Since"/> from a mark before
    /// the forgotten ones starts at the oldest outcome still kept.
    /// </summary>
    /// <param name="mark">A mark from this observer; outcomes after it are kept.</param>
    public void Forget(ReloadMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        mark.EnsureIssuedBy(this);
        lock (_gate)
        {
            var count = (int)Math.Clamp(mark.Position - _forgotten, 0, _outcomes.Count);
            _outcomes.RemoveRange(0, count);
            _forgotten += count;
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
            return _outcomes.Skip(IndexOf(mark.Position)).ToList();
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
        var next = mark.Position;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var index = IndexOf(next); index < _outcomes.Count; index++)
                {
                    if (predicate(_outcomes[index]))
                    {
                        return _outcomes[index];
                    }
                }

                // Checked up to here; the next pass starts after these even if some are forgotten meanwhile.
                next = _forgotten + _outcomes.Count;
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

    // Where a mark's position falls in the kept outcomes (under the lock): before the first kept one, if forgotten.
    private int IndexOf(long position) => (int)Math.Max(0, position - _forgotten);
}
