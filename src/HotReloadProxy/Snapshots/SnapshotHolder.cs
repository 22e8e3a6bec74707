namespace HotReloadProxy.Snapshots;

/// <summary>
/// The one reference to the current snapshot. Readers never lock: they read the reference and take a
/// lease. The single writer (the reload engine) swaps it with one atomic exchange.
/// </summary>
public sealed class SnapshotHolder
{
    private ConfigSnapshot? _current;

    public ConfigSnapshot? Current => Volatile.Read(ref _current);

    public bool TryAcquire(out SnapshotLease lease)
    {
        while (Volatile.Read(ref _current) is { } snapshot)
        {
            if (snapshot.TryAcquire())
            {
                lease = new SnapshotLease(snapshot);
                return true;
            }
        }

        lease = default;
        return false;
    }

    /// <summary>Publishes <paramref name="next"/> and gives up the holder's lease on the one it replaces.</summary>
    internal ConfigSnapshot? Swap(ConfigSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        previous?.Release();
        return previous;
    }
}
