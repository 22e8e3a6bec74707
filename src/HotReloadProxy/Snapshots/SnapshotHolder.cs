namespace HotReloadProxy.Snapshots;

/// <summary>
/// The one reference to the current snapshot. Readers never lock: they read the reference and take a
/// lease. The single writer (the reload engine) swaps it with one atomic exchange.
/// </summary>
internal sealed class SnapshotHolder
{
    private readonly LeaseTicket.Pool _tickets = new();
    private ConfigSnapshot? _current;

    // Replaced snapshots that still had leases when last looked at. Written only by the single writer (Swap);
    // read by /status and metrics without a lock, as an immutable array.
    private ConfigSnapshot[] _retired = [];

    public ConfigSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Leases the current snapshot. A failed attempt means a swap retired the snapshot between the read and
    /// the lease, so the loop makes progress with every writer that finishes; it cannot spin on one snapshot.
    /// </summary>
    internal bool TryAcquire(out SnapshotLease lease)
    {
        while (Volatile.Read(ref _current) is { } snapshot)
        {
            if (snapshot.TryAcquire())
            {
                lease = new SnapshotLease(snapshot, _tickets.Get());
                return true;
            }
        }

        lease = default;
        return false;
    }

    /// <summary>Requests still running on generations older than the current one. Cheap: no lock, no allocation.</summary>
    internal OlderGenerationLeases OlderGenerationLeases()
    {
        var generations = 0;
        var requests = 0;
        foreach (var snapshot in Volatile.Read(ref _retired))
        {
            var active = snapshot.IsReleased ? 0 : snapshot.ActiveLeases;
            if (active > 0)
            {
                generations++;
                requests += active;
            }
        }

        return new OlderGenerationLeases(generations, requests);
    }

    /// <summary>
    /// The replaced snapshots the holder still tracks (some may have been released since the last swap): what
    /// the drain bound looks through after a reload. The same immutable array /status reads, so no lock.
    /// </summary>
    internal IReadOnlyList<ConfigSnapshot> Replaced => Volatile.Read(ref _retired);

    /// <summary>Publishes <paramref name="next"/>, then retires the one it replaces.</summary>
    internal ConfigSnapshot? Swap(ConfigSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        previous?.Retire();
        TrackRetired(previous);
        return previous;
    }

    private void TrackRetired(ConfigSnapshot? previous)
    {
        var kept = new List<ConfigSnapshot>();
        foreach (var snapshot in _retired)
        {
            if (!snapshot.IsReleased)
            {
                kept.Add(snapshot);
            }
        }

        if (previous is not null && !previous.IsReleased)
        {
            kept.Add(previous);
        }

        Volatile.Write(ref _retired, kept.ToArray());
    }
}

/// <summary>How many older generations still serve requests, and how many requests that is.</summary>
internal readonly record struct OlderGenerationLeases(int Generations, int Requests);
