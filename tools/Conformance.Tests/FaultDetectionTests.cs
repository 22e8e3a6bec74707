using HotReload.Conformance.Checking;
using HotReload.Conformance.Running;
using HotReload.Conformance.Tests.Support;

namespace HotReload.Conformance.Tests;

/// <summary>
/// A runner that calls a faulty target conformant is the worst bug this tool can have: each fault class runs
/// against a real in-process proxy that has exactly that fault, and must be reported under the scenario and rule it breaks.
/// </summary>
[Requirement("CF-13")]
public sealed class FaultDetectionTests
{
    [Theory]
    [Requirement("CF-14")]
    [InlineData(Fault.ServesOldAfterAcknowledging, "atomic-rename", Rules.StaleAfterAck)]
    [InlineData(Fault.DropsRoutesWhileDeleted, "delete-recreate", Rules.Failed)]
    [InlineData(Fault.MixesTwoVersions, "atomic-rename", Rules.Torn)]
    [InlineData(Fault.StopsWatchingAfterDelete, "delete-recreate", Rules.NotConverged)]
    [InlineData(Fault.SwapsBeforeValidating, "broken-then-fixed", Rules.RejectedGeneration)]
    public async Task Each_fault_is_reported_under_the_scenario_and_rule_it_breaks(Fault fault, string scenario, string rule)
    {
        var run = await ConformanceRunner.RunAsync(FaultyTargets.Profile(fault), FaultyTargets.Launcher(fault),
            new RunOptions { Scenarios = scenario, Quick = true, Clients = 4 });

        var result = Assert.Single(run.Scenarios);
        Assert.Equal(ScenarioOutcome.Violated, result.Outcome);
        Assert.True(result.Count(rule) > 0,
            $"{fault} should be reported as {rule} in {scenario}, but the counts were: {string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"))}; notes: {string.Join(" | ", result.Notes)}");
        Assert.False(run.Conformant);
    }

    [Fact]
    public async Task A_correct_target_passes_the_same_scenarios_so_the_faults_are_what_is_caught()
    {
        var run = await ConformanceRunner.RunAsync(FaultyTargets.Profile(Fault.None), FaultyTargets.Launcher(Fault.None),
            new RunOptions { Scenarios = "atomic-rename,delete-recreate,broken-then-fixed", Quick = true, Clients = 4 });

        Assert.All(run.Scenarios, s => Assert.True(s.Outcome == ScenarioOutcome.Passed,
            $"{s.Key}: {s.Outcome} {string.Join(", ", s.Counts.Select(c => $"{c.Value} {c.Key}"))} {string.Join(" | ", s.FirstFindings.Select(f => f.Detail))} {string.Join(" | ", s.Notes)}"));
        Assert.True(run.Conformant);
    }
}
