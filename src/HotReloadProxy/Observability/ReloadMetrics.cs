using System.Diagnostics.Metrics;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;

namespace HotReloadProxy.Observability;

/// <summary>
/// The <c>HotReloadProxy</c> meter: what Envoy calls update_success/update_rejected and version, readable
/// by dotnet-counters and OpenTelemetry as is. Created through IMeterFactory so each host has its own.
/// </summary>
public sealed class ReloadMetrics
{
    public const string MeterName = "HotReloadProxy";

    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _duration;
    private long _lastSuccessUnixMs;

    public ReloadMetrics(IMeterFactory meterFactory, SnapshotHolder snapshots)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(snapshots);
        var meter = meterFactory.Create(MeterName);
        _reloads = meter.CreateCounter<long>("hotreload.reloads", "{reload}", "Reload attempts, tagged by outcome (applied, unchanged, rejected).");
        _duration = meter.CreateHistogram<double>("hotreload.reload.duration", "ms", "Time from reading the file to the swap (or the rejection).");
        meter.CreateObservableGauge("hotreload.config.generation", () => snapshots.Current?.Generation ?? 0, "{generation}", "The generation serving new requests.");
        meter.CreateObservableGauge("hotreload.reload.last_success", () => Interlocked.Read(ref _lastSuccessUnixMs) / 1000.0, "s", "Unix time of the last applied reload.");
    }

    internal void Record(ReloadOutcome outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ResultName);
        _reloads.Add(1, tag);
        _duration.Record(outcome.Duration.TotalMilliseconds, tag);
        if (outcome.Result == ReloadResult.Applied)
        {
            Interlocked.Exchange(ref _lastSuccessUnixMs, outcome.At.ToUnixTimeMilliseconds());
        }
    }
}
