using HotReloadProxy.Draining.WebSockets;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HotReloadProxy.Draining;

/// <summary>
/// One forwarded request registered on its route's cut-off signal for as long as it runs (streamed body and
/// WebSocket tunnel included). Dispose it when the request ends; the registration goes with it.
/// </summary>
internal sealed class TrackedRequest : IDisposable
{
    // RFC 9113 section 7: "the stream is no longer needed".
    private const int Http2Cancel = 0x8;

    private readonly DrainBound _owner;
    private readonly CancellationTokenRegistration _registration;

    // Guards the context against being aborted after the request ended: Kestrel reuses a finished
    // HTTP/2 stream's context for the next stream of the connection.
    private readonly Lock _gate = new();
    private bool _ended;
    private bool _aborted;
    private ITimer? _closeGrace;
    private int _cutOff;

    internal TrackedRequest(DrainBound owner, HttpContext context, CompiledRoute route, long generation, long startedAt, byte[] closeFrame)
    {
        _owner = owner;
        Context = context;
        RouteId = route.Id;
        Generation = generation;
        StartedAt = startedAt;
        Tunnel = WebSocketTunnel.Install(context, closeFrame);

        // Registering on a signal that already fired runs the callback here, at once: the bound has expired.
        _registration = route.Drain.Token.UnsafeRegister(static state => ((TrackedRequest)state!).CutOff(), this);
    }

    public HttpContext Context { get; }

    public string RouteId { get; }

    public long Generation { get; }

    /// <summary>From the injected TimeProvider's GetTimestamp, for how long the request ran when it was cut.</summary>
    public long StartedAt { get; }

    /// <summary>The WebSocket this request tunnels, when it asked for one; its stream exists once the upgrade was accepted.</summary>
    public WebSocketTunnel? Tunnel { get; }

    /// <summary>True when the drain bound ended this request (its forwarding error is then expected, not news).</summary>
    public bool WasCutOff => Volatile.Read(ref _cutOff) == 1;

    /// <summary>
    /// Ends the request at once: an HTTP/2 stream is reset (CANCEL), leaving the connection's other streams alone;
    /// an HTTP/1.1 connection is aborted. False when the request had already ended or been ended this way.
    /// </summary>
    public bool EndAbruptly()
    {
        lock (_gate)
        {
            if (_ended || _aborted)
            {
                return false;
            }

            _aborted = true;
            if (Context.Features.Get<IHttpResetFeature>() is { } reset)
            {
                reset.Reset(Http2Cancel);
            }
            else
            {
                Context.Abort();
            }

            return true;
        }
    }

    /// <summary>Keeps the timer that ends a closing WebSocket abruptly, so it goes when the request ends.</summary>
    public void HoldCloseGrace(ITimer timer)
    {
        lock (_gate)
        {
            if (_ended)
            {
                timer.Dispose();
                return;
            }

            _closeGrace = timer;
        }
    }

    public void Dispose()
    {
        // Waits for a cut-off running on another thread, so nothing below races it.
        _registration.Dispose();
        lock (_gate)
        {
            _ended = true;
            _closeGrace?.Dispose();
        }
    }

    private void CutOff()
    {
        if (Interlocked.Exchange(ref _cutOff, 1) == 0)
        {
            _owner.End(this);
        }
    }
}
