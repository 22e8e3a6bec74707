namespace HotReloadProxy.Reload;

internal sealed record ReloadEngineOptions
{
    public const long DefaultMaxConfigBytes = 10 * 1024 * 1024;

    public long MaxConfigBytes { get; init; } = DefaultMaxConfigBytes;

    /// <summary>When the file is missing at startup, serve the embedded default instead of failing (no --config given).</summary>
    public bool FallBackToEmbeddedDefault { get; init; }

    /// <summary>"watch" or "poll", as /status reports it.</summary>
    public string Mode { get; init; } = "watch";
}
