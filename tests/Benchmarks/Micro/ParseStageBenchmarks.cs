using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// The parse stage split into its steps: binding the bytes to the model (the whole of a valid file's parse), and
/// what only an invalid file pays on top, the line index and the source map, built on the first position asked for.
/// </summary>
[MemoryDiagnoser]
public class ParseStageBenchmarks
{
    private byte[] _bytes = null!;

    [Params(100, 1_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ConfigJsonWriter.ToUtf8(SyntheticRoutes.Create(Routes, CompilerFixture.Upstream));
        ConfigBinder.Bind(_bytes, new BindingContext(new LineIndex(_bytes)), out var error);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
    }

    [Benchmark(Description = "bind to model")]
    public object Bind() => ConfigBinder.Bind(_bytes, new BindingContext(new LineIndex(_bytes)), out _);

    [Benchmark(Description = "line index, built on the first position")]
    public int IndexLines() => new LineIndex(_bytes).At(_bytes.Length - 1).Line;

    /// <summary>What an invalid file pays on top: the source map is built on the first position asked for.</summary>
    [Benchmark(Description = "source map, built on the first error")]
    public (int Line, int Column) LocateFirstError()
    {
        // A tuple, not the proxy's (internal) SourcePosition: a benchmark method must be public, and boxing would add an allocation.
        var position = new SourceMap(_bytes, new LineIndex(_bytes)).Locate("routes[1].match.path");
        return (position.Line, position.Column);
    }
}
