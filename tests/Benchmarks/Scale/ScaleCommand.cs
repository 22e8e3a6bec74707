using System.Globalization;
using System.Text;
using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Files;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Benchmarks.Scale;

/// <summary>
/// How reloads scale with the config's size (10 -> 10,000 routes), and whether memory stays flat when the
/// same config is reloaded many times (old generations must be released).
/// </summary>
internal static class ScaleCommand
{
    private const int ChurnRoutes = 100;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var quick = options.Quick;
        var reloads = options.Int("reloads", quick ? 5 : 20);
        var churnReloads = options.Int("churn-reloads", quick ? 100 : 1_000);
        options.RejectUnknown();
        int[] sizes = quick ? [10, 100, 1_000] : [10, 100, 1_000, 10_000];

        Console.WriteLine($"scale: routes {string.Join(", ", sizes)}, {reloads} reloads each; memory after 10 vs {churnReloads} reloads at {ChurnRoutes} routes");
        await using var upstream = await UpstreamServer.StartAsync("upstream").ConfigureAwait(false);
        var before = ProcessMemory.Measure();
        var sizeRows = new List<SizeRow>();
        foreach (var routes in sizes)
        {
            sizeRows.Add(await MeasureSizeAsync(routes, reloads, upstream.Address).ConfigureAwait(false));
        }

        var churn = await MeasureChurnAsync(churnReloads, upstream.Address).ConfigureAwait(false);
        var results = new ScaleResults(before, sizeRows, churn);
        var markdown = Markdown(results);
        Console.WriteLine();
        Console.WriteLine(markdown);
        ResultsFile.Write(quick ? "scale-quick" : "scale", markdown, results);
        return churn.OldestSnapshotReleased ? 0 : 1;
    }

    private static async Task<SizeRow> MeasureSizeAsync(int routes, int reloads, Uri upstream)
    {
        using var directory = new TempDirectory("bench-scale");
        var path = directory.NestedFile("proxy.json");
        var editor = ConfigFileEditor.For(path, Content(0, routes, upstream));
        var fileBytes = new FileInfo(path).Length;
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = path }, QuietLogging.Apply).ConfigureAwait(false);
        // A running proxy, as the target means it: its startup warm-up of the reload pipeline has finished.
        await WarmedUpAsync(proxy).ConfigureAwait(false);
        var timer = new ReloadTimer(proxy, editor);
        for (var i = 1; i <= reloads; i++)
        {
            await timer.ReloadAsync(Content(i, routes, upstream)).ConfigureAwait(false);
        }

        var memory = ProcessMemory.Measure();
        var row = new SizeRow(routes, fileBytes, reloads, LatencySummary.From(timer.WriteToApplied), LatencySummary.From(timer.WriteToSwap), LatencySummary.From(timer.EngineDuration), memory);
        Console.WriteLine($"  {routes} routes: write->swap p50 {Format.Ms(row.WriteToSwap.P50Ms)} ms, write->applied p50 {Format.Ms(row.WriteToApplied.P50Ms)} ms, p99 {Format.Ms(row.WriteToApplied.P99Ms)} ms, " +
            $"engine p50 {Format.Ms(row.Engine.P50Ms)} ms, heap {Format.Mb(memory.ManagedBytes)} MB, working set {Format.Mb(memory.WorkingSetBytes)} MB");
        return row;
    }

    private static async Task<ChurnResult> MeasureChurnAsync(int reloads, Uri upstream)
    {
        using var directory = new TempDirectory("bench-churn");
        var path = directory.NestedFile("proxy.json");
        var editor = ConfigFileEditor.For(path, Content(0, ChurnRoutes, upstream));
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = path }, QuietLogging.Apply).ConfigureAwait(false);
        var oldest = new WeakReference(proxy.CurrentSnapshot());
        var timer = new ReloadTimer(proxy, editor);
        ProcessMemory? afterTen = null;
        for (var i = 1; i <= reloads; i++)
        {
            await timer.ReloadAsync(Content(i, ChurnRoutes, upstream)).ConfigureAwait(false);
            if (i == 10)
            {
                afterTen = ProxyMemory(proxy);
            }

            if (i % Math.Max(1, reloads / 5) == 0)
            {
                Console.WriteLine($"  churn: {i}/{reloads} reloads");
            }
        }

        var afterAll = ProxyMemory(proxy);
        return new ChurnResult(ChurnRoutes, reloads, afterTen ?? afterAll, afterAll, !oldest.IsAlive, LatencySummary.From(timer.WriteToApplied));
    }

    /// <summary>
    /// The process's memory without the harness's record of outcomes (about 6 KB per reload, each outcome with
    /// its diff), which would otherwise grow with the reload count and hide whether the proxy's own memory does.
    /// </summary>
    private static ProcessMemory ProxyMemory(KestrelProxy proxy)
    {
        proxy.Events.Forget(proxy.Events.Mark());
        return ProcessMemory.Measure();
    }

    private static async Task WarmedUpAsync(KestrelProxy proxy)
    {
        var lifecycle = proxy.Services.GetServices<IHostedService>().OfType<ConfigLifecycle>().Single();
        await lifecycle.WarmUpFinished.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <summary>The same routes each time, a new version on the echo route, so every write is a real change.</summary>
    private static string Content(int version, int routes, Uri upstream) =>
        SyntheticRoutes.VersionedWithFiller("v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture), upstream, routes).ToJson();

    private static string Markdown(ScaleResults results)
    {
        var text = new StringBuilder();
        text.AppendLine("### Reload cost and memory as routes grow").AppendLine();
        text.AppendLine(ResultsFile.Environment()).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Before any proxy started: heap {Format.Mb(results.Baseline.ManagedBytes)} MB, working set {Format.Mb(results.Baseline.WorkingSetBytes)} MB (the harness and upstream).").AppendLine();
        text.AppendLine("Each size's proxy finished its startup warm-up before the first timed reload. Write->swap ends when new requests start on the new config; write->applied also covers the diff and publishing the outcome.").AppendLine();
        text.AppendLine("| routes | file KB | reloads | write->swap p50 ms | p99 | write->applied p50 ms | p90 | p99 | max | engine p50 ms | engine p99 | heap MB | working set MB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results.Sizes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Format.Int(r.Routes)} | {Format.Int(r.FileBytes / 1024)} | {r.Reloads} | {Format.Ms(r.WriteToSwap.P50Ms)} | {Format.Ms(r.WriteToSwap.P99Ms)} | {Format.Ms(r.WriteToApplied.P50Ms)} | {Format.Ms(r.WriteToApplied.P90Ms)} | {Format.Ms(r.WriteToApplied.P99Ms)} | " +
                $"{Format.Ms(r.WriteToApplied.MaxMs)} | {Format.Ms(r.Engine.P50Ms)} | {Format.Ms(r.Engine.P99Ms)} | {Format.Mb(r.Memory.ManagedBytes)} | {Format.Mb(r.Memory.WorkingSetBytes)} |");
        }

        var c = results.Churn;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Memory under churn ({c.Routes} routes, write->applied p50 {Format.Ms(c.WriteToApplied.P50Ms)} ms, p99 {Format.Ms(c.WriteToApplied.P99Ms)} ms):").AppendLine();
        text.AppendLine("| after reloads | heap MB | working set MB |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 10 | {Format.Mb(c.AfterTen.ManagedBytes)} | {Format.Mb(c.AfterTen.WorkingSetBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {Format.Int(c.Reloads)} | {Format.Mb(c.AfterAll.ManagedBytes)} | {Format.Mb(c.AfterAll.WorkingSetBytes)} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generation 1's snapshot was {(c.OldestSnapshotReleased ? "collected" : "STILL REACHABLE")} after {c.Reloads} reloads. ");
        var slope = (double)(c.AfterAll.ManagedBytes - c.AfterTen.ManagedBytes) / Math.Max(1, c.Reloads - 10);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Before each measurement the harness forgets its record of reload outcomes (about 6 KB each, with its diff), so the heap is the proxy's own: {slope:+0;-0;0} bytes per reload from reload 10 to {Format.Int(c.Reloads)}.");
        return text.ToString();
    }
}

internal sealed record SizeRow(int Routes, long FileBytes, int Reloads, LatencySummary WriteToApplied, LatencySummary WriteToSwap, LatencySummary Engine, ProcessMemory Memory);

internal sealed record ChurnResult(int Routes, int Reloads, ProcessMemory AfterTen, ProcessMemory AfterAll, bool OldestSnapshotReleased, LatencySummary WriteToApplied);

internal sealed record ScaleResults(ProcessMemory Baseline, IReadOnlyList<SizeRow> Sizes, ChurnResult Churn);
