using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Draining;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// What the drain bound adds to every forwarded request: nothing without --drain-timeout (a null check), and a
/// registration on the route's cut-off signal (taken and disposed) with it.
/// </summary>
[MemoryDiagnoser]
public class DrainBenchmarks
{
    private readonly SnapshotHolder _holder = new();
    private readonly ReloadNotifier _notifier = new();
    private readonly HttpContext _context = new DefaultHttpContext();
    private ConfigSnapshot _snapshot = null!;
    private CompiledRoute _route = null!;
    private DrainBound _unbounded = null!;
    private DrainBound _bounded = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = SyntheticRoutes.Create(10, CompilerFixture.Upstream);
        _snapshot = CompilerFixture.Create().Compile(CompilerFixture.Validate(config), 1, "bench", DateTimeOffset.UnixEpoch, "bench", previous: null);
        _holder.Swap(_snapshot);
        _route = _snapshot.Routes.Entries[0].Value;
        _unbounded = new DrainBound(new DrainOptions(), _holder, _notifier, TimeProvider.System, null, NullLogger<DrainBound>.Instance);
        _bounded = new DrainBound(new DrainOptions { Bound = TimeSpan.FromSeconds(30) }, _holder, _notifier, TimeProvider.System, null, NullLogger<DrainBound>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _unbounded.Dispose();
        _bounded.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Drain: track a request, no bound (default)")]
    public bool Unbounded()
    {
        using var tracked = _unbounded.Track(_context, _route, _snapshot);
        return tracked is null;
    }

    [Benchmark(Description = "Drain: track + untrack a request, --drain-timeout set")]
    public bool Bounded()
    {
        using var tracked = _bounded.Track(_context, _route, _snapshot);
        return tracked!.WasCutOff;
    }
}
