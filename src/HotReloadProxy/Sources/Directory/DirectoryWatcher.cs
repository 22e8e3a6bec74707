using HotReloadProxy.Reload;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Sources.Directory;

/// <summary>
/// Watches a config directory for fragment changes. Names that are not fragments (swap files, backups,
/// probe files) raise nothing, so an editor's save costs one reload pass, not five.
/// </summary>
internal sealed class DirectoryWatcher : IDisposable
{
    private readonly string _directory;
    private readonly Action<ReloadReason> _notify;
    private readonly ILogger _logger;
    private FileSystemWatcher? _watcher;

    public DirectoryWatcher(string directory, Action<ReloadReason> notify, ILogger logger)
    {
        _directory = directory;
        _notify = notify;
        _logger = logger;
    }

    public void Start()
    {
        var watcher = new FileSystemWatcher(_directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => OnChange(e.Name);
        watcher.Created += (_, e) => OnChange(e.Name);
        watcher.Deleted += (_, e) => OnChange(e.Name);
        watcher.Renamed += (_, e) =>
        {
            OnChange(e.OldName);
            OnChange(e.Name);
        };

        // A lost event (buffer overflow) is a missed change: re-read everything.
        watcher.Error += (_, e) =>
        {
            SourcesLog.DirectoryWatcherError(_logger, _directory, e.GetException().Message);
            _notify(new ReloadReason(ReloadReasonKind.WatcherRecovery, _directory));
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
        SourcesLog.DirectoryWatchStarted(_logger, _directory);
    }

    public void Dispose() => _watcher?.Dispose();

    private void OnChange(string? name)
    {
        if (FragmentNames.IsFragment(name))
        {
            _notify(new ReloadReason(ReloadReasonKind.FileEvent, name));
        }
    }
}
