using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;

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
}
