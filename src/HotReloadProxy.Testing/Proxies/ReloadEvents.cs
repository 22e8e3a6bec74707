using HotReload.Testing;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// The proxy's <see cref="IReloadObserver{TOutcome}"/>: records every outcome its <see cref="ReloadNotifier"/>
/// publishes, from the moment it is created, so a test can wait for "the outcome after my edit" without racing
/// and without sleeping: take <see cref="Mark"/> before the edit, then wait for an outcome after that mark.
/// </summary>
public sealed class ReloadEvents : IReloadObserver<ReloadOutcome>, IDisposable
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

    /// <inheritdoc/>
    public Task<ReloadOutcome> WaitAsync(ReloadMark mark, Func<ReloadOutcome, bool> predicate, string description, CancellationToken cancellationToken = default) =>
        _recorded.WaitAsync(mark, predicate, description, cancellationToken);

    /// <summary>Waits for the first outcome after <paramref name="since"/> that satisfies <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The outcome expected.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="since">Taken with <see cref="Mark"/> before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<ReloadOutcome> WaitForAsync(Func<ReloadOutcome, bool> predicate, string what, ReloadMark since, CancellationToken cancellationToken = default) =>
        _recorded.WaitAsync(since, predicate, what, cancellationToken);

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

    /// <summary>Waits for an applied reload after <paramref name="since"/>.</summary>
    /// <param name="since">Taken with <see cref="Mark"/> before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<ReloadOutcome> WaitForAppliedAsync(ReloadMark since, CancellationToken cancellationToken = default) =>
        WaitForAsync(o => o.Result == ReloadResult.Applied, "an applied reload", since, cancellationToken);

    /// <summary>Waits for a rejected reload after <paramref name="since"/>, of the given reason when one is given.</summary>
    /// <param name="since">Taken with <see cref="Mark"/> before the change.</param>
    /// <param name="reason">The rejection reason expected, or null for any.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<ReloadOutcome> WaitForRejectedAsync(ReloadMark since, RejectionReason? reason = null, CancellationToken cancellationToken = default) =>
        WaitForAsync(o => o.Result == ReloadResult.Rejected && (reason is null || o.Reason == reason), $"a rejected reload{(reason is null ? "" : $" ({reason})")}", since, cancellationToken);

    /// <summary>
    /// Waits until exactly this content has been applied (matched by its SHA-256): the way to wait for "my last
    /// write" when earlier writes may or may not have been applied on their own.
    /// </summary>
    /// <param name="content">The file content expected to serve.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="since">Taken with <see cref="Mark"/> before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<ReloadOutcome> WaitForAppliedContentAsync(string content, string what, ReloadMark since, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));
        return WaitForAsync(o => o.Result == ReloadResult.Applied && string.Equals(o.Sha256, sha256, StringComparison.OrdinalIgnoreCase), what, since, cancellationToken);
    }

    /// <summary>Waits for an unchanged outcome (a re-read that found the same bytes) after <paramref name="since"/>.</summary>
    /// <param name="since">Taken with <see cref="Mark"/> before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<ReloadOutcome> WaitForUnchangedAsync(ReloadMark since, CancellationToken cancellationToken = default) =>
        WaitForAsync(o => o.Result == ReloadResult.Unchanged, "an unchanged outcome", since, cancellationToken);

    /// <summary>Stops recording.</summary>
    public void Dispose() => _notifier.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, ReloadOutcome outcome) => _recorded.Record(outcome);

    private static string Describe(ReloadOutcome o) =>
        $"{o.ResultName} gen {o.Generation} ({o.Trigger}{(o.Reason == RejectionReason.None ? "" : ", " + o.Reason)})";
}
