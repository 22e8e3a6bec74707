using System.Collections.Concurrent;
using System.Diagnostics;

namespace HotReload.Testing.Load;

/// <summary>
/// Truly concurrent clients, each on its own connection, sending requests back to back and recording every
/// one (<see cref="RequestRecord"/>) until stopped. Start it, change the config, stop it, and give the
/// history to <see cref="HistoryChecker"/>. Which config served each response is read by a function the
/// test gives (<see cref="ServedVersionReader"/>; <see cref="ServedVersionReaders"/> has ready-made ones).
/// </summary>
public sealed class LoadRecorder : IAsyncDisposable
{

    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HttpClient> _clients;
    private readonly Task[] _loops;
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Target, TaskCompletionSource Reached)> _countWaiters = [];
    private readonly Lock _countGate = new();
    private readonly ServedVersionReader _read;
    private readonly HarnessTimeouts _timeouts;
    private int _count;
    private int _lowestWaitedCount = int.MaxValue;

    private LoadRecorder(Func<HttpClient> createClient, string path, ServedVersionReader read, int clients, HarnessTimeouts timeouts)
    {
        _read = read;
        _timeouts = timeouts;
        _clients = Enumerable.Range(0, clients).Select(_ => createClient()).ToList();
        _loops = _clients.Select((client, index) => Task.Run(() => RunClientAsync(index, client, path))).ToArray();
    }

    /// <summary>How many requests have been recorded so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Starts <paramref name="clients"/> loops, each with a client from <paramref name="createClient"/> (give each its
    /// own connection pool for real concurrency), requesting <paramref name="path"/> until <see cref="StopAsync"/>.
    /// </summary>
    /// <param name="createClient">Makes one client per loop, its base address set.</param>
    /// <param name="path">The path every request asks for.</param>
    /// <param name="read">Reads which config served a response.</param>
    /// <param name="clients">How many concurrent loops; 16 by default.</param>
    /// <param name="timeouts">How long <see cref="WaitForRequestsAsync"/> waits; <see cref="HarnessTimeouts.Default"/> when null.</param>
    /// <returns>The running recorder.</returns>
    public static LoadRecorder Start(Func<HttpClient> createClient, string path, ServedVersionReader read, int clients = 16, HarnessTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var recorder = new LoadRecorder(createClient, path, read, clients, timeouts ?? HarnessTimeouts.Default);

        // Every loop is created before any sends, so the first requests really are concurrent.
        recorder._go.SetResult();
        return recorder;
    }

    /// <summary>The clock the records use; take it to mark a moment such as "the file is quiet now".</summary>
    /// <returns>A <see cref="Stopwatch"/> timestamp.</returns>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>
    /// Waits until at least <paramref name="additional"/> more requests have been recorded (load is flowing); gives up
    /// after <see cref="HarnessTimeouts.Load"/> with a <see cref="TimeoutException"/>.
    /// </summary>
    /// <param name="additional">How many more requests to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the count is reached.</returns>
    public async Task WaitForRequestsAsync(int additional, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_countGate)
        {
            var target = Count + additional;
            _countWaiters.Add((target, reached));
            _lowestWaitedCount = Math.Min(_lowestWaitedCount, target);
        }

        OnCountChanged(Count);
        var limit = _timeouts.Load;
        try
        {
            await reached.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Count} requests were recorded within {limit.TotalSeconds:0.#} s; the load is not flowing. Last: {_records.LastOrDefault()}");
        }
    }

    /// <summary>Stops every client after its current request and returns the whole history.</summary>
    /// <param name="cancellationToken">Stops waiting for the clients' last requests (the history is then not returned).</param>
    /// <returns>Every request recorded, in order of start.</returns>
    public async Task<IReadOnlyList<RequestRecord>> StopAsync(CancellationToken cancellationToken = default)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        return _records.OrderBy(r => r.StartTimestamp).ToList();
    }

    /// <summary>Stops the clients if still running and disposes them.</summary>
    /// <returns>A task that completes when the clients are disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task RunClientAsync(int clientIndex, HttpClient client, string path)
    {
        await _go.Task.ConfigureAwait(false);
        var sequence = 0;
        while (!_stop.IsCancellationRequested)
        {
            var record = await SendOneAsync(clientIndex, sequence++, client, path).ConfigureAwait(false);
            if (record is null)
            {
                return;
            }

            _records.Enqueue(record);
            OnRecorded();
        }
    }

    private async Task<RequestRecord?> SendOneAsync(int clientIndex, int sequence, HttpClient client, string path)
    {
        var start = Now();
        try
        {
            // Requests are not cancelled by Stop: an abandoned request would be recorded as a failure it is not.
            using var response = await client.GetAsync(path, CancellationToken.None).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            var end = Now();
            var served = _read(response, body);
            return new RequestRecord(clientIndex, sequence, start, end, (int)response.StatusCode,
                served.Generation, served.HeaderVersion, served.ContentVersion);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return _stop.IsCancellationRequested && e is TaskCanceledException
                ? null
                : new RequestRecord(clientIndex, sequence, start, Now(), 0, null, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void OnRecorded() => OnCountChanged(Interlocked.Increment(ref _count));

    private void OnCountChanged(int count)
    {
        if (count < Volatile.Read(ref _lowestWaitedCount))
        {
            return;
        }

        List<TaskCompletionSource> reached;
        lock (_countGate)
        {
            reached = _countWaiters.Where(w => w.Target <= count).Select(w => w.Reached).ToList();
            _countWaiters.RemoveAll(w => w.Target <= count);
            _lowestWaitedCount = _countWaiters.Count == 0 ? int.MaxValue : _countWaiters.Min(w => w.Target);
        }

        foreach (var waiter in reached)
        {
            waiter.SetResult();
        }
    }
}
