namespace HotReloadProxy.Snapshots;

/// <summary>
/// A request's hold on the snapshot it started with; disposing it lets a replaced snapshot retire. Only the
/// first release of a lease counts: its copies share one <see cref="LeaseTicket"/> issue, so a copy disposed
/// again (or a lease disposed twice) cannot end another request's hold on the same generation.
/// </summary>
internal readonly struct SnapshotLease : IDisposable
{
    private readonly LeaseTicket? _ticket;
    private readonly int _issue;

    internal SnapshotLease(ConfigSnapshot snapshot, LeaseTicket ticket)
    {
        Snapshot = snapshot;
        _ticket = ticket;
        _issue = ticket.Issue;
    }

    public ConfigSnapshot Snapshot { get; }

    public void Dispose()
    {
        if (_ticket is not null && _ticket.TryEnd(_issue))
        {
            Snapshot.Release();
        }
    }
}
