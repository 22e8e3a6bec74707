using HotReload.Testing.Files;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.RealProxy;

/// <summary>The kinds of file change a generated sequence is made of: valid writes done three ways, and everything a proxy must reject or survive.</summary>
internal enum ProxyEditKind
{
    ValidAtomic,
    ValidInPlace,
    ValidDeleteThenRecreate,
    UnknownCluster,
    Truncated,
    Garbage,
    Empty,
    Oversized,
    Delete,
    Touch,
    RenameAwayAndBack,
    ReplaceWithDirectory,
}

/// <summary>One generated step: what to do to the file, then how long to wait before the next step (0 makes bursts).</summary>
internal sealed record ProxyEdit(ProxyEditKind Kind, int PauseMilliseconds)
{
    public bool WritesValidContent => Kind is ProxyEditKind.ValidAtomic or ProxyEditKind.ValidInPlace or ProxyEditKind.ValidDeleteThenRecreate;

    /// <summary>Edits that only make sense while the file exists; on a missing file they are skipped.</summary>
    public bool NeedsExistingFile => Kind is ProxyEditKind.Touch or ProxyEditKind.RenameAwayAndBack or ProxyEditKind.Garbage;

    /// <summary>The file edit for this step; <paramref name="version"/> is unique to the step.</summary>
    public FileEdit ToFileEdit(string version, Uri upstream, int maxConfigBytes)
    {
        var valid = TestConfigs.VersionedForward(version, upstream).ToJson();
        return Kind switch
        {
            ProxyEditKind.ValidAtomic => new FileEdit.AtomicReplace(valid),
            ProxyEditKind.ValidInPlace => new FileEdit.InPlaceRewrite(valid, Chunks: 3, GapMilliseconds: 1),
            ProxyEditKind.ValidDeleteThenRecreate => new FileEdit.DeleteThenRecreate(valid, GapMilliseconds: 1),
            ProxyEditKind.UnknownCluster => new FileEdit.AtomicReplace(TestConfigs.UnknownClusterJson(version)),
            ProxyEditKind.Truncated => new FileEdit.AtomicReplace(TestConfigs.TruncatedJson(version)),
            ProxyEditKind.Garbage => new FileEdit.Append("\n}}garbage"),
            ProxyEditKind.Empty => new FileEdit.Empty(),
            ProxyEditKind.Oversized => new FileEdit.Oversized(valid, maxConfigBytes + 1),
            ProxyEditKind.Delete => new FileEdit.Delete(),
            ProxyEditKind.Touch => new FileEdit.Touch(),
            ProxyEditKind.RenameAwayAndBack => new FileEdit.RenameAwayAndBack(GapMilliseconds: 1),
            ProxyEditKind.ReplaceWithDirectory => new FileEdit.ReplaceWithDirectory(),
            _ => throw new ArgumentOutOfRangeException(nameof(version), Kind, "Unknown edit kind."),
        };
    }

    public override string ToString() => $"{Kind}+{PauseMilliseconds}ms";
}
