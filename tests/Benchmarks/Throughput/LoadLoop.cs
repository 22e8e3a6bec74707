using System.Diagnostics;
using HdrHistogram;
using HotReload.Benchmarks.Shared;

namespace HotReload.Benchmarks.Throughput;

/// <summary>
/// Closed-loop load: each of N loops has its own client (own keep-alive connection), sends GET after GET,
/// reads the whole body, and records the latency. No coordination between loops beyond start and stop.
/// </summary>
internal static class LoadLoop
{
    public static async Task<LoadLoopResult> RunAsync(Uri address, string path, int clients, TimeSpan duration)
    {
        var clientsList = Enumerable.Range(0, clients)
            .Select(_ => new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = address })
            .ToList();
        try
        {
            using var stop = new CancellationTokenSource();
            var started = Stopwatch.GetTimestamp();
            var loops = clientsList.Select(client => Task.Run(() => LoopAsync(client, path, stop.Token))).ToArray();
            // The measurement window itself: load runs for this long.
            await Task.Delay(duration).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            var perLoop = await Task.WhenAll(loops).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var histogram = LatencySummary.NewHistogram();
            foreach (var loop in perLoop)
            {
                histogram.Add(loop.Histogram);
            }

            var requests = perLoop.Sum(l => l.Histogram.TotalCount);
            return new LoadLoopResult(requests / elapsed, LatencySummary.From(histogram), perLoop.Sum(l => l.Errors));
        }
        finally
        {
            foreach (var client in clientsList)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<(LongHistogram Histogram, long Errors)> LoopAsync(HttpClient client, string path, CancellationToken stop)
    {
        var histogram = LatencySummary.NewHistogram();
        long errors = 0;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                // Not cancelled by stop: a request cut short would count as neither a success nor a fair error.
                using var response = await client.GetAsync(path, CancellationToken.None).ConfigureAwait(false);
                _ = await response.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    continue;
                }
            }
            catch (HttpRequestException)
            {
                errors++;
                continue;
            }

            histogram.RecordValue(LatencySummary.Microseconds(Stopwatch.GetTimestamp() - start));
        }

        return (histogram, errors);
    }
}

internal sealed record LoadLoopResult(double Rps, LatencySummary Latency, long Errors);
