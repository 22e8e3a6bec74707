using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using HotReload.Testing.Load;
using HotReload.Testing.Upstreams;

namespace HotReload.Conformance.Probing;

/// <summary>
/// Concurrent clients, each on its own connection, requesting the probe path back to back and recording every
/// request. A black-box proxy has no generation header, so the version the runner wrote (an increasing integer)
/// is the generation: the response header gives it, the upstream's echo of the forwarded header gives it again.
/// </summary>
internal sealed class ProbeRecorder : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HttpClient> _clients;
    private readonly Task[] _loops;
    private readonly string _versionHeader;
    private long _highestVersion;
    private int _count;

    public ProbeRecorder(Uri url, int clients, string versionHeader)
    {
        _versionHeader = versionHeader;
        _clients = Enumerable.Range(0, clients).Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = RequestTimeout,
        }).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loops = _clients.Select((client, index) => Task.Run(async () =>
        {
            await go.Task;
            await RunAsync(index, client, url);
        })).ToArray();
        go.SetResult();
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until <paramref name="additional"/> more requests were recorded; false on timeout (load not flowing).</summary>
    public async Task<bool> WaitForRequestsAsync(int additional, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = Count + additional;
        var deadline = Clock.Now() + Clock.Ticks(timeout);
        while (Count < target)
        {
            if (Clock.Now() > deadline)
            {
                return false;
            }

            await Task.Delay(5, cancellationToken);
        }

        return true;
    }

    /// <summary>Waits until a response of <paramref name="version"/> or newer has ended; returns when, or null on timeout.</summary>
    public async Task<long?> WaitForVersionAsync(long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Clock.Now() + Clock.Ticks(timeout);
        while (Interlocked.Read(ref _highestVersion) < version)
        {
            if (Clock.Now() > deadline)
            {
                return null;
            }

            await Task.Delay(2, cancellationToken);
        }

        return Clock.Now();
    }

    public async Task<IReadOnlyList<RequestRecord>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        return _records.OrderBy(r => r.StartTimestamp).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(int clientIndex, HttpClient client, Uri url)
    {
        var sequence = 0;
        while (!_stop.IsCancellationRequested)
        {
            var record = await SendOneAsync(clientIndex, sequence++, client, url);
            _records.Enqueue(record);
            Interlocked.Increment(ref _count);
            if (record.Completed && record.Status == 200 && record.Generation is { } version && record.HeaderVersion == record.ContentVersion)
            {
                RaiseHighest(version);
            }
        }
    }

    private void RaiseHighest(long version)
    {
        var seen = Interlocked.Read(ref _highestVersion);
        while (version > seen)
        {
            var was = Interlocked.CompareExchange(ref _highestVersion, version, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    private async Task<RequestRecord> SendOneAsync(int clientIndex, int sequence, HttpClient client, Uri url)
    {
        var start = Clock.Now();
        try
        {
            // Not cancelled by Stop: an abandoned request would be recorded as a failure it is not.
            using var response = await client.GetAsync(url, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var end = Clock.Now();
            var headerVersion = response.Headers.TryGetValues(_versionHeader, out var values) ? string.Join(",", values) : null;
            var contentVersion = ContentVersion(response, body);
            return new RequestRecord(clientIndex, sequence, start, end, (int)response.StatusCode, Ordinal(headerVersion), headerVersion, contentVersion);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return new RequestRecord(clientIndex, sequence, start, Clock.Now(), 0, null, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private string? ContentVersion(HttpResponseMessage response, string body)
    {
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        try
        {
            return EchoResponse.Parse(body).Header(_versionHeader);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The runner writes plain integers; anything else has no place in the order.</summary>
    private static long? Ordinal(string? version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
