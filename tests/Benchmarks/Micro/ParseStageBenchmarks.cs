using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// The parse stage split into its own steps (line index, JSON tree, binding to the model), to show which
/// one grows with the route count when the whole parse does; and the source map, which only an invalid
/// file builds.
/// </summary>
[MemoryDiagnoser]
public class ParseStageBenchmarks
{
    private byte[] _bytes = null!;
    private LineIndex _lines = null!;
    private JsonValue _tree = null!;

    [Params(100, 1_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ConfigJsonWriter.ToUtf8(SyntheticRoutes.Create(Routes, CompilerFixture.Upstream));
        _lines = new LineIndex(_bytes);
        _tree = JsonTreeReader.Read(_bytes, _lines, out var error);
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
    }

    [Benchmark(Description = "line index")]
    public object IndexLines() => new LineIndex(_bytes);

    [Benchmark(Description = "JSON tree")]
    public object ReadTree() => JsonTreeReader.Read(_bytes, _lines, out _);

    [Benchmark(Description = "bind to model")]
    public object Bind() => ConfigBinder.Bind(_tree, new BindingContext(_lines));

    /// <summary>What an invalid file pays on top: the source map is built on the first position asked for.</summary>
    [Benchmark(Description = "source map, built on the first error")]
    public (int Line, int Column) LocateFirstError()
    {
        // A tuple, not the proxy's (internal) SourcePosition: a benchmark method must be public, and boxing would add an allocation.
        var position = new SourceMap(_tree, new LineIndex(_bytes)).Locate("routes[1].match.path");
        return (position.Line, position.Column);
    }
}
