using System.Diagnostics;

namespace HotReload.Testing.Observing;

/// <summary>
/// An <see cref="IReloadObserver{TStatus}"/> for a service that only shows its state when asked (a status
/// endpoint, a metric scrape, a file it writes): it reads the state repeatedly, a short interval apart, until
/// the state satisfies the predicate. Every read it compares happens after the mark.
/// </summary>
/// <typeparam name="TStatus">What one read of the state returns.</typeparam>
public sealed class PollingReloadObserver<TStatus> : IReloadObserver<TStatus>
{
    private readonly Func<CancellationToken, Task<TStatus>> _read;
    private long _reads;

    /// <summary>Creates an observer that reads the state with <paramref name="read"/>.</summary>
    /// <param name="read">Reads the service's state once.</param>
    /// <param name="interval">Spacing between reads; 20 ms when null.</param>
    /// <param name="timeouts">How long a wait lasts; <see cref="HarnessTimeouts.Default"/> when null.</param>
    public PollingReloadObserver(Func<CancellationToken, Task<TStatus>> read, TimeSpan? interval = null, HarnessTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        _read = read;
        Interval = interval ?? TimeSpan.FromMilliseconds(20);
        Timeouts = timeouts ?? HarnessTimeouts.Default;
    }

    /// <summary>The spacing between two reads.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The timeouts this observer waits with.</summary>
    public HarnessTimeouts Timeouts { get; }

    /// <summary>
    /// An observer over an HTTP status endpoint: GET <paramref name="path"/> with <paramref name="client"/> and turn
    /// the body into a status with <paramref name="parse"/>.
    /// </summary>
    /// <param name="client">A client for the service (its base address set).</param>
    /// <param name="path">The status endpoint, e.g. <c>/status</c>.</param>
    /// <param name="parse">Turns the response body into a status.</param>
    /// <param name="interval">Spacing between reads; 20 ms when null.</param>
    /// <param name="timeouts">How long a wait lasts; <see cref="HarnessTimeouts.Default"/> when null.</param>
    /// <returns>The observer.</returns>
    public static PollingReloadObserver<TStatus> ForHttpEndpoint(HttpClient client, string path, Func<string, TStatus> parse, TimeSpan? interval = null, HarnessTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(parse);
        return new PollingReloadObserver<TStatus>(async cancellationToken => parse(await client.GetStringAsync(path, cancellationToken).ConfigureAwait(false)), interval, timeouts);
    }

    /// <inheritdoc/>
    public ReloadMark Mark() => new(this, Interlocked.Read(ref _reads));

    /// <inheritdoc/>
    public async Task<TStatus> WaitAsync(ReloadMark mark, Func<TStatus, bool> predicate, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(predicate);
        mark.EnsureIssuedBy(this);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeouts.Reload);
        var elapsed = Stopwatch.StartNew();
        var last = "(not read)";
        try
        {
            while (true)
            {
                var status = await _read(timeout.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _reads);
                if (predicate(status))
                {
                    return status;
                }

                last = status?.ToString() ?? "(null)";

                // Spacing between reads of the service's state, not a wait for the reload itself.
                await Task.Delay(Interval, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {elapsed.Elapsed.TotalSeconds:0.#} s waiting for {description}. Last status: {last}.");
        }
    }
}
