using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Http;

namespace HotReloadProxy.Draining;

/// <summary>
/// One forwarded request registered on its route's cut-off signal for as long as it runs (streamed body and
/// WebSocket tunnel included). Dispose it when the request ends; the registration goes with it.
/// </summary>
internal sealed class TrackedRequest : IDisposable
{
    private readonly DrainBound _owner;
    private readonly CancellationTokenRegistration _registration;
    private int _cutOff;

    internal TrackedRequest(DrainBound owner, HttpContext context, CompiledRoute route, long generation, long startedAt)
    {
        _owner = owner;
        Context = context;
        RouteId = route.Id;
        Generation = generation;
        StartedAt = startedAt;

        // Registering on a signal that already fired runs the callback here, at once: the bound has expired.
        _registration = route.Drain.Token.UnsafeRegister(static state => ((TrackedRequest)state!).CutOff(), this);
    }

    public HttpContext Context { get; }

    public string RouteId { get; }

    public long Generation { get; }

    /// <summary>From the injected TimeProvider's GetTimestamp, for how long the request ran when it was cut.</summary>
    public long StartedAt { get; }

    /// <summary>True when the drain bound ended this request (its forwarding error is then expected, not news).</summary>
    public bool WasCutOff => Volatile.Read(ref _cutOff) == 1;

    public void Dispose() => _registration.Dispose();

    private void CutOff()
    {
        if (Interlocked.Exchange(ref _cutOff, 1) == 0)
        {
            _owner.End(this);
        }
    }
}
