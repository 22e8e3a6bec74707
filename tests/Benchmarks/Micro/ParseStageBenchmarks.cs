using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// The parse stage split into its own steps (line index, positioned JSON tree, binding to the model), to
/// show which one grows with the route count when the whole parse does.
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

    [Benchmark(Description = "JSON tree with positions")]
    public object ReadTree() => JsonTreeReader.Read(_bytes, _lines, out _);

    [Benchmark(Description = "bind to model + source map")]
    public object Bind() => ConfigBinder.Bind(_tree, new BindingContext());
}
