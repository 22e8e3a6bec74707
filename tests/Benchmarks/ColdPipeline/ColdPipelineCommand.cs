using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using HotReload.Benchmarks.Cli;
using HotReload.Benchmarks.Micro;
using HotReload.Benchmarks.Shared;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.ColdPipeline;

/// <summary>
/// The reload pipeline as a running proxy meets it: in a fresh process, with code the JIT has not optimised
/// yet. Runs hash+parse+validate, compile and diff on the same config K times and prints each run's wall
/// time per stage, its process CPU time and the garbage collections it caused, so the report shows how
/// the cost falls as tiered compilation optimises the code, and which stage holds the cold cost. Run it
/// with DOTNET_TieredCompilation, DOTNET_TieredPGO or DOTNET_TC_QuickJitForLoops set to compare settings.
/// </summary>
internal static class ColdPipelineCommand
{
    public static int Run(CommandOptions options)
    {
        var routes = options.Int("routes", 1_000);
        var runs = options.Int("runs", 20);
        var warmupPasses = options.Int("warmup", 0);
        var warmupRounds = options.Int("warmup-rounds", PipelineWarmup.DefaultRounds);
        var warmupPause = TimeSpan.FromMilliseconds(options.Int("warmup-pause-ms", (int)PipelineWarmup.DefaultPause.TotalMilliseconds));
        options.RejectUnknown();

        var validator = new ConfigValidator();
        var compiler = CompilerFixture.Create();
        var bytes = ConfigJsonWriter.ToUtf8(SyntheticRoutes.Create(routes, CompilerFixture.Upstream));
        var snapshot = compiler.Compile(CompilerFixture.Validate(SyntheticRoutes.Create(routes, CompilerFixture.Upstream)), 1, "initial", DateTimeOffset.UnixEpoch, "cold", previous: null);
        var warmup = "none";
        if (warmupPasses > 0)
        {
            // What a starting proxy does in the background (PipelineWarmup), then time for the JIT's background
            // compiler to install the optimised code before the first measured run.
            var result = new PipelineWarmup(validator, new HotReloadProxy.Forwarding.ForwardingOptions(), TimeProvider.System)
                .RunInRounds(warmupRounds, warmupPasses, warmupPause, CancellationToken.None);
            Thread.Sleep(TimeSpan.FromSeconds(1));
            warmup = FormattableString.Invariant($"{result.Rounds} rounds of {warmupPasses} passes on the built-in sample ({warmupPause.TotalMilliseconds} ms apart), {Format.Ms(result.Elapsed.TotalMilliseconds)} ms of passes, then 1 s for the JIT");
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Cold pipeline, {routes:N0} routes, {runs} runs in one fresh process").AppendLine();
        text.AppendLine(ResultsFile.Environment() + $"; {Settings()}; warm-up: {warmup}").AppendLine();
        text.AppendLine("| run | total ms | check (hash+parse+validate) | compile | diff | process CPU ms | GCs (0/1/2) |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        var totals = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var check = ConfigCheck.Run(new ConfigFileRead.Content(bytes), validator, ReloadEngineOptions.DefaultMaxConfigBytes);
            var afterCheck = Stopwatch.GetTimestamp();
            var next = compiler.Compile(check.Valid!, run + 1, check.Sha256!, DateTimeOffset.UnixEpoch, "cold", snapshot);
            var afterCompile = Stopwatch.GetTimestamp();
            var diff = ConfigDiff.Compute(snapshot.Config, next.Config);
            var end = Stopwatch.GetTimestamp();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            snapshot.Retire();
            snapshot = next;
            GC.KeepAlive(diff);
            var total = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
            totals.Add(total);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run} | {Format.Ms(total)} | {Format.Ms(Ms(start, afterCheck))} | {Format.Ms(Ms(afterCheck, afterCompile))} | {Format.Ms(Ms(afterCompile, end))} | " +
                $"{Format.Ms(cpuMs)} | {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} |");
        }

        totals.Sort();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Median of the {runs} runs: {Format.Ms(totals[totals.Count / 2])} ms, fastest {Format.Ms(totals[0])} ms.");
        Console.WriteLine(text);
        ResultsFile.Write("cold-pipeline", text.ToString(), totals);
        return 0;
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static string Settings()
    {
        static string Env(string name) => Environment.GetEnvironmentVariable(name) ?? "default";
        return $"TieredCompilation {Env("DOTNET_TieredCompilation")}, TieredPGO {Env("DOTNET_TieredPGO")}, " +
               $"TC_QuickJitForLoops {Env("DOTNET_TC_QuickJitForLoops")}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}";
    }
}
