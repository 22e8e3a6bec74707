using System.Globalization;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Snapshots;

/// <summary>
/// One generation of config, fully compiled and immutable. It is published by a single reference swap and
/// every request uses exactly one snapshot from start to end. Requests hold a lease; the holder holds one
/// too while the snapshot is current. When the count reaches zero the snapshot releases what it owns.
/// </summary>
public sealed class ConfigSnapshot
{
    private int _leases = 1;

    internal ConfigSnapshot(long generation, string sha256, DateTimeOffset loadedAt, string source, ProxyConfig config,
        RouteTable<CompiledRoute> routes, IReadOnlyDictionary<string, CompiledCluster> clusters)
    {
        Generation = generation;
        GenerationText = generation.ToString(CultureInfo.InvariantCulture);
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
    public bool IsReleased => Volatile.Read(ref _leases) == 0;

    /// <summary>Leases held now (requests, plus the holder's own while current); read for the metrics.</summary>
    internal int LeaseCount => Volatile.Read(ref _leases);

    internal bool TryAcquire()
    {
        // Lock-free: a snapshot whose count already reached zero is never revived; the caller re-reads
        // the current reference, which by then points at its successor.
        var current = Volatile.Read(ref _leases);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _leases, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            foreach (var cluster in Clusters.Values)
            {
                cluster.Invoker.Release();
            }
        }
    }
}
