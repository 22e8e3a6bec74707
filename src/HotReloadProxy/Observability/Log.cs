using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Observability;

/// <summary>
/// Every log event the proxy writes. Event ids are stable: dashboards and alerts may key on them, so an
/// id is never reused for a different meaning. Values are structured; header values are redacted first.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "ConfigLoaded", Level = LogLevel.Information,
        Message = "Config generation {Generation} loaded from {Source} (sha256 {ShaPrefix}): {RouteCount} routes, {ClusterCount} clusters")]
    public static partial void ConfigLoaded(ILogger logger, long generation, string source, string shaPrefix, int routeCount, int clusterCount);

    [LoggerMessage(EventId = 1001, EventName = "DefaultConfigInUse", Level = LogLevel.Information,
        Message = "No config file at {Path}; serving the embedded default config. Create that file (or pass --config) to configure routes; it is picked up without a restart.")]
    public static partial void DefaultConfigInUse(ILogger logger, string path);

    [LoggerMessage(EventId = 1010, EventName = "ReloadApplied", Level = LogLevel.Information,
        Message = "Config generation {Generation} applied (sha256 {ShaPrefix}): {Diff}, {DurationMs:0.0} ms")]
    public static partial void ReloadApplied(ILogger logger, long generation, string shaPrefix, string diff, double durationMs);

    [LoggerMessage(EventId = 1011, EventName = "ReloadRejected", Level = LogLevel.Warning,
        Message = "Config reload rejected ({Reason}); still serving generation {Generation}. {Causes}")]
    public static partial void ReloadRejected(ILogger logger, string reason, long generation, string causes);

    [LoggerMessage(EventId = 1012, EventName = "ReloadRejectedAgain", Level = LogLevel.Debug,
        Message = "Config reload rejected again for the same reason ({Reason}); still serving generation {Generation}")]
    public static partial void ReloadRejectedAgain(ILogger logger, string reason, long generation);

    [LoggerMessage(EventId = 1013, EventName = "ReloadUnchanged", Level = LogLevel.Debug,
        Message = "Config file {Source} is unchanged (sha256 {ShaPrefix}); generation {Generation} keeps serving")]
    public static partial void ReloadUnchanged(ILogger logger, string source, string shaPrefix, long generation);

    [LoggerMessage(EventId = 1014, EventName = "ReloadDeferred", Level = LogLevel.Debug,
        Message = "Config file {Source} is not usable yet ({Reason}); retrying in {DelayMs} ms in case a write is in progress")]
    public static partial void ReloadDeferred(ILogger logger, string source, string reason, double delayMs);

    [LoggerMessage(EventId = 1015, EventName = "RouteChanged", Level = LogLevel.Debug,
        Message = "Route {RouteId} {Change}: {Details}")]
    public static partial void RouteChanged(ILogger logger, string routeId, string change, string details);

    [LoggerMessage(EventId = 1016, EventName = "ReloadTriggered", Level = LogLevel.Debug,
        Message = "Reload triggered by {Trigger}")]
    public static partial void ReloadTriggered(ILogger logger, string trigger);

    [LoggerMessage(EventId = 1020, EventName = "WatchStarted", Level = LogLevel.Information,
        Message = "Watching {Path} for changes ({Mode})")]
    public static partial void WatchStarted(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 1021, EventName = "WatcherFailed", Level = LogLevel.Warning,
        Message = "The file watcher on {Directory} failed ({Error}); re-reading the config and restarting the watcher")]
    public static partial void WatcherFailed(ILogger logger, string directory, string error);

    [LoggerMessage(EventId = 1450, EventName = "WatcherArmed", Level = LogLevel.Debug,
        Message = "File watchers created on {Directory} and on its parent {Parent} (after a start, an error or the directory being replaced)")]
    public static partial void WatcherArmed(ILogger logger, string directory, string parent);

    [LoggerMessage(EventId = 1022, EventName = "WatchedDirectoryMissing", Level = LogLevel.Warning,
        Message = "The config directory {Directory} does not exist; the last good config keeps serving and the proxy watches for the directory to come back")]
    public static partial void WatchedDirectoryMissing(ILogger logger, string directory);

    [LoggerMessage(EventId = 1023, EventName = "SignalReload", Level = LogLevel.Information,
        Message = "SIGHUP received; reloading the config")]
    public static partial void SignalReload(ILogger logger);

    [LoggerMessage(EventId = 1024, EventName = "ReloadFailedUnexpectedly", Level = LogLevel.Error,
        Message = "A reload failed unexpectedly; the last good config keeps serving and the next change triggers a new attempt")]
    public static partial void ReloadFailedUnexpectedly(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1025, EventName = "SignalIgnored", Level = LogLevel.Warning,
        Message = "SIGHUP is ignored by this process (it was started under nohup or with SIGHUP ignored), so kill -HUP will not reload. Start it with 'env --default-signal=HUP' or reload with POST /reload on the admin listener")]
    public static partial void SignalIgnored(ILogger logger);

    [LoggerMessage(EventId = 1030, EventName = "ForwardingFailed", Level = LogLevel.Warning,
        Message = "Forwarding {Method} {Path} on route {RouteId} to {Destination} failed: {Error}")]
    public static partial void ForwardingFailed(ILogger logger, string method, string path, string routeId, string destination, string error);

    [LoggerMessage(EventId = 1040, EventName = "ListenersReady", Level = LogLevel.Information,
        Message = "Proxy listening on {PublicUrls}; admin endpoints on {AdminUrls}")]
    public static partial void ListenersReady(ILogger logger, string publicUrls, string adminUrls);

    [LoggerMessage(EventId = 1100, EventName = "ConfigPathResolved", Level = LogLevel.Information,
        Message = "Config file {Path} (relative paths resolve against the working directory {WorkingDirectory})")]
    public static partial void ConfigPathResolved(ILogger logger, string path, string workingDirectory);

    [LoggerMessage(EventId = 1350, EventName = "RequestEndedByDrainBound", Level = LogLevel.Information,
        Message = "Ended a {Kind} on route {RouteId} of generation {Generation} after {RanMs:0} ms: a reload changed or removed the route more than the drain bound ({BoundMs:0} ms, --drain-timeout) ago")]
    public static partial void RequestEndedByDrainBound(ILogger logger, string kind, string routeId, long generation, double ranMs, double boundMs);

    [LoggerMessage(EventId = 1351, EventName = "DrainScheduled", Level = LogLevel.Debug,
        Message = "Generation {Generation} changed or removed {RouteCount} route(s) that still have requests on older generations; those requests end in {BoundMs:0} ms unless they finish first")]
    public static partial void DrainScheduled(ILogger logger, long generation, int routeCount, double boundMs);

    [LoggerMessage(EventId = 1352, EventName = "DrainCutOffFailed", Level = LogLevel.Error,
        Message = "Ending requests at the drain bound failed for some of them; the others were ended")]
    public static partial void DrainCutOffFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1353, EventName = "WebSocketCloseFailed", Level = LogLevel.Information,
        Message = "Could not send a WebSocket on route {RouteId} its close frame (1001) at the drain bound: {Reason}; ended it abruptly instead")]
    public static partial void WebSocketCloseFailed(ILogger logger, string routeId, string reason);
}
