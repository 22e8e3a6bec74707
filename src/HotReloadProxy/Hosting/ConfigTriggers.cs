using HotReloadProxy.Reload;
using HotReloadProxy.Reload.Triggers;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>Owns the thin edges that feed the scheduler: the directory watcher or the poller, and SIGHUP.</summary>
public sealed class ConfigTriggers(ReloadScheduler scheduler, IConfigFileSource source, ProxyOptions options, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public ConfigFileWatcher? Watcher { get; private set; }

    public ConfigFilePoller? Poller { get; private set; }

    public void Start()
    {
        var logger = loggers.CreateLogger<ConfigTriggers>();
        if (Sources.ConfigSources.StartTrigger(source, options, scheduler.Notify, loggers) is { } sourceTrigger)
        {
            _owned.Add(sourceTrigger);
        }
        else if (options.PollInterval is { } interval)
        {
            Poller = new ConfigFilePoller(source, interval, time, scheduler.Notify);
            _owned.Add(Poller);
            Observability.LogAccess.WatchStarted(logger, source.Path, $"poll every {interval.TotalMilliseconds} ms");
        }
        else
        {
            Watcher = new ConfigFileWatcher(source.Path, scheduler.Notify, loggers.CreateLogger<ConfigFileWatcher>());
            _owned.Add(Watcher);
            Watcher.Start();
        }

        _owned.Add(new HangupSignalTrigger(scheduler.Notify, logger));
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }
}
