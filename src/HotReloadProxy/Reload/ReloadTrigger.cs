namespace HotReloadProxy.Reload;

public enum ReloadTriggerKind
{
    Startup,
    FileEvent,
    Poll,
    Signal,
    Manual,
    WatcherRecovery,
    Retry,
}

/// <summary>Why a reload ran: shown in /status and the logs.</summary>
public sealed record ReloadTrigger(ReloadTriggerKind Kind, string? Detail = null)
{
    public static ReloadTrigger Startup { get; } = new(ReloadTriggerKind.Startup);

    public static ReloadTrigger Manual { get; } = new(ReloadTriggerKind.Manual);

    public static ReloadTrigger Signal { get; } = new(ReloadTriggerKind.Signal, "SIGHUP");

    /// <summary>Whether the scheduler waits for its quiet window before reading (see <see cref="ReloadUrgency"/>).</summary>
    public ReloadUrgency Urgency { get; init; } = ReloadUrgency.Coalesce;

    public string Name => Kind switch
    {
        ReloadTriggerKind.FileEvent => "file-event",
        ReloadTriggerKind.WatcherRecovery => "watcher-recovery",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public override string ToString() => Detail is null ? Name : $"{Name} ({Detail})";
}
