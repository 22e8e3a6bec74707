namespace HotReloadProxy.Reload;

internal sealed record ReloadSchedulerOptions
{
    /// <summary>The default of <see cref="QuietWindow"/> and of --reload-debounce.</summary>
    public static readonly TimeSpan DefaultQuietWindow = TimeSpan.FromMilliseconds(10);

    /// <summary>How long the file must be quiet before it is read. Editors and kubelet emit several events per save.</summary>
    public TimeSpan QuietWindow { get; init; } = DefaultQuietWindow;

    /// <summary>How many times a file that looks mid-write is re-read, one quiet window apart, before it is rejected.</summary>
    public int WriteInProgressRetries { get; init; } = 3;

    /// <summary>A stream of events never postpones a reload by more than this (no starvation under constant writes).</summary>
    public TimeSpan MaxDelay => QuietWindow <= TimeSpan.Zero ? TimeSpan.Zero : QuietWindow * 10;
}
