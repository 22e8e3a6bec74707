namespace HotReloadProxy.Draining;

/// <summary>--drain-timeout: how long a request on a route a reload changed or removed may keep running on its old snapshot.</summary>
internal sealed record DrainOptions
{
    /// <summary>Null (the default): no bound, such a request runs to its end on the snapshot it started with.</summary>
    public TimeSpan? Bound { get; init; }

    /// <summary>
    /// How long a WebSocket the bound ends may take to get its close frame (1001) and finish the close handshake
    /// before its connection is aborted: a slow client can hold the frame in progress, a client can ignore the close.
    /// </summary>
    public TimeSpan WebSocketCloseGrace { get; init; } = TimeSpan.FromSeconds(1);
}
