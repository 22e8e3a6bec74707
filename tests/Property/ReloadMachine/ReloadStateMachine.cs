using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using HotReloadProxy.Configuration;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>The reload engine and scheduler (actual: <see cref="EngineRig"/>) against <see cref="ReloadModel"/>.</summary>
internal sealed class ReloadStateMachine : Machine<EngineRig, ReloadModel>
{
    /// <summary>Mostly the default 20 ms window; sometimes a much shorter or longer one, as --reload-debounce sets.</summary>
    private static readonly TimeSpan[] QuietWindows = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(150)];

    public override Arbitrary<Setup<EngineRig, ReloadModel>> Setup =>
        Arb.From(Gen.Zip(Gen.Choose(0, int.MaxValue - 1), Gen.Elements(QuietWindows)).Select(p => (Setup<EngineRig, ReloadModel>)new RigSetup(p.Item1, p.Item2)));

    public override TearDown<EngineRig> TearDown => StateMachine.TearDown<EngineRig>(rig => rig.Dispose());

    public override Gen<Operation<EngineRig, ReloadModel>> Next(ReloadModel model) =>
        ReloadOperations.Next(model).Select(operation => (Operation<EngineRig, ReloadModel>)operation);

    /// <summary>A rig serving a generated valid config as generation 1.</summary>
    private sealed class RigSetup(int seed, TimeSpan quietWindow) : Setup<EngineRig, ReloadModel>
    {
        private readonly FileContent _initial = ReloadOperations.ValidContent(seed);

        public override EngineRig Actual() => new(_initial.Config!, quietWindow);

        public override ReloadModel Model() => ReloadModel.Start(_initial, quietWindow);

        public override string ToString() => $"rig serving {_initial}, quiet window {quietWindow.TotalMilliseconds} ms";
    }
}
