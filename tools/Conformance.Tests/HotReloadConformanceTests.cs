using HotReload.Conformance.Checking;
using HotReload.Conformance.Profiles;
using HotReload.Conformance.Running;
using HotReload.Conformance.Targets;
using HotReload.Conformance.Tests.Support;

namespace HotReload.Conformance.Tests;

/// <summary>
/// The quick matrix against HotReload itself, started as a real process from its shipped profile: every scenario
/// with 0 violations. The drain scenario runs on its own, so its failure names the drain bound the profile states
/// (--drain-timeout and drainBoundMs) and how long the removed route's stream really lasted.
/// </summary>
public sealed class HotReloadConformanceTests
{
    [Fact]
    [Requirement("CF-01", "CF-02", "CF-03", "CF-04", "CF-05", "CF-06", "CF-07", "CF-08", "CF-09", "CF-10", "CF-11")]
    public async Task HotReload_passes_every_scenario_of_the_quick_matrix()
    {
        var profile = ProfileLoader.Load(RepositoryPaths.Profile("hotreload-watch.json"));
        var dll = Path.Combine(RepositoryPaths.Root(), "src", "HotReloadProxy", "bin", "Debug", "net10.0", "HotReloadProxy.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution in Debug first (dotnet build HotReload.sln).");

        var run = await ConformanceRunner.RunAsync(profile, new ProcessLauncher(profile), new RunOptions { Quick = true, Scenarios = string.Join(",", ScenarioCatalogKeys) });

        var problems = run.Scenarios.Where(s => s.Outcome != ScenarioOutcome.Passed)
            .Select(s => $"{s.RequirementId} {s.Key}: {s.Outcome} {string.Join(", ", s.Counts.Select(c => $"{c.Value} {c.Key}"))}; " +
                $"{string.Join(" | ", s.FirstFindings.Take(3).Select(f => $"{f.Rule} at {f.AtMs} ms: {f.Detail}"))} {string.Join(" | ", s.Notes)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(ScenarioCatalogKeys, run.Scenarios.Select(s => s.Key));
    }

    [Fact]
    [Requirement("CF-12")]
    public async Task HotReload_ends_a_removed_routes_stream_within_the_drain_bound_its_profile_states()
    {
        var profile = ProfileLoader.Load(RepositoryPaths.Profile("hotreload-watch.json"));
        Assert.True(profile.DrainBoundMs is > 0, "hotreload-watch.json states no drainBoundMs; the scenario would only measure.");
        var dll = Path.Combine(RepositoryPaths.Root(), "src", "HotReloadProxy", "bin", "Debug", "net10.0", "HotReloadProxy.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution in Debug first (dotnet build HotReload.sln).");

        var run = await ConformanceRunner.RunAsync(profile, new ProcessLauncher(profile), new RunOptions { Quick = true, Scenarios = "drain" });

        var drain = Assert.Single(run.Scenarios);
        var detail = $"{drain.Outcome} {string.Join(", ", drain.Counts.Select(c => $"{c.Value} {c.Key}"))}; " +
            $"{string.Join(" | ", drain.FirstFindings.Select(f => $"{f.Rule} at {f.AtMs} ms: {f.Detail}"))} {string.Join(" | ", drain.Notes)}";
        Assert.True(drain.Outcome == ScenarioOutcome.Passed, detail);

        // The stream is four bounds long, so only a cut ends it within the bound: a pass that ran to its end is no proof.
        Assert.Contains(drain.Notes, n => n.Contains("was cut off", StringComparison.Ordinal));
    }

    private static readonly string[] ScenarioCatalogKeys =
    [
        "atomic-rename", "in-place-rewrite", "burst", "touch", "broken-then-fixed", "empty-file", "delete-recreate",
        "rename-away-back", "configmap-swap", "stream", "websocket",
    ];
}
