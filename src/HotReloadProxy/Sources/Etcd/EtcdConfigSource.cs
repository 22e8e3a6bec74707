using System.Text.Json;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Sources.Etcd;

/// <summary>
/// The whole config as the value of one etcd key (<c>--etcd</c>, <c>--etcd-key</c>). A watch loop keeps the
/// newest value in memory and tells the scheduler; the engine reads it like a file and runs the same
/// validate-then-swap as for any other source.
/// <para>
/// The loop owns its reconnects instead of trusting a client library to resume a watch (dotnet-etcd has had
/// watches go silent after a reconnect): each attempt opens a new channel and a new watch that starts right
/// after the last revision seen, so no update is skipped; if etcd has compacted that revision away, the
/// key is read again and the watch starts after that read. While etcd is unreachable the last good config
/// keeps serving and attempts back off (doubling, capped) on the injected clock.
/// </para>
/// </summary>
internal sealed class EtcdConfigSource : IConfigFileSource, IStatusSection, IDisposable
{
    private readonly EtcdSourceOptions _options;
    private readonly ReconnectBackoff _backoff;
    private readonly ReloadNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _revisionBySha = new(StringComparer.Ordinal);
    private readonly Queue<string> _shaOrder = new();
    private EtcdValue? _latest;
    private EtcdState _state = new();
    private Task? _loop;
    private int _endpointIndex;
    private int _disposed;

    public EtcdConfigSource(EtcdSourceOptions options, ReloadNotifier notifier, TimeProvider time, ILogger<EtcdConfigSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notifier);
        _options = options;
        _backoff = new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff);
        _notifier = notifier;
        _time = time;
        _logger = logger;
        Path = $"etcd:{options.Key}";
        _notifier.Reloaded += OnReloaded;
    }

    public string Path { get; }

    public EtcdState State => Volatile.Read(ref _state);

    public ConfigFileRead Read(long maxBytes)
    {
        var latest = Volatile.Read(ref _latest) ?? ReadAtStartup();
        if (latest is null)
        {
            return new ConfigFileRead.Unreadable(
                $"etcd is unreachable at {string.Join(", ", _options.Endpoints)} ({State.LastError}). Start etcd or fix --etcd; a running proxy keeps serving its last good config while etcd is away, but a starting one has none.");
        }

        return latest.Bytes switch
        {
            null => new ConfigFileRead.Missing(),
            { Length: var length } when length > maxBytes => new ConfigFileRead.TooLarge(length),
            var bytes => new ConfigFileRead.Content(bytes),
        };
    }

    public ConfigFileStamp Stamp() =>
        new(Path, Exists: true, IsDirectory: false, Volatile.Read(ref _latest)?.ModRevision ?? 0, default);

    /// <summary>Starts the watch loop; changes reach <paramref name="notify"/>.</summary>
    public void StartWatching(Action<ReloadReason> notify)
    {
        ArgumentNullException.ThrowIfNull(notify);
        _loop ??= Task.Run(() => WatchLoopAsync(notify, _stop.Token));
    }

    public void WriteStatus(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var state = State;
        writer.WriteStartObject("etcd");
        writer.WriteString("key", _options.Key);
        writer.WriteString("endpoints", string.Join(",", _options.Endpoints));
        writer.WriteBoolean("connected", state.Connected);
        writer.WriteString("endpoint", state.Endpoint);
        writer.WriteNumber("watchRevision", state.WatchRevision);
        writer.WriteNumber("latestModRevision", state.LatestModRevision);
        writer.WriteNumber("appliedModRevision", state.AppliedModRevision);
        writer.WriteNumber("reconnects", state.Reconnects);
        writer.WriteNumber("compactions", state.Compactions);
        writer.WriteString("lastError", state.LastError);
        writer.WriteEndObject();
    }

    /// <summary>Stops the watch; both the trigger owner and the container call this, so it runs once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _notifier.Reloaded -= OnReloaded;
        _stop.Cancel();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; anything else was already logged by it.
        }

        _stop.Dispose();
    }

    /// <summary>The first read, before anything serves: keep trying (with backoff) up to the startup timeout.</summary>
    private EtcdValue? ReadAtStartup()
    {
        var started = _time.GetTimestamp();
        var attempt = 0;
        while (true)
        {
            var channel = Channel(out var endpoint);
            try
            {
                var (value, revision) = RangeAsync(channel, CancellationToken.None).GetAwaiter().GetResult();
                Remember(value, revision, endpoint);
                return value;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                Update(s => s with { LastError = ex.Message });
                NextEndpoint();
                if (_time.GetElapsedTime(started) >= _options.StartupTimeout)
                {
                    return null;
                }

                Task.Delay(Backoff(attempt++), _time).GetAwaiter().GetResult();
            }
            finally
            {
                channel.Dispose();
            }
        }
    }

    private async Task WatchLoopAsync(Action<ReloadReason> notify, CancellationToken stop)
    {
        var attempt = 0;
        var relist = Volatile.Read(ref _latest) is null;
        while (!stop.IsCancellationRequested)
        {
            using var channel = Channel(out var endpoint);
            try
            {
                if (relist)
                {
                    var (value, revision) = await RangeAsync(channel, stop).ConfigureAwait(false);
                    relist = false;
                    if (Remember(value, revision, endpoint))
                    {
                        notify(Trigger(value.ModRevision));
                    }
                }

                relist = await WatchAsync(channel, endpoint, notify, () => attempt = 0, stop).ConfigureAwait(false);
                if (relist)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                var delay = Backoff(attempt++);
                var wasConnected = State.Connected;
                Update(s => s with { Connected = false, LastError = ex.Message, Reconnects = s.Reconnects + 1 });
                if (wasConnected || attempt == 1)
                {
                    SourcesLog.EtcdUnreachable(_logger, endpoint, ex.Message, delay.TotalMilliseconds);
                }

                NextEndpoint();
                try
                {
                    await Task.Delay(delay, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One watch stream, from the revision after the last one seen. Returns true when etcd compacted that revision (read the key again).</summary>
    private async Task<bool> WatchAsync(GrpcChannel channel, string endpoint, Action<ReloadReason> notify, Action connected, CancellationToken stop)
    {
        var from = State.WatchRevision + 1;
        using var call = new Watch.WatchClient(channel).Watch(cancellationToken: stop);
        await call.RequestStream.WriteAsync(new WatchRequest
        {
            CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(_options.Key), StartRevision = from },
        }, stop).ConfigureAwait(false);

        while (await call.ResponseStream.MoveNext(stop).ConfigureAwait(false))
        {
            var response = call.ResponseStream.Current;
            if (response.CompactRevision > 0)
            {
                SourcesLog.EtcdCompacted(_logger, _options.Key, from, response.CompactRevision);
                Update(s => s with { Compactions = s.Compactions + 1 });
                return true;
            }

            if (response.Created)
            {
                connected();
                Update(s => s with { Connected = true, Endpoint = endpoint, LastError = null });
                SourcesLog.EtcdWatching(_logger, _options.Key, endpoint, from);
            }

            if (response.Canceled)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"etcd cancelled the watch: {response.CancelReason}"));
            }

            foreach (var change in response.Events)
            {
                var value = new EtcdValue(change.Type == Mvccpb.Event.Types.EventType.Put ? change.Kv.Value.ToByteArray() : null, change.Kv.ModRevision);
                if (Remember(value, change.Kv.ModRevision, endpoint))
                {
                    SourcesLog.EtcdValueSeen(_logger, _options.Key, value.ModRevision, value.Bytes is null ? "deleted" : "put");
                    notify(Trigger(value.ModRevision));
                }
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable, "etcd closed the watch stream"));
    }

    private async Task<(EtcdValue Value, long Revision)> RangeAsync(GrpcChannel channel, CancellationToken stop)
    {
        var response = await new KV.KVClient(channel).RangeAsync(
            new RangeRequest { Key = ByteString.CopyFromUtf8(_options.Key) },
            deadline: DateTime.UtcNow + _options.RequestTimeout, cancellationToken: stop).ConfigureAwait(false);
        var kv = response.Kvs.Count > 0 ? response.Kvs[0] : null;
        return (new EtcdValue(kv?.Value.ToByteArray(), kv?.ModRevision ?? 0), response.Header.Revision);
    }

    /// <summary>Keeps <paramref name="value"/> if it is newer than what we have; the watch resumes after <paramref name="seenRevision"/>.</summary>
    private bool Remember(EtcdValue value, long seenRevision, string endpoint)
    {
        lock (_gate)
        {
            var current = _latest;
            Update(s => s with { WatchRevision = Math.Max(s.WatchRevision, seenRevision), Endpoint = endpoint });
            if (current is not null && value.ModRevision <= current.ModRevision && !(current.ModRevision == 0 && value.ModRevision == 0 && current.Bytes is null))
            {
                return false;
            }

            if (value.Bytes is not null)
            {
                var sha = ConfigCheck.HashOf(value.Bytes);
                if (_revisionBySha.TryAdd(sha, value.ModRevision))
                {
                    _shaOrder.Enqueue(sha);
                    while (_shaOrder.Count > 256)
                    {
                        _revisionBySha.Remove(_shaOrder.Dequeue());
                    }
                }
                else
                {
                    _revisionBySha[sha] = value.ModRevision;
                }
            }

            Volatile.Write(ref _latest, value);
            Update(s => s with { LatestModRevision = value.ModRevision });
            return true;
        }
    }

    private void OnReloaded(object? sender, ReloadOutcome outcome)
    {
        long revision;
        lock (_gate)
        {
            revision = outcome.Sha256 is { } sha && _revisionBySha.TryGetValue(sha, out var found) ? found : Volatile.Read(ref _latest)?.ModRevision ?? 0;
        }

        var shortSha = outcome.Sha256 is { Length: > 8 } s ? s[..8] : outcome.Sha256 ?? "-";
        switch (outcome.Result)
        {
            case ReloadResult.Applied:
                Update(st => st with { AppliedModRevision = revision });
                SourcesLog.EtcdRevisionApplied(_logger, _options.Key, revision, outcome.Generation, shortSha);
                break;
            case ReloadResult.Rejected:
                SourcesLog.EtcdRevisionRejected(_logger, _options.Key, revision, outcome.Generation, State.AppliedModRevision);
                break;
        }
    }

    private GrpcChannel Channel(out string endpoint)
    {
        var uri = _options.Endpoints[Volatile.Read(ref _endpointIndex) % _options.Endpoints.Count];
        endpoint = uri.ToString().TrimEnd('/');
        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectTimeout = _options.RequestTimeout,

                // A peer that vanished without closing the connection (a paused VM, a cut network) is noticed by
                // the pings going unanswered, not by waiting for a change that never comes.
                KeepAlivePingDelay = _options.KeepAlive,
                KeepAlivePingTimeout = _options.KeepAlive / 2,
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            },
            DisposeHttpClient = true,
        });
    }

    private void NextEndpoint() => Interlocked.Increment(ref _endpointIndex);

    private TimeSpan Backoff(int attempt)
    {
#pragma warning disable CA5394 // Jitter, not security-relevant randomness.
        return _backoff.Delay(attempt, Random.Shared.NextDouble());
#pragma warning restore CA5394
    }

    private static bool IsTransient(Exception ex) => ex is RpcException or HttpRequestException or IOException or TimeoutException or InvalidOperationException;

    // A put replaces the whole value at once and the pass reads the value already received: there is no write in
    // progress to wait out, so the scheduler's quiet window would only delay it.
    private static ReloadReason Trigger(long modRevision) =>
        new(ReloadReasonKind.FileEvent, $"etcd mod_revision {modRevision}") { Urgency = ReloadUrgency.Immediate };

    private void Update(Func<EtcdState, EtcdState> change)
    {
        lock (_gate)
        {
            Volatile.Write(ref _state, change(_state));
        }
    }
}
