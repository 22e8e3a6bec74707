using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReload.Core.Tests.Support;

namespace HotReload.Core.Tests.Reload;

/// <summary>The startup warm-up's sample and passes, without a proxy (tests/Functional checks it publishes nothing).</summary>
public sealed class PipelineWarmupRunTests
{
    [Fact]
    [Requirement("PF-03")]
    public void The_built_in_sample_has_every_kind_of_route_and_its_broken_variant_fails_with_a_position()
    {
        var valid = ConfigCheck.Run(new ConfigFileRead.Content(PipelineWarmup.ValidSample), new ConfigValidator(), ReloadEngineOptions.DefaultMaxConfigBytes);
        Assert.True(valid.IsValid, string.Join("; ", valid.Errors.Select(e => e.Format("sample"))));
        var routes = valid.Config!.Routes;
        Assert.Contains(routes, r => r.Match.Path.Contains("{**", StringComparison.Ordinal) && r.Match.Hosts is { Count: > 0 });
        Assert.Contains(routes, r => r.Match.Path.Contains("{id}", StringComparison.Ordinal) && r.Match.Methods is { Count: > 0 });
        Assert.Contains(routes, r => r.Respond is not null);
        Assert.Contains(routes, r => r.Transforms?.RequestHeaders is { Count: > 0 } && r.Transforms.ResponseHeaders is { Count: > 0 });
        Assert.All(valid.Config.Clusters, c => Assert.True(c.Value.Destinations.Count > 1));

        var broken = ConfigCheck.Run(new ConfigFileRead.Content(PipelineWarmup.BrokenSample), new ConfigValidator(), ReloadEngineOptions.DefaultMaxConfigBytes);
        Assert.Equal(RejectionReason.Invalid, broken.Reason);
        Assert.True(broken.Errors[0].Position.Line > 1, broken.Errors[0].Format("sample"));
    }

    [Fact]
    [Requirement("PF-03")]
    public void A_run_makes_the_passes_asked_for_and_stops_when_cancelled()
    {
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), TimeProvider.System);

        var result = warmup.Run(5, CancellationToken.None);
        Assert.Equal(5, result.Passes);
        Assert.True(result.FirstPass > TimeSpan.Zero, "the first pass was not timed");
        Assert.True(result.LastPass > TimeSpan.Zero, "the last pass was not timed");
        Assert.True(result.Elapsed >= result.FirstPass + result.LastPass, $"elapsed {result.Elapsed} is less than its first and last passes");

        var cancelled = warmup.Run(5, new CancellationToken(canceled: true));
        Assert.Equal(0, cancelled.Passes);
        Assert.Equal(TimeSpan.Zero, cancelled.FirstPass);
        Assert.Throws<ArgumentOutOfRangeException>(() => warmup.Run(0, CancellationToken.None));
    }

    [Fact]
    [Requirement("PF-03")]
    public void Rounds_are_spaced_by_the_pause_on_the_injected_clock_with_none_before_the_first()
    {
        var clock = new PromptClock();
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), clock);

        var result = warmup.RunInRounds(3, 2, TimeSpan.FromSeconds(7), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], clock.DueTimes);
        Assert.Equal(3, result.Rounds);
        Assert.Equal(6, result.Passes);
        Assert.True(result.FirstPass > TimeSpan.Zero && result.LastPass > TimeSpan.Zero, $"passes not timed: first {result.FirstPass}, last {result.LastPass}");
        Assert.True(result.Elapsed >= result.FirstPass + result.LastPass, $"elapsed {result.Elapsed} does not add up the rounds' passes");
    }

    [Fact]
    [Requirement("PF-03")]
    public void Cancelling_during_a_pause_ends_the_warm_up_with_the_rounds_already_run()
    {
        using var stop = new CancellationTokenSource();
        var clock = new PromptClock { OnTimer = stop.Cancel };
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), clock);

        var result = warmup.RunInRounds(3, 2, TimeSpan.FromSeconds(7), stop.Token);

        Assert.Single(clock.DueTimes);
        Assert.Equal(1, result.Rounds);
        Assert.Equal(2, result.Passes);
    }

    [Fact]
    [Requirement("PF-03")]
    public void A_warm_up_cancelled_before_it_starts_runs_no_round_and_says_so()
    {
        var clock = new PromptClock();
        var warmup = new PipelineWarmup(new ConfigValidator(), new ForwardingOptions(), clock);

        var result = warmup.RunInRounds(3, 2, TimeSpan.FromSeconds(7), new CancellationToken(canceled: true));

        Assert.Empty(clock.DueTimes);
        Assert.Equal(0, result.Rounds);
        Assert.Equal(0, result.Passes);
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
        Assert.Throws<ArgumentOutOfRangeException>(() => warmup.RunInRounds(0, 2, TimeSpan.FromSeconds(7), CancellationToken.None));
    }
}
