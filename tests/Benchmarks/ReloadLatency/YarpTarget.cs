using System.Globalization;
using HotReload.Benchmarks.Baseline;
using HotReload.Benchmarks.Shared;
using HotReload.Testing.Load;
using HotReload.Testing.Observing;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>
/// Stock YARP under the same storm. It publishes no reload events, so after a bad file the storm waits a
/// fixed window: the file configuration provider's 250 ms reload delay plus margin for YARP to apply.
/// </summary>
internal sealed class YarpTarget : IReloadTarget
{
    public static readonly TimeSpan BadWindow = TimeSpan.FromMilliseconds(500);

    private readonly YarpBaselineHost _host;
    private readonly Uri _upstream;

    private YarpTarget(YarpBaselineHost host, Uri upstream)
    {
        _host = host;
        _upstream = upstream;
    }

    public string Name => "yarp";

    public Uri PublicAddress => _host.PublicAddress;

    public string BadFileWindow => $"a fixed {BadWindow.TotalMilliseconds:0} ms (YARP publishes no reload outcome)";

    public static async Task<YarpTarget> StartAsync(string configPath, Uri upstream)
    {
        File.WriteAllText(configPath, YarpConfigJson.Versioned("v0", upstream));
        return new YarpTarget(await YarpBaselineHost.StartAsync(configPath).ConfigureAwait(false), upstream);
    }

    public string ValidContent(string version) => YarpConfigJson.Versioned(version, _upstream);

    public string BrokenContent(string version) => YarpConfigJson.Truncated(version, _upstream);

    public ReloadMark? Mark() => null;

    // YARP reports no reload outcome to await, so the bad file simply stays in place for a fixed window.
    public Task WaitAfterBadFileAsync(ReloadMark? mark, bool deleted) => Task.Delay(BadWindow);

    public LatencySummary? EngineDurations() => null;

    public long? SwappedAfter(long writeTimestamp) => null;

    /// <summary>
    /// YARP sends no generation header, so each response's generation is taken from its version ("v7" is 7):
    /// versions only grow, which is what the history checker's stale rule needs.
    /// </summary>
    public HistoryReport Check(IReadOnlyList<RequestRecord> history, string finalVersion, long quietSince, IReadOnlyCollection<string> writtenVersions)
    {
        var numbered = history.Select(r => r with { Generation = VersionNumber(r.HeaderVersion) }).ToList();
        return HistoryChecker.Check(numbered, new HistoryExpectations
        {
            ValidGenerations = writtenVersions.Select(v => VersionNumber(v)!.Value).ToHashSet(),
            FinalVersion = finalVersion,
            QuietSince = quietSince,
        });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static long? VersionNumber(string? version) =>
        version is not null && version.StartsWith('v') && long.TryParse(version.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
