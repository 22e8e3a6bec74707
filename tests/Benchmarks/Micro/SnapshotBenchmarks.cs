using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Snapshots;

namespace HotReload.Benchmarks.Micro;

/// <summary>What every request pays to pin the current snapshot, and what publishing a new one costs.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private readonly SnapshotHolder _holder = new();
    private ConfigSnapshot _first = null!;
    private ConfigSnapshot _second = null!;
    private bool _firstIsNext;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = CompilerFixture.Create();
        var config = SyntheticRoutes.Create(10, CompilerFixture.Upstream);
        _first = compiler.Compile(config, 1, "bench", DateTimeOffset.UnixEpoch, "bench", previous: null);
        _second = compiler.Compile(config, 2, "bench", DateTimeOffset.UnixEpoch, "bench", _first);

        // Pin both with a lease of ours, so swapping back and forth never lets either reach zero and retire.
        _ = _first.TryAcquire();
        _ = _second.TryAcquire();
        _holder.Swap(_first);
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
    /// A freshly compiled snapshot arrives holding the holder's lease; the incoming one here gets it from
    /// TryAcquire, which costs the same one interlocked operation, then Swap publishes it and releases the old.
    /// </summary>
    [Benchmark(Description = "Swap (publish + release previous)")]
    public ConfigSnapshot? Swap()
    {
        var next = _firstIsNext ? _first : _second;
        _firstIsNext = !_firstIsNext;
        next.TryAcquire();
        return _holder.Swap(next);
    }
}
