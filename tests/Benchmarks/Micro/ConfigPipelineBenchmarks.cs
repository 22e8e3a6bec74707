using BenchmarkDotNet.Attributes;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Micro;

/// <summary>
/// What one reload costs the engine once the file is read: hash + parse + validate (<see cref="ConfigCheck"/>)
/// then compile, for growing route counts. The single stages are measured beside the whole, so the report
/// shows which stage dominates.
/// </summary>
[MemoryDiagnoser]
public class ConfigPipelineBenchmarks
{
    private readonly ConfigValidator _validator = new();
    private SnapshotCompiler _compiler = null!;
    private byte[] _bytes = null!;
    private ParsedConfig _parsed = null!;
    private ConfigSnapshot _previous = null!;
    private ValidConfig _valid = null!;
    private long _generation = 1;

    [Params(10, 100, 1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compiler = CompilerFixture.Create();
        _bytes = ConfigJsonWriter.ToUtf8(SyntheticRoutes.Create(Routes, CompilerFixture.Upstream));
        _parsed = ConfigParser.Parse(_bytes);
        _valid = _parsed.Succeeded ? _validator.Validate(_parsed.Config, _parsed.Positions).Valid! : null!;
        if (_valid is null)
        {
            throw new InvalidOperationException("The synthetic config must be valid.");
        }

        // A reload compiles against the serving snapshot: unchanged clusters keep its invokers.
        _previous = _compiler.Compile(_valid, _generation, "setup", DateTimeOffset.UnixEpoch, "bench", previous: null);
    }

    [Benchmark(Baseline = true, Description = "hash+parse+validate+compile")]
    public object ParseValidateCompile()
    {
        var check = ConfigCheck.Run(new ConfigFileRead.Content(_bytes), _validator, ReloadEngineOptions.DefaultMaxConfigBytes);
        return CompileAndRetire(check.Valid!);
    }

    [Benchmark(Description = "sha256")]
    public string Hash() => ConfigCheck.HashOf(_bytes);

    [Benchmark(Description = "parse")]
    public object Parse() => ConfigParser.Parse(_bytes);

    [Benchmark(Description = "validate")]
    public int Validate() => _validator.Validate(_parsed.Config, _parsed.Positions).Errors.Count;

    [Benchmark(Description = "compile")]
    public object Compile() => CompileAndRetire(_valid);

    private ConfigSnapshot CompileAndRetire(ValidConfig config)
    {
        var next = _compiler.Compile(config, ++_generation, "bench", DateTimeOffset.UnixEpoch, "bench", _previous);

        // Give back the invoker references the new snapshot took, as retiring it after a swap would.
        next.Retire();
        return next;
    }
}
