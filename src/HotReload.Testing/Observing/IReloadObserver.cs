namespace HotReload.Testing.Observing;

/// <summary>
/// Tells a test when the service under test has reloaded, over the service's own signal: an event, a log
/// line, a status endpoint, a metric. Take <see cref="Mark"/> before the change, then
/// <see cref="WaitAsync"/> for the outcome that follows it: no sleeps, no races with earlier outcomes.
/// </summary>
/// <typeparam name="TOutcome">What the service reports about a reload (an outcome record, a status document, a version string).</typeparam>
public interface IReloadObserver<TOutcome>
{
    /// <summary>A position before the change a test is about to make.</summary>
    /// <returns>The mark to wait from.</returns>
    ReloadMark Mark();

    /// <summary>
    /// Waits for the first outcome after <paramref name="mark"/> that satisfies <paramref name="predicate"/>.
    /// Gives up after the observer's own timeout (see <see cref="HarnessTimeouts.Reload"/>) with a
    /// <see cref="TimeoutException"/> that names <paramref name="description"/> and what was seen instead.
    /// </summary>
    /// <param name="mark">Taken from this observer before the change.</param>
    /// <param name="predicate">The outcome the test expects.</param>
    /// <param name="description">What is awaited, for the timeout message (e.g. "version v2 applied").</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching outcome.</returns>
    Task<TOutcome> WaitAsync(ReloadMark mark, Func<TOutcome, bool> predicate, string description, CancellationToken cancellationToken = default);
}
