using HotReloadProxy.Reload;
using HotReloadProxy.Reload.Triggers;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Owns the thin edges that feed the scheduler: the directory watcher or the poller, and SIGHUP. Each is an
/// <see cref="IReloadTrigger"/>: built here, started here in one loop, disposed here in one loop.
/// </summary>
internal sealed class ConfigTriggers(ReloadScheduler scheduler, IConfigFileSource source, ProxyOptions options, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly List<IReloadTrigger> _started = [];

    private IDisposable? _sourceTrigger;

    public ConfigFileWatcher? Watcher { get; private set; }

    public ConfigFilePoller? Poller { get; private set; }

    public IReadOnlyList<IReloadTrigger> Started => _started;

    public void Start()
    {
        var logger = loggers.CreateLogger<ConfigTriggers>();
        IReloadTrigger? fileTrigger = null;
        string? mode = null;

        // A config directory or an etcd key brings its own change feed; a plain file is watched or polled.
        _sourceTrigger = Sources.ConfigSources.StartTrigger(source, options, scheduler.Notify, loggers);
        if (_sourceTrigger is null && options.PollInterval is { } interval)
        {
            fileTrigger = Poller = new ConfigFilePoller(source, interval, time, scheduler.Notify);
            mode = $"poll every {interval.TotalMilliseconds} ms";
        }
        else if (_sourceTrigger is null)
        {
            fileTrigger = Watcher = new ConfigFileWatcher(source.Path, scheduler.Notify, loggers.CreateLogger<ConfigFileWatcher>());
            mode = "watch";
        }

        IReloadTrigger signal = new HangupSignalTrigger(scheduler.Notify, logger);
        foreach (var trigger in fileTrigger is null ? [signal] : new[] { fileTrigger, signal })
        {
            _started.Add(trigger);
            trigger.Start();
        }

        if (mode is not null)
        {
            Observability.LogAccess.WatchStarted(logger, source.Path, mode);
        }
    }

    public void Dispose()
    {
        foreach (var trigger in _started)
        {
            trigger.Dispose();
        }

        _started.Clear();
        _sourceTrigger?.Dispose();
        _sourceTrigger = null;
    }
}
