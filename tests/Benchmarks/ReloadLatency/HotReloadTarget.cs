using HotReload.Benchmarks.Shared;
using HotReload.Testing.Load;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>HotReload on real Kestrel in this process; its reload outcomes tell exactly when a bad file was judged.</summary>
internal sealed class HotReloadTarget : IReloadTarget
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(10);
    private readonly KestrelProxy _proxy;
    private readonly Uri _upstream;
    private readonly ReloadNotifier _notifier;
    private readonly List<long> _swaps = [];

    private HotReloadTarget(KestrelProxy proxy, Uri upstream)
    {
        _proxy = proxy;
        _upstream = upstream;

        _notifier = proxy.Services.GetRequiredService<ReloadNotifier>();
        _notifier.Reloaded += OnReloaded;
    }

    public string Name => "hotreload";

    public Uri PublicAddress => _proxy.PublicAddress;

    public string BadFileWindow => "until the proxy publishes its Rejected outcome (Syntax / Missing)";

    /// <param name="debounceMilliseconds">The proxy's quiet window (--reload-debounce); null keeps its default (10 ms).</param>
    public static async Task<HotReloadTarget> StartAsync(string configPath, Uri upstream, int? debounceMilliseconds)
    {
        File.WriteAllText(configPath, TestConfigs.VersionedForward("v0", upstream).ToJson());
        var proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = configPath, GenerationHeader = true, ReloadDebounceMilliseconds = debounceMilliseconds }, QuietLogging.Apply).ConfigureAwait(false);
        return new HotReloadTarget(proxy, upstream);
    }

    public string ValidContent(string version) => TestConfigs.VersionedForward(version, _upstream).ToJson();

    public string BrokenContent(string version) => TestConfigs.TruncatedJson(version);

    public ReloadMark? Mark() => _proxy.Events.Mark();

    public async Task WaitAfterBadFileAsync(ReloadMark? mark, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(mark);
        using var timeout = new CancellationTokenSource(OutcomeTimeout);
        await _proxy.Events.WaitForRejectedAsync(mark, deleted ? RejectionReason.Missing : RejectionReason.Syntax, timeout.Token).ConfigureAwait(false);
    }

    public LatencySummary? EngineDurations()
    {
        var histogram = LatencySummary.NewHistogram();
        foreach (var outcome in _proxy.Events.Outcomes.Where(o => o.Result == ReloadResult.Applied && o.ReloadReason.Kind != ReloadReasonKind.Startup))
        {
            histogram.RecordValue((long)outcome.Duration.TotalMicroseconds);
        }

        return LatencySummary.From(histogram);
    }

    public long? SwappedAfter(long writeTimestamp)
    {
        lock (_swaps)
        {
            foreach (var swap in _swaps)
            {
                if (swap >= writeTimestamp)
                {
                    return swap;
                }
            }
        }

        return null;
    }

    public HistoryReport Check(IReadOnlyList<RequestRecord> history, string finalVersion, long quietSince, IReadOnlyCollection<string> writtenVersions) =>
        HistoryChecker.Check(history, new HistoryExpectations
        {
            ValidGenerations = _proxy.Events.ServedGenerations(),
            FinalVersion = finalVersion,
            QuietSince = quietSince,
        });

    public ValueTask DisposeAsync()
    {
        _notifier.Reloaded -= OnReloaded;
        return _proxy.DisposeAsync();
    }

    private void OnReloaded(object? sender, ReloadOutcome outcome)
    {
        if (outcome.Result == ReloadResult.Applied)
        {
            // The engine's clock is the system's here, so its swap stamp is on LoadRecorder's scale.
            lock (_swaps)
            {
                _swaps.Add(outcome.SwappedAtTimestamp);
            }
        }
    }
}
