using System.Diagnostics;
using HdrHistogram;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Files;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Benchmarks.Scale;

/// <summary>
/// Rewrites the config by atomic rename and times each reload two ways: from the write to the Applied outcome
/// as a subscriber sees it (watcher, quiet window, engine, diff, publish), from the write to the swap, and the
/// engine's own duration (read, hash, parse, validate, compile, swap).
/// </summary>
internal sealed class ReloadTimer(KestrelProxy proxy, ConfigFileEditor editor)
{
    public LongHistogram WriteToApplied { get; } = LatencySummary.NewHistogram();

    public LongHistogram EngineDuration { get; } = LatencySummary.NewHistogram();

    /// <summary>From the write to the swap: when new requests start on the new config (the diff and publishing follow it).</summary>
    public LongHistogram WriteToSwap { get; } = LatencySummary.NewHistogram();

    public async Task ReloadAsync(string content)
    {
        var mark = proxy.Events.Mark();
        var start = Stopwatch.GetTimestamp();
        await editor.ApplyAsync(new FileEdit.AtomicReplace(content)).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var outcome = await proxy.Events.WaitForAppliedAsync(mark, timeout.Token).ConfigureAwait(false);
        WriteToApplied.RecordValue(LatencySummary.Microseconds(Stopwatch.GetTimestamp() - start));
        EngineDuration.RecordValue((long)outcome.Duration.TotalMicroseconds);
        // The engine runs on the system clock here, so its swap stamp is a Stopwatch timestamp like start.
        WriteToSwap.RecordValue(LatencySummary.Microseconds(outcome.SwappedAtTimestamp - start));
    }
}
