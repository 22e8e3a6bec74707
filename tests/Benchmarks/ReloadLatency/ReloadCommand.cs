using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Files;
using HotReload.Testing.Upstreams;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>The reload-under-load benchmark: HotReload, stock YARP, or both, under the same storm.</summary>
internal static class ReloadCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var quick = options.Quick;
        var plan = new StormPlan(
            Clients: options.Int("clients", quick ? 4 : 16),
            Reloads: options.Int("reloads", quick ? 10 : 200),
            WarmUp: TimeSpan.FromSeconds(quick ? 0.5 : 2),
            SteadyPhase: TimeSpan.FromSeconds(options.Int("steady-seconds", quick ? 1 : 3)),
            GapBetweenReloads: TimeSpan.FromMilliseconds(options.Int("gap-ms", 50)));
        int? debounce = options.Flag("debounce-ms") ? options.Int("debounce-ms", 10) : null;
        var targets = options.Choice("target", quick ? "hotreload" : "both", "hotreload", "yarp", "both");
        options.RejectUnknown();

        Console.WriteLine($"reload: {plan.Clients} clients, {plan.Reloads} reloads, target {targets}{(debounce is null ? "" : $", HotReload quiet window {debounce} ms")}");
        await using var upstream = await UpstreamServer.StartAsync("upstream").ConfigureAwait(false);
        var results = new List<StormResult>();
        if (targets is "hotreload" or "both")
        {
            results.Add(await RunOneAsync("hotreload", async path => await HotReloadTarget.StartAsync(path, upstream.Address, debounce).ConfigureAwait(false), plan).ConfigureAwait(false));
        }

        if (targets is "yarp" or "both")
        {
            results.Add(await RunOneAsync("yarp", async path => await YarpTarget.StartAsync(path, upstream.Address).ConfigureAwait(false), plan).ConfigureAwait(false));
        }

        var markdown = ReloadReport.Markdown(results);
        Console.WriteLine();
        Console.WriteLine(markdown);
        ResultsFile.Write($"reload{(quick ? "-quick" : "")}{(targets == "both" ? "" : "-" + targets)}{(debounce is null ? "" : $"-debounce{debounce}")}", markdown, results);

        // The smoke run fails only when HotReload broke its promise; YARP's failures are the baseline's.
        var hotReload = results.FirstOrDefault(r => r.Target == "hotreload");
        return hotReload is null || (hotReload.FailedRequests == 0 && hotReload.StaleResponses == 0 && hotReload.TornResponses == 0
            && hotReload.OtherViolations == 0 && hotReload.VersionsNotSeen == 0) ? 0 : 1;
    }

    private static async Task<StormResult> RunOneAsync(string name, Func<string, Task<IReloadTarget>> start, StormPlan plan)
    {
        using var directory = new TempDirectory("bench-reload");
        var path = directory.NestedFile("proxy.json");
        Console.WriteLine($"  [{name}] starting");
        await using var target = await start(path).ConfigureAwait(false);
        var result = await ReloadStorm.RunAsync(target, ConfigFileEditor.For(path), plan).ConfigureAwait(false);
        Console.WriteLine($"  [{name}] latency p50 {Format.Ms(result.Latency.P50Ms)} ms, p99 {Format.Ms(result.Latency.P99Ms)} ms, " +
            $"failed {result.FailedRequests}, stale {result.StaleResponses}");
        return result;
    }
}
