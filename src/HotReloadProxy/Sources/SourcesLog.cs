using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Sources;

/// <summary>Log events of the directory and etcd sources: ids 1200-1249 (1200-1219 directory, 1220-1249 etcd).</summary>
internal static partial class SourcesLog
{
    [LoggerMessage(EventId = 1200, EventName = "DirectoryWatchStarted", Level = LogLevel.Information,
        Message = "Watching config directory {Directory} for fragment changes (*.json; hidden and editor temp files ignored)")]
    public static partial void DirectoryWatchStarted(ILogger logger, string directory);

    [LoggerMessage(EventId = 1201, EventName = "FragmentNotApplied", Level = LogLevel.Warning,
        Message = "Config fragment {File} is not applied ({State}); the rest of the directory still applies. {Causes}")]
    public static partial void FragmentNotApplied(ILogger logger, string file, string state, string causes);

    [LoggerMessage(EventId = 1202, EventName = "FragmentDeletePending", Level = LogLevel.Information,
        Message = "Config fragment {File} was deleted; its routes keep serving and are removed if it stays deleted for {GraceMs} ms")]
    public static partial void FragmentDeletePending(ILogger logger, string file, double graceMs);

    [LoggerMessage(EventId = 1203, EventName = "FragmentRemoved", Level = LogLevel.Information,
        Message = "Config fragment {File} stayed deleted for the delete grace; its routes and clusters are removed")]
    public static partial void FragmentRemoved(ILogger logger, string file);

    [LoggerMessage(EventId = 1204, EventName = "DirectoryWatcherError", Level = LogLevel.Warning,
        Message = "The watcher on config directory {Directory} failed ({Error}); re-reading every fragment")]
    public static partial void DirectoryWatcherError(ILogger logger, string directory, string error);

    [LoggerMessage(EventId = 1220, EventName = "EtcdWatching", Level = LogLevel.Information,
        Message = "Watching etcd key {Key} at {Endpoint} from revision {Revision}")]
    public static partial void EtcdWatching(ILogger logger, string key, string endpoint, long revision);

    [LoggerMessage(EventId = 1221, EventName = "EtcdUnreachable", Level = LogLevel.Warning,
        Message = "etcd at {Endpoint} is unreachable ({Error}); the last good config keeps serving; reconnecting in {DelayMs:0} ms")]
    public static partial void EtcdUnreachable(ILogger logger, string endpoint, string error, double delayMs);

    [LoggerMessage(EventId = 1222, EventName = "EtcdValueSeen", Level = LogLevel.Debug,
        Message = "etcd key {Key} changed at mod_revision {ModRevision} ({Change})")]
    public static partial void EtcdValueSeen(ILogger logger, string key, long modRevision, string change);

    [LoggerMessage(EventId = 1223, EventName = "EtcdRevisionApplied", Level = LogLevel.Information,
        Message = "etcd key {Key} mod_revision {ModRevision} applied as config generation {Generation} (sha256 {ShaPrefix})")]
    public static partial void EtcdRevisionApplied(ILogger logger, string key, long modRevision, long generation, string shaPrefix);

    [LoggerMessage(EventId = 1224, EventName = "EtcdRevisionRejected", Level = LogLevel.Warning,
        Message = "etcd key {Key} mod_revision {ModRevision} rejected; still serving generation {Generation} (from mod_revision {AppliedModRevision})")]
    public static partial void EtcdRevisionRejected(ILogger logger, string key, long modRevision, long generation, long appliedModRevision);

    [LoggerMessage(EventId = 1225, EventName = "EtcdCompacted", Level = LogLevel.Warning,
        Message = "etcd compacted the history of key {Key} past the watch's start revision {Revision} (compacted up to {CompactRevision}); reading the key again")]
    public static partial void EtcdCompacted(ILogger logger, string key, long revision, long compactRevision);
}
