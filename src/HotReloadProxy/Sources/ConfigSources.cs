using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using HotReloadProxy.Sources.Directory;
using HotReloadProxy.Sources.Etcd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Sources;

/// <summary>Picks the config source the command line names (one file, a directory of fragments, or an etcd key) and its trigger.</summary>
internal static class ConfigSources
{
    public static IConfigFileSource Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<ProxyOptions>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        if (options.ConfigDirectory is { } directory)
        {
            return new DirectoryConfigSource(
                new DirectorySourceOptions { Directory = directory, Strict = options.Strict, DeleteGrace = options.DeleteGrace },
                time, loggers.CreateLogger<DirectoryConfigSource>());
        }

        if (options.EtcdEndpoints is { } endpoints)
        {
            return new EtcdConfigSource(EtcdSourceOptions.Parse(endpoints, options.EtcdKey!, options.EtcdMaxBackoff, options.EtcdStartupTimeout, options.EtcdKeepAlive),
                services.GetRequiredService<ReloadNotifier>(), time, loggers.CreateLogger<EtcdConfigSource>());
        }

        return new PhysicalConfigFileSource(options.ConfigPath);
    }

    /// <summary>Starts what tells the scheduler the source changed, when the source has its own; null for a single file.</summary>
    public static IDisposable? StartTrigger(IConfigFileSource source, ProxyOptions options, Action<ReloadReason> notify, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        switch (source)
        {
            case EtcdConfigSource etcd:
                etcd.StartWatching(notify);
                return etcd;
            case DirectoryConfigSource directory:
                directory.OnRecheckNeeded(notify);
                if (options.PollInterval is not null)
                {
                    // The file poller compares the directory's stamp (newest write, total size): works as-is.
                    return null;
                }

                var watcher = new DirectoryWatcher(directory.Path, notify, loggers.CreateLogger<DirectoryWatcher>());
                watcher.Start();
                return watcher;
            default:
                return null;
        }
    }
}
