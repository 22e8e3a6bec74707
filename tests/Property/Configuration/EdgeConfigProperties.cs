using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.Configuration;

/// <summary>Configs at the edge of what the docs allow are accepted whole and applied: validator and compiler agree.</summary>
public sealed class EdgeConfigProperties
{
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    [Requirement("CV-07", "CV-08", "HR-02")]
    public FsCheck.Property Legal_edge_values_are_accepted_and_applied_as_the_next_generation() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
        {
            var config = EdgeConfigs.Valid(seed);
            using var rig = new EngineRig(ConfigFaker.Valid(seed == 0 ? 1 : seed - 1));
            rig.File.Write(ConfigJsonWriter.ToUtf8(config));

            var outcome = rig.Scheduler.ReloadNow(ReloadTrigger.Manual);

            Assert.True(outcome.Result != ReloadResult.Rejected, $"edge config #{seed} rejected: {string.Join(" | ", outcome.Errors.Select(e => e.Format("edge")))}");
            Assert.Equal(config, rig.Current.Config);
            Assert.Equal(2, rig.Current.Generation);
        });
}
