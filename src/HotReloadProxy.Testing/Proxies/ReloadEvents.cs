using HotReload.Testing;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// An in-process proxy's <see cref="IReloadObserver{TOutcome}"/>: records every outcome its <see cref="ReloadNotifier"/>
/// publishes, from the moment it is created, so a test can wait for "the outcome after my edit" without racing
/// and without sleeping: take <see cref="Mark"/> before the edit, then wait for an outcome after that mark (the
/// waits of <see cref="ReloadOutcomeWaits"/>). Unlike a process's <see cref="StatusReloadObserver"/>, it misses none.
/// </summary>
internal sealed class ReloadEvents : IReloadObserver<ReloadOutcome>, IDisposable
{
    private readonly ReloadNotifier _notifier;
    private readonly Func<long> _currentGeneration;
    private readonly RecordingReloadObserver<ReloadOutcome> _recorded;
    private readonly long _generationAtStart;

    /// <summary>Starts recording the outcomes <paramref name="notifier"/> publishes.</summary>
    /// <param name="notifier">The proxy's notifier.</param>
    /// <param name="currentGeneration">Reads the generation serving now.</param>
    /// <param name="timeouts">How long a wait lasts; <see cref="HarnessTimeouts.Default"/> when null.</param>
    public ReloadEvents(ReloadNotifier notifier, Func<long> currentGeneration, HarnessTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(currentGeneration);
        _notifier = notifier;
        _currentGeneration = currentGeneration;
        _recorded = new RecordingReloadObserver<ReloadOutcome>(timeouts, Describe);
        _notifier.Reloaded += OnReloaded;
        _generationAtStart = currentGeneration();
    }

    /// <summary>Every outcome since recording began, oldest first.</summary>
    public IReadOnlyList<ReloadOutcome> Outcomes => _recorded.Outcomes;

    /// <summary>The outcomes published after <paramref name="mark"/>, oldest first.</summary>
    /// <param name="mark">Taken with <see cref="Mark"/>.</param>
    /// <returns>The outcomes since the mark.</returns>
    public IReadOnlyList<ReloadOutcome> Since(ReloadMark mark) => _recorded.Since(mark);

    /// <summary>Every generation that has served: the one serving when recording began and each one applied since.</summary>
    /// <returns>The generations.</returns>
    public IReadOnlySet<long> ServedGenerations()
    {
        var generations = _recorded.Outcomes.Where(o => o.Result == ReloadResult.Applied).Select(o => o.Generation).ToHashSet();
        if (_generationAtStart > 0)
        {
            generations.Add(_generationAtStart);
        }

        return generations;
    }

    /// <inheritdoc/>
    public ReloadMark Mark() => _recorded.Mark();

    /// <summary>Drops the outcomes recorded before <paramref name="mark"/> (see <see cref="RecordingReloadObserver{TOutcome}.Forget"/>).</summary>
    public void Forget(ReloadMark mark) => _recorded.Forget(mark);

    /// <inheritdoc/>
    public Task<ReloadOutcome> WaitAsync(ReloadMark mark, Func<ReloadOutcome, bool> predicate, string description, CancellationToken cancellationToken = default) =>
        _recorded.WaitAsync(mark, predicate, description, cancellationToken);

    /// <summary>Waits until generation <paramref name="generation"/> (or a later one) is serving.</summary>
    /// <param name="generation">The generation expected.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the generation serves.</returns>
    public async Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken = default)
    {
        // Outcomes are kept from the start, so waiting from the first one cannot miss the generation.
        var start = new ReloadMark(_recorded, 0);
        if (_currentGeneration() >= generation)
        {
            return;
        }

        await _recorded.WaitAsync(start, o => o.Result == ReloadResult.Applied && o.Generation >= generation, $"generation {generation} to be applied", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops recording.</summary>
    public void Dispose() => _notifier.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, ReloadOutcome outcome) => _recorded.Record(outcome);

    private static string Describe(ReloadOutcome o) =>
        $"{o.ResultName} gen {o.Generation} ({o.ReloadReason}{(o.Reason == RejectionReason.None ? "" : ", " + o.Reason)})";
}
