using System.Runtime.CompilerServices;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Draining.WebSockets;
using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Draining;

/// <summary>
/// The drain bound. After each applied reload it finds, in every older snapshot that still has requests,
/// the routes the reload changed or removed (the route, its cluster or the cluster's destinations differ
/// from the serving snapshot) and schedules their cut-off on the injected <see cref="TimeProvider"/>;
/// when the bound expires, every request still running on such a route is ended. Routes that are unchanged
/// are never scheduled, however old the snapshot their requests hold. A WebSocket is ended with a close frame
/// (1001, going away) at a frame boundary; anything else, or a WebSocket that cannot be closed that way within
/// <see cref="DrainOptions.WebSocketCloseGrace"/>, is ended abruptly (HTTP/2: stream reset; HTTP/1.1: connection abort).
/// </summary>
internal sealed class DrainBound : IDisposable
{
    private readonly SnapshotHolder _holder;
    private readonly ReloadNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ReloadMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _closeGrace;
    private readonly byte[] _closeFrame = WebSocketCloseFrame.Build(WebSocketCloseFrame.GoingAway, "route changed by a config reload");

    // Cut-offs waiting for their bound, kept referenced so no timer is collected early. Touched only by
    // reloads and timer callbacks, never by a request.
    private readonly HashSet<ITimer> _pending = [];
    private long _endedByBound;
    private bool _disposed;

    public DrainBound(DrainOptions options, SnapshotHolder holder, ReloadNotifier notifier, TimeProvider time, ReloadMetrics? metrics, ILogger<DrainBound> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notifier);
        Bound = options.Bound;
        _closeGrace = options.WebSocketCloseGrace;
        _holder = holder;
        _notifier = notifier;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        if (Bound is not null)
        {
            notifier.Reloaded += OnReloaded;
        }
    }

    /// <summary>Null when there is no bound: requests on old snapshots then run to their end.</summary>
    public TimeSpan? Bound { get; }

    /// <summary>Requests ended by the bound since the proxy started.</summary>
    public long EndedByBound => Interlocked.Read(ref _endedByBound);

    /// <summary>
    /// Registers a forwarded request on its route's cut-off signal; null (nothing to dispose, nothing
    /// allocated) when there is no bound.
    /// </summary>
    public TrackedRequest? Track(HttpContext context, CompiledRoute route, ConfigSnapshot snapshot) =>
        Bound is null ? null : new TrackedRequest(this, context, route, snapshot.Generation, _time.GetTimestamp(), _closeFrame);

    /// <summary>Requests still leased to generations older than the serving one, per generation, oldest first.</summary>
    public IReadOnlyList<(long Generation, int Requests)> LeasedToOlderGenerations()
    {
        var leased = new List<(long, int)>();
        var current = _holder.Current;
        foreach (var snapshot in _holder.Replaced)
        {
            var requests = snapshot.IsReleased || ReferenceEquals(snapshot, current) ? 0 : snapshot.ActiveLeases;
            if (requests > 0)
            {
                leased.Add((snapshot.Generation, requests));
            }
        }

        return leased;
    }

    public void Dispose()
    {
        _notifier.Reloaded -= OnReloaded;
        lock (_pending)
        {
            _disposed = true;
            foreach (var timer in _pending)
            {
                timer.Dispose();
            }

            _pending.Clear();
        }
    }

    /// <summary>Called once per request the bound ends, on the thread that fired the cut-off.</summary>
    internal void End(TrackedRequest request)
    {
        Interlocked.Increment(ref _endedByBound);
        _metrics?.RecordDrained();
        var context = request.Context;
        try
        {
            // Read before the abort: the upgrade headers tell a WebSocket from a streamed response.
            var kind = IsWebSocket(context) ? "WebSocket" : "request";
            var ran = _time.GetElapsedTime(request.StartedAt);
            Log.RequestEndedByDrainBound(_logger, kind, request.RouteId, request.Generation, ran.TotalMilliseconds, Bound!.Value.TotalMilliseconds);
        }
        finally
        {
            if (request.Tunnel?.Stream is { } socket)
            {
                CloseGoingAway(request, socket);
            }
            else
            {
                // Not a WebSocket, or one still in its handshake: there is no frame stream to close.
                request.EndAbruptly();
            }
        }
    }

    /// <summary>
    /// Sends the client a close frame (1001) at the next frame boundary. One grace covers both the wait for that
    /// boundary and the close handshake that follows (the client's reply goes to the upstream, whose own reply is
    /// dropped, and the tunnel ends when the upstream hangs up); past it, the request is ended abruptly.
    /// </summary>
    private void CloseGoingAway(TrackedRequest request, GoingAwayStream socket)
    {
        request.HoldCloseGrace(_time.CreateTimer(_ => CloseGraceExpired(request, socket), null, _closeGrace, Timeout.InfiniteTimeSpan));
        _ = WriteCloseFrameAsync(request, socket);
    }

    private async Task WriteCloseFrameAsync(TrackedRequest request, GoingAwayStream socket)
    {
        try
        {
            await socket.CloseGoingAwayAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever stopped the close frame, the fallback is the same: end the request abruptly.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (request.EndAbruptly())
            {
                Log.WebSocketCloseFailed(_logger, request.RouteId, e.Message);
            }
        }
    }

    private void CloseGraceExpired(TrackedRequest request, GoingAwayStream socket)
    {
        var closeWritten = socket.CloseWritten;
        if (request.EndAbruptly() && !closeWritten)
        {
            Log.WebSocketCloseFailed(_logger, request.RouteId, "the frame in progress did not end within the close grace");
        }
    }

    /// <summary>An HTTP/1.1 upgrade or an HTTP/2 extended CONNECT to websocket (the proxy has no WebSocket middleware to ask).</summary>
    private static bool IsWebSocket(HttpContext context) =>
        context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
            ? string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase)
            : context.Request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);

    private void OnReloaded(object? sender, ReloadOutcome outcome)
    {
        if (outcome.Result != ReloadResult.Applied || _holder.Current is not { } serving)
        {
            return;
        }

        var routes = new List<RouteDrain>();
        foreach (var older in _holder.Replaced)
        {
            // A replaced snapshot takes no new lease, so one without requests now never has any.
            if (ReferenceEquals(older, serving) || older.IsReleased || older.ActiveLeases == 0)
            {
                continue;
            }

            var affected = ChangedOrRemovedRoutes(older, serving);
            foreach (var entry in older.Routes.Entries)
            {
                if (affected.Contains(entry.Value.Id) && entry.Value.Drain.TrySchedule())
                {
                    routes.Add(entry.Value.Drain);
                }
            }
        }

        if (routes.Count > 0)
        {
            Log.DrainScheduled(_logger, serving.Generation, routes.Count, Bound!.Value.TotalMilliseconds);
            Schedule(routes);
        }
    }

    /// <summary>Routes of <paramref name="older"/> whose definition differs in <paramref name="serving"/>: gone, changed, or on a changed cluster.</summary>
    private static HashSet<string> ChangedOrRemovedRoutes(ConfigSnapshot older, ConfigSnapshot serving)
    {
        var diff = ConfigDiff.Compute(older.Config, serving.Config);
        var affected = new HashSet<string>(diff.RoutesRemoved, StringComparer.Ordinal);
        affected.UnionWith(diff.RoutesChanged.Select(r => r.Id));
        var clusters = new HashSet<string>(diff.ClustersRemoved, StringComparer.Ordinal);
        clusters.UnionWith(diff.ClustersChanged.Select(c => c.Key));
        if (clusters.Count > 0)
        {
            affected.UnionWith(older.Config.Routes.Where(r => r.Cluster is not null && clusters.Contains(r.Cluster)).Select(r => r.Id));
        }

        return affected;
    }

    private void Schedule(List<RouteDrain> routes)
    {
        var bound = Bound!.Value;
        if (bound <= TimeSpan.Zero)
        {
            CutOff(routes);
            return;
        }

        lock (_pending)
        {
            if (_disposed)
            {
                return;
            }

            // The callback may run before CreateTimer returns (a fake clock already past the bound), so it
            // finds its own timer through this box rather than through the return value.
            var box = new StrongBox<ITimer?>();
            var timer = _time.CreateTimer(_ => Fire(routes, box), null, bound, Timeout.InfiniteTimeSpan);
            box.Value = timer;
            _pending.Add(timer);
        }
    }

    private void Fire(List<RouteDrain> routes, StrongBox<ITimer?> box)
    {
        lock (_pending)
        {
            if (box.Value is { } timer)
            {
                _pending.Remove(timer);
                timer.Dispose();
            }
        }

        CutOff(routes);
    }

    private void CutOff(List<RouteDrain> routes)
    {
        foreach (var route in routes)
        {
            try
            {
                route.CutOff();
            }
            catch (AggregateException e)
            {
                Log.DrainCutOffFailed(_logger, e);
            }
        }
    }
}
