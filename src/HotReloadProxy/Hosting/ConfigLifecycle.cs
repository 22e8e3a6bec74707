using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Makes the checked startup file generation 1 before the server starts, starts the reload triggers once the
/// server is up, and warms the reload pipeline in the background so the first reloads run optimised code.
/// </summary>
internal sealed class ConfigLifecycle(ReloadEngine engine, StartupConfig startup, ConfigTriggers triggers, ProxyEndpoints endpoints, PipelineWarmup warmup,
    ILogger<ConfigLifecycle> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _warmup = Task.CompletedTask;

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

    /// <summary>Completes when the background warm-up of the reload pipeline has ended (benchmarks wait for it).</summary>
    internal Task WarmUpFinished => _warmup;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        triggers.Start();
        _warmup = Task.Factory.StartNew(WarmUp, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (endpoints.PublicAddresses.Count > 0)
        {
            LogAccess.ListenersReady(logger, string.Join(", ", endpoints.PublicAddresses),
                endpoints.AdminAddresses.Count > 0 ? string.Join(", ", endpoints.AdminAddresses) : "(disabled)");
        }

        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        triggers.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _warmup.ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private void WarmUp()
    {
        try
        {
            var result = warmup.RunInRounds(PipelineWarmup.DefaultRounds, PipelineWarmup.DefaultPasses, PipelineWarmup.DefaultPause, _stopping.Token);
            LogAccess.PipelineWarmedUp(logger, result);
        }
#pragma warning disable CA1031 // A failed warm-up costs only speed; it must never stop the proxy.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogAccess.PipelineWarmupFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
