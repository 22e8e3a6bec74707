using HotReload.Benchmarks.Baseline;
using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Configs;
using HotReload.Testing.Files;
using HotReload.Testing.Proxies;
using HotReload.Testing.Upstreams;

namespace HotReload.Benchmarks.Throughput;

/// <summary>
/// Starts the upstream, HotReload and YARP exactly as <c>throughput</c> does and keeps them up, so an
/// external load generator (wrk) can measure them from its own process instead of .NET client loops
/// sharing the proxy's cores.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var seconds = options.Int("seconds", 600);
        options.RejectUnknown();

        using var directory = new TempDirectory("bench-serve");
        await using var upstream = await UpstreamServer.StartAsync("upstream").ConfigureAwait(false);
        var hotConfig = directory.NestedFile("proxy.json");
        File.WriteAllText(hotConfig, TestConfigs.VersionedForward("v1", upstream.Address).ToJson());
        await using var hotReload = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = hotConfig, GenerationHeader = false }, QuietLogging.Apply).ConfigureAwait(false);
        var yarpConfig = directory.File("yarp.json");
        File.WriteAllText(yarpConfig, YarpConfigJson.Versioned("v1", upstream.Address));
        await using var yarp = await YarpBaselineHost.StartAsync(yarpConfig).ConfigureAwait(false);

        Console.WriteLine($"upstream {upstream.Address}echo/x");
        Console.WriteLine($"hotreload {hotReload.PublicAddress}echo/x");
        Console.WriteLine($"yarp {yarp.PublicAddress}echo/x");
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
