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

            // One table for every suite, so a filtered run still reads as one report; the console already
            // shows everything a log file would.
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
