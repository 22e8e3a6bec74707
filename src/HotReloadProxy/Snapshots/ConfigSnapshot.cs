using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Snapshots;

/// <summary>
/// One generation of config, fully compiled and immutable. It is published by a single reference swap and
/// every request uses exactly one snapshot from start to end. Its lifetime has two halves that never
/// depend on each other's counting: the holder retires it (once, when a successor is published), and
/// requests lease it. What it owns is released exactly once, when it is retired and its last lease ended.
/// While it is current nothing a lease does can release it, so a lease released twice by mistake cannot
/// take down the generation that is serving.
/// </summary>
internal sealed class ConfigSnapshot
{
    private int _leases;
    private int _retired;
    private int _released;

    internal ConfigSnapshot(long generation, string generationText, string sha256, DateTimeOffset loadedAt, string source, ProxyConfig config,
        RouteTable<CompiledRoute> routes, IReadOnlyDictionary<string, CompiledCluster> clusters)
    {
        Generation = generation;
        GenerationText = generationText;
        Sha256 = sha256;
        LoadedAt = loadedAt;
        Source = source;
        Config = config;
        Routes = routes;
        Clusters = clusters;
    }

    public long Generation { get; }

    /// <summary>Pre-formatted for the generation response header, to keep formatting off the hot path.</summary>
    public string GenerationText { get; }

    /// <summary>Lower-case hex SHA-256 of the file bytes this snapshot was compiled from.</summary>
    public string Sha256 { get; }

    public DateTimeOffset LoadedAt { get; }

    public string Source { get; }

    public ProxyConfig Config { get; }

    public RouteTable<CompiledRoute> Routes { get; }

    public IReadOnlyDictionary<string, CompiledCluster> Clusters { get; }

    /// <summary>True once the snapshot was replaced and its last request finished.</summary>
    public bool IsReleased => Volatile.Read(ref _released) == 1;

    /// <summary>True once a successor was published.</summary>
    internal bool IsRetired => Volatile.Read(ref _retired) == 1;

    /// <summary>Requests holding a lease right now (never negative, even after a misused lease).</summary>
    internal int ActiveLeases => Math.Max(0, Volatile.Read(ref _leases));

    /// <summary>
    /// One interlocked increment, then a look at the retired flag. A reader that lost the race with a swap
    /// backs out and reports failure; the caller re-reads the holder, which by then points at the successor,
    /// because the holder publishes the successor before it retires this one.
    /// </summary>
    internal bool TryAcquire()
    {
        Interlocked.Increment(ref _leases);
        if (Volatile.Read(ref _retired) == 0)
        {
            return true;
        }

        Release();
        return false;
    }

    internal void Release()
    {
        var after = Interlocked.Decrement(ref _leases);
        if (after < 0)
        {
            // More releases than acquisitions: a lease was released twice. Undo it rather than let the count
            // run ahead of the requests that are really in flight.
            Interlocked.Increment(ref _leases);
            return;
        }

        if (after == 0 && Volatile.Read(ref _retired) == 1)
        {
            ReleaseOwned();
        }
    }

    /// <summary>Called once by the holder after the successor is published.</summary>
    internal void Retire()
    {
        // Exchange is a full fence: either a concurrent TryAcquire sees the flag and backs out, or this sees
        // its lease in the count and the lease's own release retires the snapshot later.
        if (Interlocked.Exchange(ref _retired, 1) == 0 && Volatile.Read(ref _leases) <= 0)
        {
            ReleaseOwned();
        }
    }

    private void ReleaseOwned()
    {
        // Both the last lease and Retire may get here; only the first one releases.
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        foreach (var cluster in Clusters.Values)
        {
            cluster.Invoker.Release();
        }
    }
}
