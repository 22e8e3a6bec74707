using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Loads generation 1 before anything else starts (so an invalid file stops startup with its errors),
/// and starts the reload triggers once the server is up.
/// </summary>
internal sealed class ConfigLifecycle(ReloadEngine engine, ConfigTriggers triggers, ProxyEndpoints endpoints, ILogger<ConfigLifecycle> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        engine.LoadInitial();
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
