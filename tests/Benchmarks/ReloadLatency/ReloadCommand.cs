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
        var edits = options.List("edits", string.Join(',', StormEdits.Names), StormEdits.Names).Select(StormEdits.Parse).ToList();
        var warmUpReloads = options.Int("warmup-reloads", quick ? 0 : 30);
        options.RejectUnknown();

        Console.WriteLine($"reload: {plan.Clients} clients, {plan.Reloads} reloads per edit kind ({string.Join(", ", edits.Select(StormEdits.Name))}), " +
            $"target {targets}{(debounce is null ? "" : $", HotReload quiet window {debounce} ms")}");
        await using var upstream = await UpstreamServer.StartAsync("upstream").ConfigureAwait(false);
        var results = new List<StormResult>();
        var warmUps = new List<StormResult>();

        // A proxy in production has been running, and its JIT has optimised the request and reload paths; the
        // first seconds of a fresh process (clients, proxy and upstream all start cold here) measure the JIT
        // instead. So each target first takes an unreported storm; its correctness still counts.
        var warmUpPlan = plan with { Reloads = warmUpReloads, SteadyPhase = TimeSpan.FromSeconds(1) };
        if (targets is "hotreload" or "both")
        {
            if (warmUpReloads > 0)
            {
                warmUps.Add(await RunOneAsync("hotreload", edits[0], async path => await HotReloadTarget.StartAsync(path, upstream.Address, debounce).ConfigureAwait(false), warmUpPlan, warmUp: true).ConfigureAwait(false));
            }

            foreach (var edit in edits)
            {
                results.Add(await RunOneAsync("hotreload", edit, async path => await HotReloadTarget.StartAsync(path, upstream.Address, debounce).ConfigureAwait(false), plan).ConfigureAwait(false));
            }
        }

        // The baseline runs the rename storm only, the comparison the earlier results were made with.
        if (targets is "yarp" or "both")
        {
            if (warmUpReloads > 0)
            {
                warmUps.Add(await RunOneAsync("yarp", StormEditKind.Rename, async path => await YarpTarget.StartAsync(path, upstream.Address).ConfigureAwait(false), warmUpPlan, warmUp: true).ConfigureAwait(false));
            }

            results.Add(await RunOneAsync("yarp", StormEditKind.Rename, async path => await YarpTarget.StartAsync(path, upstream.Address).ConfigureAwait(false), plan).ConfigureAwait(false));
        }

        var markdown = ReloadReport.Markdown(results) + (warmUpReloads > 0
            ? $"{Environment.NewLine}Before these storms each target ran an unreported warm-up storm of {warmUpReloads} reloads in the same process (`--warmup-reloads`).{Environment.NewLine}"
            : "");
        Console.WriteLine();
        Console.WriteLine(markdown);
        ResultsFile.Write($"reload{(quick ? "-quick" : "")}{(targets == "both" ? "" : "-" + targets)}{(debounce is null ? "" : $"-debounce{debounce}")}", markdown, results);

        // The smoke run fails only when HotReload broke its promise; YARP's failures are the baseline's.
        return results.Concat(warmUps).Where(r => r.Target == "hotreload").All(r => r.FailedRequests == 0 && r.StaleResponses == 0 && r.TornResponses == 0
            && r.OtherViolations == 0 && r.VersionsNotSeen == 0) ? 0 : 1;
    }

    private static async Task<StormResult> RunOneAsync(string name, StormEditKind edit, Func<string, Task<IReloadTarget>> start, StormPlan plan, bool warmUp = false)
    {
        using var directory = new TempDirectory("bench-reload");
        var editor = StormEdits.CreateEditor(edit, directory);
        Console.WriteLine($"  [{name} {StormEdits.Name(edit)}] starting{(warmUp ? " the warm-up storm (not reported)" : "")}");
        await using var target = await start(editor.Path).ConfigureAwait(false);
        var result = await ReloadStorm.RunAsync(target, editor, edit, plan).ConfigureAwait(false);
        Console.WriteLine($"  [{name} {StormEdits.Name(edit)}] latency p50 {Format.Ms(result.Latency.P50Ms)} ms, p99 {Format.Ms(result.Latency.P99Ms)} ms, " +
            $"failed {result.FailedRequests}, stale {result.StaleResponses}");
        return result;
    }
}
