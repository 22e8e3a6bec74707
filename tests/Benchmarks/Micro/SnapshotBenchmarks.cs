using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Snapshots;

namespace HotReload.Benchmarks.Micro;

/// <summary>What every request pays to pin the current snapshot, and what publishing a new one costs.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private static readonly IReadOnlyDictionary<string, CompiledCluster> NoClusters = new Dictionary<string, CompiledCluster>();
    private readonly SnapshotHolder _holder = new();
    private ConfigSnapshot _compiled = null!;
    private long _generation;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = CompilerFixture.Create();
        var config = SyntheticRoutes.Create(10, CompilerFixture.Upstream);
        _compiled = compiler.Compile(CompilerFixture.Validate(config), 1, "bench", DateTimeOffset.UnixEpoch, "bench", previous: null);
        _holder.Swap(_compiled);
    }

    [Benchmark(Description = "TryAcquire + release lease")]
    public long AcquireAndRelease()
    {
        _holder.TryAcquire(out var lease);
        using (lease)
        {
            return lease.Snapshot.Generation;
        }
    }

    /// <summary>
    /// A replaced snapshot is retired for good, so each swap publishes a new one. It shares the compiled route
    /// table and owns no clusters, so the figure is the swap plus constructing that small object.
    /// </summary>
    [Benchmark(Description = "Swap (construct + publish + retire previous)")]
    public object? Swap() =>
        _holder.Swap(new ConfigSnapshot(++_generation, "g", "bench", DateTimeOffset.UnixEpoch, "bench", _compiled.Config, _compiled.Routes, NoClusters));
}
