using Microsoft.Extensions.ObjectPool;

namespace HotReloadProxy.Snapshots;

/// <summary>
/// The right to end one lease, once. A lease is a struct, so a request can hold copies of it; they carry the
/// same issue number, and only the first <see cref="TryEnd"/> for an issue succeeds. Tickets are pooled and
/// reissued under the next number, which keeps taking a lease free of allocation and makes a stale copy's
/// release a no-op even after its ticket serves another request.
/// </summary>
internal sealed class LeaseTicket
{
    private readonly Pool _pool;
    private int _issue;

    private LeaseTicket(Pool pool) => _pool = pool;

    /// <summary>The issue a lease taken now carries. Read only by the one request that got the ticket from the pool.</summary>
    public int Issue => Volatile.Read(ref _issue);

    /// <summary>Ends the lease of <paramref name="issue"/>; false when it was already ended (a second release).</summary>
    public bool TryEnd(int issue)
    {
        if (Interlocked.CompareExchange(ref _issue, unchecked(issue + 1), issue) != issue)
        {
            return false;
        }

        _pool.Return(this);
        return true;
    }

    /// <summary>
    /// Keeps enough tickets for the requests in flight on a busy proxy; beyond that, tickets are created and
    /// dropped. Lock-free, like the rest of the read path.
    /// </summary>
    internal sealed class Pool
    {
        private readonly DefaultObjectPool<LeaseTicket> _tickets;

        public Pool() => _tickets = new DefaultObjectPool<LeaseTicket>(new Policy(this), maximumRetained: 4096);

        public LeaseTicket Get() => _tickets.Get();

        internal void Return(LeaseTicket ticket) => _tickets.Return(ticket);

        private sealed class Policy(Pool owner) : PooledObjectPolicy<LeaseTicket>
        {
            public override LeaseTicket Create() => new(owner);

            public override bool Return(LeaseTicket obj) => true;
        }
    }
}
