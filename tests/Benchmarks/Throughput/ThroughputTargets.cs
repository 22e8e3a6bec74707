using HotReload.Benchmarks.Baseline;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Files;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Benchmarks.Throughput;

/// <summary>
/// The three things throughput is measured against, started the same way for in-process loops
/// (<c>throughput</c>) and for an external load generator (<c>serve</c>): the bare upstream, HotReload in
/// front of it (generation header off, logs at Warning) and stock YARP in front of it.
/// </summary>
internal sealed class ThroughputTargets : IAsyncDisposable
{
    public const string Path = "/echo/x";

    private readonly TempDirectory _directory;

    private ThroughputTargets(TempDirectory directory, UpstreamServer upstream, KestrelProxy hotReload, YarpBaselineHost yarp)
    {
        _directory = directory;
        Upstream = upstream;
        HotReload = hotReload;
        Yarp = yarp;
    }

    public UpstreamServer Upstream { get; }

    public KestrelProxy HotReload { get; }

    public YarpBaselineHost Yarp { get; }

    public IReadOnlyList<(string Name, Uri Address)> All =>
        [("upstream (direct)", Upstream.Address), ("hotreload", HotReload.PublicAddress), ("yarp", Yarp.PublicAddress)];

    public static async Task<ThroughputTargets> StartAsync(string directoryPrefix)
    {
        var directory = new TempDirectory(directoryPrefix);
        var upstream = await UpstreamServer.StartAsync("upstream").ConfigureAwait(false);
        var hotConfig = directory.NestedFile("proxy.json");
        File.WriteAllText(hotConfig, TestConfigs.VersionedForward("v1", upstream.Address).ToJson());
        var hotReload = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = hotConfig, GenerationHeader = false }, QuietLogging.Apply).ConfigureAwait(false);
        var yarpConfig = directory.File("yarp.json");
        File.WriteAllText(yarpConfig, YarpConfigJson.Versioned("v1", upstream.Address));
        var yarp = await YarpBaselineHost.StartAsync(yarpConfig).ConfigureAwait(false);
        return new ThroughputTargets(directory, upstream, hotReload, yarp);
    }

    public async ValueTask DisposeAsync()
    {
        await Yarp.DisposeAsync().ConfigureAwait(false);
        await HotReload.DisposeAsync().ConfigureAwait(false);
        await Upstream.DisposeAsync().ConfigureAwait(false);
        _directory.Dispose();
    }
}
