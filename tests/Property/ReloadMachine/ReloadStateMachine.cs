using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using HotReload.Testing.Engine;
using HotReloadProxy.Configuration;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>The reload engine and scheduler (actual: <see cref="EngineRig"/>) against <see cref="ReloadModel"/>.</summary>
public sealed class ReloadStateMachine : Machine<EngineRig, ReloadModel>
{
    public override Arbitrary<Setup<EngineRig, ReloadModel>> Setup =>
        Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(seed => (Setup<EngineRig, ReloadModel>)new RigSetup(seed)));

    public override TearDown<EngineRig> TearDown => StateMachine.TearDown<EngineRig>(rig => rig.Dispose());

    public override Gen<Operation<EngineRig, ReloadModel>> Next(ReloadModel model) =>
        ReloadOperations.Next(model).Select(operation => (Operation<EngineRig, ReloadModel>)operation);

    /// <summary>A rig serving a generated valid config as generation 1.</summary>
    private sealed class RigSetup(int seed) : Setup<EngineRig, ReloadModel>
    {
        private readonly FileContent _initial = ReloadOperations.ValidContent(seed);

        public override EngineRig Actual() => new(_initial.Config!);

        public override ReloadModel Model() => ReloadModel.Start(_initial);

        public override string ToString() => $"rig serving {_initial}";
    }
}
