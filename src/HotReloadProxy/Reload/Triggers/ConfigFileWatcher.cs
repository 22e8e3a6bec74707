using HotReloadProxy.Observability;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// Watches the config file's directory, not the file: editors save by rename, git deletes and recreates,
/// and ConfigMaps swap a symlink. A second watcher on the grandparent notices the directory itself being
/// removed and recreated. Any watcher error (including buffer overflow) re-arms both watchers and asks for
/// a full re-read, so the watcher never stops silently.
/// </summary>
public sealed class ConfigFileWatcher : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly string _path;
    private readonly string _directory;
    private readonly string _directoryName;
    private readonly string? _grandparent;
    private readonly Action<ReloadTrigger> _notify;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _directoryWatcher;
    private FileSystemWatcher? _parentWatcher;
    private IReadOnlySet<string> _names;
    private bool _disposed;

    public ConfigFileWatcher(string configPath, Action<ReloadTrigger> notify, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        _path = Path.GetFullPath(configPath);
        _directory = Path.GetDirectoryName(_path)!;
        _directoryName = Path.GetFileName(_directory);
        _grandparent = Path.GetDirectoryName(_directory);
        _notify = notify;
        _logger = logger;
        _names = WatchedNames.For(_path);
    }

    /// <summary>How many times the watchers were (re)created; a test seam for the restart-on-error promise.</summary>
    internal int ArmCount { get; private set; }

    public void Start()
    {
        Arm();
        Log.WatchStarted(_logger, _path, "watch");
    }

    /// <summary>Treats an error the way a real watcher failure is treated: re-arm, then re-read.</summary>
    internal void SimulateError(Exception error) => OnError(this, new ErrorEventArgs(error));

    private void Arm()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            ArmCount++;
            _directoryWatcher?.Dispose();
            _parentWatcher?.Dispose();
            _directoryWatcher = null;
            _parentWatcher = null;
            _names = WatchedNames.For(_path);

            if (Directory.Exists(_directory))
            {
                _directoryWatcher = Create(_directory, filter: null);
            }
            else
            {
                Log.WatchedDirectoryMissing(_logger, _directory);
            }

            if (_grandparent is not null && Directory.Exists(_grandparent))
            {
                _parentWatcher = Create(_grandparent, _directoryName);
            }
        }
    }

    private FileSystemWatcher Create(string directory, string? filter)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            InternalBufferSize = BufferSize,
            // The parent only matters for the config directory's own name appearing, vanishing or moving. Asking
            // the kernel for just those events keeps a busy parent's file writes (say /tmp) off this process.
            NotifyFilter = filter is null
                ? NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite |
                  NotifyFilters.Size | NotifyFilters.CreationTime | NotifyFilters.Attributes | NotifyFilters.Security
                : NotifyFilters.FileName | NotifyFilters.DirectoryName,
        };
        if (filter is not null)
        {
            watcher.Filter = filter;
            watcher.Created += OnDirectoryReplaced;
            watcher.Deleted += OnDirectoryReplaced;
            watcher.Renamed += OnDirectoryReplaced;
        }
        else
        {
            watcher.Created += OnEntryChanged;
            watcher.Changed += OnEntryChanged;
            watcher.Deleted += OnEntryChanged;
            watcher.Renamed += OnEntryChanged;
        }

        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnEntryChanged(object sender, FileSystemEventArgs e)
    {
        var names = _names;
        var relevant = (e.Name is not null && names.Contains(e.Name)) ||
                       (e is RenamedEventArgs renamed && renamed.OldName is not null && names.Contains(renamed.OldName));
        if (!relevant)
        {
            return;
        }

        if (e.Name is not null && e.Name.StartsWith("..", StringComparison.Ordinal))
        {
            // A ConfigMap swap points the chain at a new timestamped directory: follow it.
            _names = WatchedNames.For(_path);
        }

        _notify(new ReloadTrigger(ReloadTriggerKind.FileEvent, $"{e.ChangeType} {e.Name}"));
    }

    private void OnDirectoryReplaced(object sender, FileSystemEventArgs e)
    {
        // The config directory itself was created, removed or renamed: the old directory watcher watches a
        // dead inode (or nothing), so build new watchers, then read whatever is there now.
        Arm();
        _notify(new ReloadTrigger(ReloadTriggerKind.WatcherRecovery, $"directory {e.ChangeType}"));
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        Log.WatcherFailed(_logger, _directory, e.GetException().Message);
        Arm();
        _notify(new ReloadTrigger(ReloadTriggerKind.WatcherRecovery, e.GetException().GetType().Name));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _directoryWatcher?.Dispose();
            _parentWatcher?.Dispose();
        }
    }
}
