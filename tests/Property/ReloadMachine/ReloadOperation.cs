using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>
/// One generated operation: a short script of steps. The model replays it in <see cref="Run"/> while the
/// sequence is generated; the rig replays it in <see cref="Check"/>, which then compares the two.
/// Operations hold only immutable data, so FsCheck can replay and shrink sequences freely.
/// </summary>
internal sealed class ReloadOperation : Operation<EngineRig, ReloadModel>
{
    private readonly string _name;

    public ReloadOperation(string name, IReadOnlyList<EngineStep> steps, OperationKind kind = OperationKind.Plain)
    {
        _name = name;
        Steps = steps;
        Kind = kind;
    }

    public IReadOnlyList<EngineStep> Steps { get; }

    public OperationKind Kind { get; }

    public override ReloadModel Run(ReloadModel model) => model.After(Steps);

    public override FsCheck.Property Check(EngineRig actual, ReloadModel model)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var outcomesBefore = actual.Outcomes.Count;
        foreach (var step in Steps)
        {
            step.RunOn(actual);
        }

        ReloadPostconditions.Verify(actual, model, this, outcomesBefore);
        return Prop.ToProperty(true);
    }

    public override string ToString() => $"{_name}: {string.Join(", ", Steps)}";
}

/// <summary>Operations whose promise goes beyond agreeing with the model.</summary>
internal enum OperationKind
{
    Plain,

    /// <summary>Ends by advancing past every window, retry and the maximum delay (AT-04).</summary>
    Settles,

    /// <summary>Several writes, each with an event, less than a window apart, then settles (RC-01).</summary>
    Burst,
}
