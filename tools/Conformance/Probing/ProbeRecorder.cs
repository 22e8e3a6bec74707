using System.Globalization;
using System.Net;
using HotReload.Testing;
using HotReload.Testing.Load;

namespace HotReload.Conformance.Probing;

/// <summary>
/// The harness's <see cref="LoadRecorder"/> pointed at a black-box proxy. Such a proxy has no generation header,
/// so the version the runner wrote (an increasing integer) is the generation: the response header states it,
/// the upstream's echo of the forwarded header states it again. Also tracks the newest version served whole, so
/// a step can wait for "the new version is being served".
/// </summary>
internal sealed class ProbeRecorder : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly LoadRecorder _recorder;
    private long _highestVersion;

    public ProbeRecorder(Uri url, int clients, string versionHeader)
    {
        var echo = ServedVersionReaders.HeadersAndEcho("X-Conformance-No-Generation", versionHeader);
        _recorder = LoadRecorder.Start(
            () => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = url, Timeout = RequestTimeout },
            url.PathAndQuery,
            (response, body) =>
            {
                var served = echo(response, body);
                var version = Ordinal(served.HeaderVersion);
                if (response.StatusCode == HttpStatusCode.OK && version is { } v && served.HeaderVersion == served.ContentVersion)
                {
                    RaiseHighest(v);
                }

                return served with { Generation = version };
            },
            clients,
            new HarnessTimeouts { Load = TimeSpan.FromSeconds(15) });
    }

    public int Count => _recorder.Count;

    /// <summary>Waits until <paramref name="additional"/> more requests were recorded; false on timeout (load not flowing).</summary>
    public async Task<bool> WaitForRequestsAsync(int additional, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _recorder.WaitForRequestsAsync(additional, limit.Token);
            return true;
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
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

    public Task<IReadOnlyList<RequestRecord>> StopAsync() => _recorder.StopAsync();

    public ValueTask DisposeAsync() => _recorder.DisposeAsync();

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

    /// <summary>The runner writes plain integers; anything else has no place in the order.</summary>
    private static long? Ordinal(string? version) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
