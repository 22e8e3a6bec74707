using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Makes the checked startup file generation 1 before the server starts, and starts the reload triggers
/// once the server is up.
/// </summary>
internal sealed class ConfigLifecycle(ReloadEngine engine, StartupConfig startup, ConfigTriggers triggers, ProxyEndpoints endpoints, ILogger<ConfigLifecycle> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        LogAccess.ConfigPathResolved(logger, startup.Path, Environment.CurrentDirectory);
        var loaded = engine.LoadInitial();

        // The listeners were bound from the file as checked; a file edited in the instant between that check
        // and this load could name other addresses than the ones Kestrel is about to open.
        if (loaded.Config.Server != startup.Server)
        {
            throw new ConfigLoadException($"The config file {startup.Path} changed its \"server\" section while the proxy was starting. Start the proxy again.");
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        triggers.Start();
        if (endpoints.PublicAddresses.Count > 0)
        {
            LogAccess.ListenersReady(logger, string.Join(", ", endpoints.PublicAddresses),
                endpoints.AdminAddresses.Count > 0 ? string.Join(", ", endpoints.AdminAddresses) : "(disabled)");
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        triggers.Dispose();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
