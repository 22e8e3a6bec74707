using System.Diagnostics;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Files;
using HotReload.Testing.Load;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>
/// Runs the storm against one target: steady load first, then the planned writes under the same load, then
/// a quiet tail; latencies come from the recorded history, not from the pacing signal.
/// </summary>
internal static class ReloadStorm
{
    private static readonly TimeSpan QuietTail = TimeSpan.FromMilliseconds(300);

    public static async Task<StormResult> RunAsync(IReloadTarget target, ConfigFileEditor editor, StormEditKind edit, StormPlan plan)
    {
        var watch = new VersionWatch();
        var written = new List<string> { StormPlan.Version(0) };
        var writeTimes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var load = LoadRecorder.Start(() => CreateClient(target.PublicAddress, watch), "/echo/x", TestConfigs.ResponseReader, plan.Clients);
        if (!await watch.WaitForAsync(StormPlan.Version(0), StormPlan.VersionTimeout).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{target.Name} never served the initial version.");
        }

        // Load shaping, not waiting for a reload: warm the clients and the proxy, then measure a steady phase.
        await Task.Delay(plan.WarmUp).ConfigureAwait(false);
        var steadyStart = LoadRecorder.Now();
        await Task.Delay(plan.SteadyPhase).ConfigureAwait(false);
        var stormStart = LoadRecorder.Now();
        var notSeen = 0;
        var progressEvery = Math.Max(1, plan.Reloads / 10);
        for (var reload = 1; reload <= plan.Reloads; reload++)
        {
            if (StormPlan.BrokenBefore(reload))
            {
                await BadEditAsync(target, editor, StormEdits.Broken(edit, target.BrokenContent(StormPlan.Version(reload) + "-broken")), deleted: false).ConfigureAwait(false);
            }

            if (StormPlan.DeletedBefore(reload) && StormEdits.CanDelete(edit))
            {
                await BadEditAsync(target, editor, new FileEdit.Delete(), deleted: true).ConfigureAwait(false);
            }

            var version = StormPlan.Version(reload);

            // Taken just before the editor starts the edit (writes its temp file or directory, or opens the
            // file): the latency includes that write (tens of microseconds), never less than the true figure.
            writeTimes[version] = LoadRecorder.Now();
            await editor.ApplyAsync(StormEdits.Write(edit, target.ValidContent(version))).ConfigureAwait(false);
            written.Add(version);
            if (!await watch.WaitForAsync(version, StormPlan.VersionTimeout).ConfigureAwait(false))
            {
                notSeen++;
            }

            if (reload % progressEvery == 0 || reload == plan.Reloads)
            {
                Console.WriteLine($"  [{target.Name} {StormEdits.Name(edit)}] reload {reload}/{plan.Reloads}, {load.Count:N0} requests so far{(notSeen > 0 ? $", {notSeen} versions not seen" : "")}");
            }

            // Spaces the writes on purpose (the new version was already seen above): the storm's pace, not a wait.
            await Task.Delay(plan.GapBetweenReloads).ConfigureAwait(false);
        }

        var stormEnd = LoadRecorder.Now();

        // The last version was already seen; these pauses only let in-flight requests drain and then record a
        // stretch of load with the file quiet, for the convergence check.
        await Task.Delay(QuietTail).ConfigureAwait(false);
        var quietSince = LoadRecorder.Now();
        await Task.Delay(QuietTail).ConfigureAwait(false);
        var history = await load.StopAsync().ConfigureAwait(false);

        var report = target.Check(history, written[^1], quietSince, written);
        return new StormResult
        {
            Target = target.Name,
            Edit = StormEdits.Name(edit),
            Clients = plan.Clients,
            Reloads = plan.Reloads,
            BadFileWindow = target.BadFileWindow,
            Latency = LatencySummary.From(FirstSeenLatencies(history, writeTimes)),
            RequestLatency = LatencySummary.From(RequestLatencies(history, stormStart, stormEnd)),
            EngineDuration = target.EngineDurations(),
            WriteToSwap = WriteToSwapLatencies(target, writeTimes),
            VersionsNotSeen = notSeen,
            Requests = history.Count,
            FailedRequests = report.Of(ViolationKind.Failed).Count(),
            StaleResponses = report.Of(ViolationKind.Stale).Count(),
            TornResponses = report.Of(ViolationKind.Torn).Count(),
            OtherViolations = report.Violations.Count(v => v.Kind is not (ViolationKind.Failed or ViolationKind.Stale or ViolationKind.Torn)),
            SteadyRps = Rate(history, steadyStart, stormStart),
            StormRps = Rate(history, stormStart, stormEnd),
            StormSeconds = Stopwatch.GetElapsedTime(stormStart, stormEnd).TotalSeconds,
            SampleViolations = report.Violations.Take(5).Select(v => v.ToString()).ToList(),
        };
    }

    private static async Task BadEditAsync(IReloadTarget target, ConfigFileEditor editor, FileEdit edit, bool deleted)
    {
        var mark = target.Mark();
        await editor.ApplyAsync(edit).ConfigureAwait(false);
        await target.WaitAfterBadFileAsync(mark, deleted).ConfigureAwait(false);
    }

    private static HdrHistogram.LongHistogram FirstSeenLatencies(IReadOnlyList<RequestRecord> history, Dictionary<string, long> writeTimes)
    {
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in history)
        {
            if (record.HeaderVersion is { } version && writeTimes.ContainsKey(version)
                && (!firstSeen.TryGetValue(version, out var seen) || record.EndTimestamp < seen))
            {
                firstSeen[version] = record.EndTimestamp;
            }
        }

        var histogram = LatencySummary.NewHistogram();
        foreach (var (version, seen) in firstSeen)
        {
            histogram.RecordValue(Math.Max(0, LatencySummary.Microseconds(seen - writeTimes[version])));
        }

        return histogram;
    }

    private static LatencySummary? WriteToSwapLatencies(IReloadTarget target, Dictionary<string, long> writeTimes)
    {
        var histogram = LatencySummary.NewHistogram();
        foreach (var written in writeTimes.Values)
        {
            if (target.SwappedAfter(written) is not { } swapped)
            {
                return null;
            }

            histogram.RecordValue(Math.Max(0, LatencySummary.Microseconds(swapped - written)));
        }

        return writeTimes.Count == 0 ? null : LatencySummary.From(histogram);
    }

    /// <summary>
    /// Every request's own latency during the storm: the first response of a new version is a whole request
    /// that started after the swap, so this is the floor under the reload latency on the machine as it was.
    /// </summary>
    private static HdrHistogram.LongHistogram RequestLatencies(IReadOnlyList<RequestRecord> history, long from, long to)
    {
        var histogram = LatencySummary.NewHistogram();
        foreach (var record in history.Where(r => r.StartTimestamp >= from && r.StartTimestamp < to))
        {
            histogram.RecordValue(Math.Max(0, LatencySummary.Microseconds(record.EndTimestamp - record.StartTimestamp)));
        }

        return histogram;
    }

    private static double Rate(IReadOnlyList<RequestRecord> history, long from, long to)
    {
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        return seconds <= 0 ? 0 : history.Count(r => r.StartTimestamp >= from && r.StartTimestamp < to) / seconds;
    }

    /// <summary>One client per load loop, each with its own pool, so every loop has its own keep-alive connection.</summary>
    private static HttpClient CreateClient(Uri address, VersionWatch watch) =>
        new(watch.CreateHandler(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })) { BaseAddress = address };
}
