namespace HotReloadProxy.Snapshots;

/// <summary>A request's hold on the snapshot it started with; disposing it lets the snapshot retire.</summary>
public readonly struct SnapshotLease : IDisposable
{
    internal SnapshotLease(ConfigSnapshot snapshot) => Snapshot = snapshot;

    public ConfigSnapshot Snapshot { get; }

    public void Dispose() => Snapshot?.Release();
}
