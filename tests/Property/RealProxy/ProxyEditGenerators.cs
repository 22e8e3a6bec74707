using FsCheck;
using FsCheck.Fluent;

namespace HotReload.Property.Tests.RealProxy;

internal static class ProxyEditGenerators
{
    public const int MaxEdits = 20;

    /// <summary>Valid writes are the most common step, so sequences move through many generations between the faults.</summary>
    private static readonly Gen<ProxyEditKind> Kinds = Gen.Frequency(
        (5, Gen.Constant(ProxyEditKind.ValidAtomic)),
        (2, Gen.Constant(ProxyEditKind.ValidInPlace)),
        (2, Gen.Constant(ProxyEditKind.ValidDeleteThenRecreate)),
        (1, Gen.Constant(ProxyEditKind.UnknownCluster)),
        (1, Gen.Constant(ProxyEditKind.Truncated)),
        (1, Gen.Constant(ProxyEditKind.Garbage)),
        (1, Gen.Constant(ProxyEditKind.Empty)),
        (1, Gen.Constant(ProxyEditKind.Oversized)),
        (1, Gen.Constant(ProxyEditKind.Delete)),
        (1, Gen.Constant(ProxyEditKind.Touch)),
        (1, Gen.Constant(ProxyEditKind.RenameAwayAndBack)),
        (1, Gen.Constant(ProxyEditKind.ReplaceWithDirectory)));

    /// <summary>No pause half the time (bursts inside the quiet window), otherwise up to a few quiet windows.</summary>
    private static readonly Gen<int> Pauses = Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 60)));

    private static readonly Gen<ProxyEdit> Edits = Kinds.SelectMany(_ => Pauses, (kind, pause) => new ProxyEdit(kind, pause));

    public static Arbitrary<ProxyEdit[]> Sequences() =>
        Arb.From(
            Gen.Choose(1, MaxEdits).SelectMany(count => Gen.ArrayOf(Edits, count)),
            sequence => ArbMap.Default.ArbFor<ProxyEdit[]>().Shrinker(sequence).Where(s => s.Length > 0));
}
