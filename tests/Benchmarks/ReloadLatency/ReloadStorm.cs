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

    public static async Task<StormResult> RunAsync(IReloadTarget target, ConfigFileEditor editor, StormPlan plan)
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
                await BadEditAsync(target, editor, new FileEdit.AtomicReplace(target.BrokenContent(StormPlan.Version(reload) + "-broken")), deleted: false).ConfigureAwait(false);
            }

            if (StormPlan.DeletedBefore(reload))
            {
                await BadEditAsync(target, editor, new FileEdit.Delete(), deleted: true).ConfigureAwait(false);
            }

            var version = StormPlan.Version(reload);

            // Taken just before the editor writes its temp file and renames it over the config: the latency
            // includes writing the temp file (tens of microseconds), never less than the true figure.
            writeTimes[version] = LoadRecorder.Now();
            await editor.ApplyAsync(new FileEdit.AtomicReplace(target.ValidContent(version))).ConfigureAwait(false);
            written.Add(version);
            if (!await watch.WaitForAsync(version, StormPlan.VersionTimeout).ConfigureAwait(false))
            {
                notSeen++;
            }

            if (reload % progressEvery == 0 || reload == plan.Reloads)
            {
                Console.WriteLine($"  [{target.Name}] reload {reload}/{plan.Reloads}, {load.Count:N0} requests so far{(notSeen > 0 ? $", {notSeen} versions not seen" : "")}");
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
            Clients = plan.Clients,
            Reloads = plan.Reloads,
            BadFileWindow = target.BadFileWindow,
            Latency = LatencySummary.From(FirstSeenLatencies(history, writeTimes)),
            EngineDuration = target.EngineDurations(),
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

    private static double Rate(IReadOnlyList<RequestRecord> history, long from, long to)
    {
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        return seconds <= 0 ? 0 : history.Count(r => r.StartTimestamp >= from && r.StartTimestamp < to) / seconds;
    }

    /// <summary>One client per load loop, each with its own pool, so every loop has its own keep-alive connection.</summary>
    private static HttpClient CreateClient(Uri address, VersionWatch watch) =>
        new(watch.CreateHandler(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })) { BaseAddress = address };
}
