namespace HotReloadProxy.Reload;

internal enum ReloadReasonKind
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
internal sealed record ReloadReason(ReloadReasonKind Kind, string? Detail = null)
{
    public static ReloadReason Startup { get; } = new(ReloadReasonKind.Startup);

    public static ReloadReason Manual { get; } = new(ReloadReasonKind.Manual);

    public static ReloadReason Signal { get; } = new(ReloadReasonKind.Signal, "SIGHUP");

    /// <summary>Whether the scheduler waits for its quiet window before reading (see <see cref="ReloadUrgency"/>).</summary>
    public ReloadUrgency Urgency { get; init; } = ReloadUrgency.Coalesce;

    public string Name => Kind switch
    {
        ReloadReasonKind.FileEvent => "file-event",
        ReloadReasonKind.WatcherRecovery => "watcher-recovery",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public override string ToString() => Detail is null ? Name : $"{Name} ({Detail})";
}
