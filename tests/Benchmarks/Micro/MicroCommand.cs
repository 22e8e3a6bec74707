using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

using HotReload.Benchmarks.Shared;

namespace HotReload.Benchmarks.Micro;

/// <summary>Runs the BenchmarkDotNet suites; every argument goes to BenchmarkDotNet's switcher.</summary>
internal static class MicroCommand
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .WithArtifactsPath(Path.Combine(ArtifactsPaths.Root, "micro"))

            // The generated benchmark project builds inside this repo, so it inherits warnings-as-errors and
            // the analyzers; none of that is about the benchmarks' results.
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
