using System.Collections.Concurrent;
using System.Diagnostics;
using HotReload.Testing.Configs;
using HotReload.Testing.Upstreams;

namespace HotReload.Testing.Load;

/// <summary>
/// Truly concurrent clients, each on its own connection, sending requests back to back and recording every
/// one (<see cref="RequestRecord"/>) until stopped. Start it, change the config, stop it, and give the
/// history to <see cref="HistoryChecker"/>.
/// </summary>
public sealed class LoadRecorder : IAsyncDisposable
{
    public const string GenerationHeader = "X-Config-Generation";

    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HttpClient> _clients;
    private readonly Task[] _loops;
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Target, TaskCompletionSource Reached)> _countWaiters = [];
    private readonly Lock _countGate = new();
    private int _count;
    private int _lowestWaitedCount = int.MaxValue;

    private LoadRecorder(Func<HttpClient> createClient, string path, int clients)
    {
        _clients = Enumerable.Range(0, clients).Select(_ => createClient()).ToList();
        _loops = _clients.Select((client, index) => Task.Run(() => RunClientAsync(index, client, path))).ToArray();
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Starts <paramref name="clients"/> loops, each with a client from <paramref name="createClient"/> (give each its
    /// own connection pool for real concurrency), requesting <paramref name="path"/> until <see cref="StopAsync"/>.
    /// </summary>
    public static LoadRecorder Start(Func<HttpClient> createClient, string path, int clients = 16)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var recorder = new LoadRecorder(createClient, path, clients);

        // Every loop is created before any sends, so the first requests really are concurrent.
        recorder._go.SetResult();
        return recorder;
    }

    /// <summary>The clock the records use; take it to mark a moment such as "the file is quiet now".</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Waits until at least <paramref name="additional"/> more requests have been recorded (load is flowing).</summary>
    public async Task WaitForRequestsAsync(int additional, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_countGate)
        {
            var target = Count + additional;
            _countWaiters.Add((target, reached));
            _lowestWaitedCount = Math.Min(_lowestWaitedCount, target);
        }

        OnCountChanged(Count);
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        try
        {
            await reached.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Count} requests were recorded within {limit.TotalSeconds:0.#} s; the load is not flowing. Last: {_records.LastOrDefault()}");
        }
    }

    /// <summary>Stops every client after its current request and returns the whole history.</summary>
    public async Task<IReadOnlyList<RequestRecord>> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        return _records.OrderBy(r => r.StartTimestamp).ToList();
    }

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
            return new RequestRecord(clientIndex, sequence, start, end, (int)response.StatusCode,
                ReadGeneration(response), ReadHeader(response, TestConfigs.VersionHeader), ReadContentVersion(response, body));
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

    private static long? ReadGeneration(HttpResponseMessage response) =>
        long.TryParse(ReadHeader(response, GenerationHeader), System.Globalization.CultureInfo.InvariantCulture, out var generation) ? generation : null;

    private static string? ReadHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string? ReadContentVersion(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                return EchoResponse.Parse(body).Header(TestConfigs.VersionHeader);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return body.Trim();
    }
}
