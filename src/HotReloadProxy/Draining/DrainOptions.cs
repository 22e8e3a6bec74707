namespace HotReloadProxy.Draining;

/// <summary>--drain-timeout: how long a request on a route a reload changed or removed may keep running on its old snapshot.</summary>
internal sealed record DrainOptions
{
    /// <summary>Null (the default): no bound, such a request runs to its end on the snapshot it started with.</summary>
    public TimeSpan? Bound { get; init; }
}
