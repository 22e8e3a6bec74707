using System.Globalization;
using System.Text;
using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Shared;

namespace HotReload.Benchmarks.Throughput;

/// <summary>
/// Steady-state rps and latency with the same closed-loop clients against the bare upstream, HotReload and
/// stock YARP, all on loopback in this process. Targets are measured one after another, round-robin, so
/// the machine's background load spreads over all of them.
/// </summary>
internal static class ThroughputCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var quick = options.Quick;
        var seconds = options.Int("seconds", quick ? 3 : 10);
        var clients = options.Int("clients", 32);
        var rounds = options.Int("rounds", quick ? 1 : 2);
        options.RejectUnknown();

        Console.WriteLine($"throughput: {clients} clients, {seconds} s per target, {rounds} round(s)");
        await using var targets = await ThroughputTargets.StartAsync("bench-throughput").ConfigureAwait(false);
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 2);
        var rows = new List<ThroughputRow>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, address) in targets.All)
            {
                await LoadLoop.RunAsync(address, ThroughputTargets.Path, clients, warmUp).ConfigureAwait(false);
                var result = await LoadLoop.RunAsync(address, ThroughputTargets.Path, clients, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
                Console.WriteLine($"  round {round} {name}: {result.Rps:N0} rps, p50 {Format.Ms(result.Latency.P50Ms)} ms, p99 {Format.Ms(result.Latency.P99Ms)} ms, errors {result.Errors}");
                rows.Add(new ThroughputRow(round, name, clients, seconds, result.Rps, result.Latency, result.Errors));
            }
        }

        // Evidence that the proxy's log floor held: records kept by the harness during the whole run.
        Console.WriteLine($"  hotreload kept {targets.HotReload.Logs.Count} log records at Warning and above");
        var markdown = Markdown(rows);
        Console.WriteLine();
        Console.WriteLine(markdown);
        ResultsFile.Write(quick ? "throughput-quick" : "throughput", markdown, rows);
        return rows.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private static string Markdown(List<ThroughputRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("### Steady-state throughput").AppendLine();
        text.AppendLine(ResultsFile.Environment()).AppendLine();
        text.AppendLine("| round | target | clients | seconds | rps | p50 ms | p90 | p99 | max | errors |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Round} | {r.Target} | {r.Clients} | {r.Seconds} | {Format.Int((long)r.Rps)} | {Format.Ms(r.Latency.P50Ms)} | {Format.Ms(r.Latency.P90Ms)} | {Format.Ms(r.Latency.P99Ms)} | {Format.Ms(r.Latency.MaxMs)} | {r.Errors} |");
        }

        text.AppendLine();
        foreach (var round in rows.GroupBy(r => r.Round))
        {
            var hot = round.Single(r => r.Target == "hotreload");
            var yarp = round.Single(r => r.Target == "yarp");
            var direct = round.Single(r => r.Target.StartsWith("upstream", StringComparison.Ordinal));
            text.AppendLine(CultureInfo.InvariantCulture, $"- round {round.Key}: HotReload / YARP rps {Format.Ratio(hot.Rps / yarp.Rps)}, p99 YARP / HotReload {Format.Ratio(yarp.Latency.P99Ms / hot.Latency.P99Ms)}; " +
                $"HotReload reaches {hot.Rps / direct.Rps:P0} of the direct upstream rate.");
        }

        return text.ToString();
    }
}

internal sealed record ThroughputRow(int Round, string Target, int Clients, int Seconds, double Rps, LatencySummary Latency, long Errors);
