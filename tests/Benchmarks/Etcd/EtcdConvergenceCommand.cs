using System.Diagnostics;
using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Etcd;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Benchmarks.Etcd;

/// <summary>
/// Convergence latency of the etcd source: from a put returning to every one of the instances having applied
/// it (each instance reports the applied hash in-process). Needs a real etcd (eng/install-etcd.sh).
/// </summary>
internal static class EtcdConvergenceCommand
{
    private const string Key = "/bench/proxy.json";

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var quick = options.Quick;
        var instances = options.Int("instances", 3);
        var puts = options.Int("puts", quick ? 20 : 200);
        options.RejectUnknown();

        Console.WriteLine($"etcd: {instances} instances on one key, {puts} puts, one at a time");
        await using var etcd = await EtcdServer.StartAsync().ConfigureAwait(false);
        await etcd.PutAsync(Key, TestConfigs.Versioned("v0").ToJson()).ConfigureAwait(false);
        var proxies = new List<KestrelProxy>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                proxies.Add(await KestrelProxy.StartAsync(new ProxySettings
                {
                    ConfigPath = null,
                    Extra = new Dictionary<string, string> { ["etcd"] = etcd.Endpoint, ["etcd-key"] = Key },
                }).ConfigureAwait(false));
            }

            var histogram = LatencySummary.NewHistogram();
            for (var put = 1; put <= puts; put++)
            {
                var json = TestConfigs.Versioned($"v{put}").ToJson();
                var marks = proxies.Select(p => p.Events.Mark()).ToList();
                await etcd.PutAsync(Key, json).ConfigureAwait(false);
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(proxies.Select((p, i) => p.Events.WaitForAppliedContentAsync(json, $"v{put} on instance {i}", marks[i]))).ConfigureAwait(false);
                histogram.RecordValue(LatencySummary.Microseconds(Stopwatch.GetTimestamp() - started));
            }

            var summary = LatencySummary.From(histogram);
            var markdown = $"""
                | instances | puts | p50 ms | p90 ms | p99 ms | max ms |
                |---|---|---|---|---|---|
                | {instances} | {puts} | {Format.Ms(summary.P50Ms)} | {Format.Ms(summary.P90Ms)} | {Format.Ms(summary.P99Ms)} | {Format.Ms(summary.MaxMs)} |
                """;
            Console.WriteLine();
            Console.WriteLine(markdown);
            ResultsFile.Write($"etcd{(quick ? "-quick" : "")}", markdown, summary);
            return 0;
        }
        finally
        {
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
