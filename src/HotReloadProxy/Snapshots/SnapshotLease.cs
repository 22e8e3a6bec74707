namespace HotReloadProxy.Snapshots;

/// <summary>
/// A request's hold on the snapshot it started with; disposing it lets a replaced snapshot retire. Dispose
/// it once. Releasing it again (a disposed copy, say) cannot release the serving snapshot nor drive any
/// count below zero: see <see cref="ConfigSnapshot"/>.
/// </summary>
internal readonly struct SnapshotLease : IDisposable
{
    internal SnapshotLease(ConfigSnapshot snapshot) => Snapshot = snapshot;

    public ConfigSnapshot Snapshot { get; }

    public void Dispose() => Snapshot?.Release();
}
