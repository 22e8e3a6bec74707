using System.Globalization;
using System.Text;
using HotReload.Benchmarks.Shared;

namespace HotReload.Benchmarks.ReloadLatency;

internal static class ReloadReport
{
    public static string Markdown(IReadOnlyList<StormResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("### Reload latency under load").AppendLine();
        text.AppendLine(ResultsFile.Environment()).AppendLine();
        text.AppendLine("| target | edit | clients | reloads | latency p50 ms | p90 | p99 | max | request p50 / p99 ms | versions not seen | requests | failed | stale | torn | other violations | steady rps | rps during storm |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Target} | {r.Edit} | {r.Clients} | {r.Reloads} | {Format.Ms(r.Latency.P50Ms)} | {Format.Ms(r.Latency.P90Ms)} | {Format.Ms(r.Latency.P99Ms)} | {Format.Ms(r.Latency.MaxMs)} | {Format.Ms(r.RequestLatency.P50Ms)} / {Format.Ms(r.RequestLatency.P99Ms)} | " +
                $"{r.VersionsNotSeen} | {Format.Int(r.Requests)} | {Format.Int(r.FailedRequests)} | {Format.Int(r.StaleResponses)} | {Format.Int(r.TornResponses)} | {Format.Int(r.OtherViolations)} | " +
                $"{Format.Int((long)r.SteadyRps)} | {Format.Int((long)r.StormRps)} |");
        }

        text.AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Target}, {r.Edit}: after a broken or deleted file the storm waited {r.BadFileWindow}; storm lasted {r.StormSeconds:0.0} s.");
            if (r.EngineDuration is { } engine)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - the proxy's own read-to-swap time per applied reload: p50 {Format.Ms(engine.P50Ms)} ms, p99 {Format.Ms(engine.P99Ms)} ms, max {Format.Ms(engine.MaxMs)} ms.");
            }

            if (r.WriteToSwap is { } swap)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - write to swap (the watcher, the scheduler and the pass; the rest of the latency is the first request after the swap): p50 {Format.Ms(swap.P50Ms)} ms, p99 {Format.Ms(swap.P99Ms)} ms, max {Format.Ms(swap.MaxMs)} ms.");
            }

            foreach (var violation in r.SampleViolations)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - e.g. {violation}");
            }
        }

        var hot = results.FirstOrDefault(r => r.Target == "hotreload" && r.Edit == "rename");
        var yarp = results.FirstOrDefault(r => r.Target == "yarp" && r.Edit == "rename");
        if (hot is not null && yarp is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Ratios (YARP / HotReload, rename storms): latency p50 {Format.Ratio(yarp.Latency.P50Ms / hot.Latency.P50Ms)}, " +
                $"p99 {Format.Ratio(yarp.Latency.P99Ms / hot.Latency.P99Ms)}; rps during storm (HotReload / YARP) {Format.Ratio(hot.StormRps / yarp.StormRps)}.");
        }

        return text.ToString();
    }
}
