using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Routing;
using HotReloadProxy.Snapshots;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// The per-request route match on a compiled snapshot's table. Each invocation looks up a fixed set of
/// paths spread over the whole table, so the figure is the mean of one lookup, not of the luckiest path.
/// </summary>
[MemoryDiagnoser]
public class RouteLookupBenchmarks
{
    private const int PathsPerInvocation = 64;
    private RouteTable<CompiledRoute> _table = null!;
    private string[] _hits = null!;
    private string[] _misses = null!;

    [Params(10, 100, 1_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var config = SyntheticRoutes.Create(Routes, CompilerFixture.Upstream);
        _table = CompilerFixture.Create().Compile(CompilerFixture.Validate(config), 1, "bench", DateTimeOffset.UnixEpoch, "bench", previous: null).Routes;
        _hits = Enumerable.Range(0, PathsPerInvocation).Select(i => SyntheticRoutes.PathFor(i * Routes / PathsPerInvocation)).ToArray();
        _misses = Enumerable.Range(0, PathsPerInvocation).Select(SyntheticRoutes.MissPath).ToArray();
        if (_hits.Any(p => _table.Match("GET", "localhost", 80, p) is null) || _misses.Any(p => _table.Match("GET", "localhost", 80, p) is not null))
        {
            throw new InvalidOperationException("Every hit path must match and no miss path may.");
        }
    }

    [Benchmark(OperationsPerInvoke = PathsPerInvocation, Description = "lookup hit")]
    public int Hit() => LookUp(_hits);

    [Benchmark(OperationsPerInvoke = PathsPerInvocation, Description = "lookup miss")]
    public int Miss() => LookUp(_misses);

    private int LookUp(string[] paths)
    {
        var found = 0;
        foreach (var path in paths)
        {
            if (_table.Match("GET", "localhost", 80, path) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
