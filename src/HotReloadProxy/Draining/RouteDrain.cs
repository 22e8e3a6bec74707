namespace HotReloadProxy.Draining;

/// <summary>
/// One compiled route's cut-off signal. Requests forwarded on the route register on it; a reload that
/// changes or removes the route schedules it once, and when the bound expires every request still
/// registered is ended. A route that no reload touches is never signalled, so its requests are never cut.
/// </summary>
internal sealed class RouteDrain
{
    // Created on the first registration: most routes of most snapshots never see one with the bound off,
    // and a snapshot of 10,000 routes should not allocate 10,000 token sources.
    private CancellationTokenSource? _cutOff;
    private int _scheduled;

    /// <summary>Cancelled when the bound after the reload that changed or removed this route expires.</summary>
    public CancellationToken Token => Source().Token;

    /// <summary>True once the cut-off has happened: a request registering now is ended at once.</summary>
    public bool IsCutOff => Volatile.Read(ref _cutOff)?.IsCancellationRequested == true;

    /// <summary>Claims the one schedule this route gets; false when an earlier reload already scheduled it.</summary>
    public bool TrySchedule() => Interlocked.Exchange(ref _scheduled, 1) == 0;

    /// <summary>Ends every request still registered (their callbacks run on this thread).</summary>
    public void CutOff() => Source().Cancel();

    private CancellationTokenSource Source()
    {
        if (Volatile.Read(ref _cutOff) is { } existing)
        {
            return existing;
        }

        var created = new CancellationTokenSource();
        var winner = Interlocked.CompareExchange(ref _cutOff, created, null);
        if (winner is null)
        {
            return created;
        }

        created.Dispose();
        return winner;
    }
}
