using HotReload.Benchmarks.Cli;

namespace HotReload.Benchmarks.Throughput;

/// <summary>
/// Starts the upstream, HotReload and YARP exactly as <c>throughput</c> does (<see cref="ThroughputTargets"/>) and keeps them up, so an
/// external load generator (wrk) can measure them from its own process instead of .NET client loops
/// sharing the proxy's cores.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var seconds = options.Int("seconds", 600);
        options.RejectUnknown();

        await using var targets = await ThroughputTargets.StartAsync("bench-serve").ConfigureAwait(false);
        foreach (var (name, address) in targets.All)
        {
            Console.WriteLine($"{name.Split(' ')[0]} {new Uri(address, ThroughputTargets.Path)}");
        }

        Console.WriteLine($"serving for {seconds} s (Ctrl+C stops)");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            // Keeps the servers up until the time is over or Ctrl+C; nothing is being waited for.
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
