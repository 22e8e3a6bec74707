using HotReloadProxy.Observability;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// Watches the config file's directory, not the file: editors save by rename, git deletes and recreates,
/// and ConfigMaps swap a symlink. A second watcher on the grandparent notices the directory itself being
/// removed and recreated. Any watcher error (including buffer overflow) re-arms both watchers and asks for
/// a full re-read, so the watcher never stops silently.
/// </summary>
internal sealed class ConfigFileWatcher : IReloadTrigger
{
    private const int BufferSize = 64 * 1024;
    private readonly string _path;
    private readonly string _directory;
    private readonly string _directoryName;
    private readonly string? _grandparent;
    private readonly Action<ReloadReason> _notify;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _directoryWatcher;
    private FileSystemWatcher? _parentWatcher;
    private IReadOnlySet<string> _names;
    private bool _disposed;

    public ConfigFileWatcher(string configPath, Action<ReloadReason> notify, ILogger logger)
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

    public void Start() => Arm(rearmParent: true);

    /// <summary>Treats an error the way a real watcher failure is treated: re-arm, then re-read.</summary>
    internal void SimulateError(Exception error) => OnError(this, new ErrorEventArgs(error));

    /// <param name="rearmParent">
    /// False when the parent watcher itself reported the directory being replaced: it still works, and
    /// disposing it from its own event would drop the events queued behind this one (a removal followed at
    /// once by the re-creation), leaving nothing to notice the new directory.
    /// </param>
    private void Arm(bool rearmParent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _directoryWatcher?.Dispose();
            _directoryWatcher = null;
            if (rearmParent || _parentWatcher is null)
            {
                _parentWatcher?.Dispose();
                _parentWatcher = null;
            }

            _names = WatchedNames.For(_path);

            if (Directory.Exists(_directory))
            {
                _directoryWatcher = Create(_directory, filter: null);
            }
            else
            {
                Log.WatchedDirectoryMissing(_logger, _directory);
            }

            if (_parentWatcher is null && _grandparent is not null && Directory.Exists(_grandparent))
            {
                _parentWatcher = Create(_grandparent, _directoryName);
            }

            Log.WatcherArmed(_logger, _directory, _grandparent ?? "(none)");
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

        _notify(new ReloadReason(ReloadReasonKind.FileEvent, $"{e.ChangeType} {e.Name}") { Urgency = UrgencyOf(e, names) });
    }

    /// <summary>
    /// A rename onto a watched name (a safe-write editor, kubelet's <c>..data</c> swap) puts a finished file in
    /// place in one step, so it needs no quiet window. Anything else, including a rename away from the name, may
    /// be one step of several (truncate then write, delete then create) and waits for the window.
    /// </summary>
    private static ReloadUrgency UrgencyOf(FileSystemEventArgs e, IReadOnlySet<string> names) =>
        e.ChangeType == WatcherChangeTypes.Renamed && e.Name is not null && names.Contains(e.Name)
            ? ReloadUrgency.Immediate
            : ReloadUrgency.Coalesce;

    private void OnDirectoryReplaced(object sender, FileSystemEventArgs e)
    {
        // The config directory itself was created, removed or renamed: the old directory watcher watches a
        // dead inode (or nothing), so build a new one, then read whatever is there now.
        Arm(rearmParent: false);
        _notify(new ReloadReason(ReloadReasonKind.WatcherRecovery, $"directory {e.ChangeType}"));
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        Log.WatcherFailed(_logger, _directory, e.GetException().Message);
        Arm(rearmParent: true);
        _notify(new ReloadReason(ReloadReasonKind.WatcherRecovery, e.GetException().GetType().Name));
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
