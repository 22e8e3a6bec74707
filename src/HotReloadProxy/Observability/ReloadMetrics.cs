using System.Diagnostics.Metrics;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;

namespace HotReloadProxy.Observability;

/// <summary>
/// The <c>HotReloadProxy</c> meter: what Envoy calls update_success/update_rejected and version, and what
/// Prometheus calls config_last_reload_successful, readable by dotnet-counters and OpenTelemetry as is.
/// Through the Prometheus exporter the instruments read as <c>hotreload_reloads_total{outcome}</c>,
/// <c>hotreload_config_generation</c>, <c>hotreload_config_last_reload_successful</c>,
/// <c>hotreload_config_last_reload_success_timestamp_seconds</c> and
/// <c>hotreload_requests_on_old_generations</c> and <c>hotreload_requests_drained_total</c>. Created through IMeterFactory so each host has its own.
/// </summary>
internal sealed class ReloadMetrics
{
    public const string MeterName = "HotReloadProxy";

    private readonly SnapshotHolder _snapshots;
    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _drained;
    private readonly List<ConfigSnapshot> _retired = [];
    private ConfigSnapshot? _lastSeen;
    private long _lastSuccessUnixMs;
    private int _lastAttemptRejected;

    public ReloadMetrics(IMeterFactory meterFactory, SnapshotHolder snapshots, ReloadNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(notifier);
        _snapshots = snapshots;

        // The initial load is published but not recorded as a reload; seeing it here is what lets the
        // snapshot it creates be counted once it is replaced.
        notifier.Reloaded += (_, _) => TrackRetired();
        var meter = meterFactory.Create(MeterName);
        _reloads = meter.CreateCounter<long>("hotreload.reloads", "{reload}", "Reload attempts, tagged by outcome (applied, unchanged, rejected).");
        _duration = meter.CreateHistogram<double>("hotreload.reload.duration", "ms", "Time from reading the file to the swap (or the rejection).");
        meter.CreateObservableGauge("hotreload.config.generation", () => snapshots.Current?.Generation ?? 0, "{generation}", "The generation serving new requests.");
        meter.CreateObservableGauge("hotreload.config.last_reload_successful", LastReloadSuccessful, description: "1 when the last reload attempt (or the initial load) succeeded, 0 when it was rejected.");
        meter.CreateObservableGauge("hotreload.config.last_reload_success_timestamp", LastSuccessSeconds, "s", "Unix time of the last successful reload (applied or unchanged), or of the initial load.");
        _drained = meter.CreateCounter<long>("hotreload.requests.drained", "{request}", "Requests and WebSockets ended by the drain bound (--drain-timeout) after a reload changed or removed their route.");
        meter.CreateObservableGauge("hotreload.requests.on_old_generations", RequestsOnOldGenerations, "{request}", "Requests still running on a generation that has been replaced.");
    }

    internal void Record(ReloadOutcome outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ResultName);
        _reloads.Add(1, tag);
        _duration.Record(outcome.Duration.TotalMilliseconds, tag);
        Volatile.Write(ref _lastAttemptRejected, outcome.Result == ReloadResult.Rejected ? 1 : 0);
        if (outcome.Result != ReloadResult.Rejected)
        {
            Interlocked.Exchange(ref _lastSuccessUnixMs, outcome.At.ToUnixTimeMilliseconds());
        }

        TrackRetired();
    }

    internal void RecordDrained() => _drained.Add(1);

    private int LastReloadSuccessful() => _snapshots.Current is not null && Volatile.Read(ref _lastAttemptRejected) == 0 ? 1 : 0;

    private double LastSuccessSeconds()
    {
        var recorded = Interlocked.Read(ref _lastSuccessUnixMs);
        return recorded != 0 ? recorded / 1000.0
            : _snapshots.Current is { } initial ? initial.LoadedAt.ToUnixTimeMilliseconds() / 1000.0
            : 0;
    }

    private long RequestsOnOldGenerations()
    {
        TrackRetired();
        lock (_retired)
        {
            // A replaced snapshot no longer holds the holder's lease, so every lease left is a request.
            _retired.RemoveAll(s => s.IsReleased);
            return _retired.Sum(s => (long)s.ActiveLeases);
        }
    }

    /// <summary>Remembers each snapshot that stopped being current, until its last request finishes.</summary>
    private void TrackRetired()
    {
        lock (_retired)
        {
            var current = _snapshots.Current;
            if (!ReferenceEquals(current, _lastSeen))
            {
                if (_lastSeen is { IsReleased: false } replaced)
                {
                    _retired.Add(replaced);
                }

                _lastSeen = current;
            }
        }
    }
}
