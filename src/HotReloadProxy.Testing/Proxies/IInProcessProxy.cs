using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>A proxy hosted in the test's own process: besides what every proxy gives, its services and its logs.</summary>
internal interface IInProcessProxy : IProxyUnderTest
{
    /// <summary>The proxy's dependency-injection container.</summary>
    IServiceProvider Services { get; }

    /// <summary>Every reload outcome since the proxy started, pushed by its notifier (none is missed).</summary>
    new ReloadEvents Events { get; }

    /// <summary>Every log record the proxy wrote.</summary>
    FakeLogCollector Logs { get; }
}

/// <summary>Shortcuts into an in-process proxy's services.</summary>
internal static class InProcessProxyExtensions
{
    public static ReloadEngine Engine(this IInProcessProxy proxy) => proxy.Services.GetRequiredService<ReloadEngine>();

    public static ConfigSnapshot CurrentSnapshot(this IInProcessProxy proxy) =>
        proxy.Services.GetRequiredService<SnapshotHolder>().Current ?? throw new InvalidOperationException("No snapshot loaded.");

    public static long Generation(this IInProcessProxy proxy) => proxy.CurrentSnapshot().Generation;

    /// <summary>Stops the file triggers when the settings ask for none (<see cref="ProxySettings.FileTriggers"/>).</summary>
    internal static void ApplyFileTriggers(IServiceProvider services, ProxySettings settings)
    {
        if (!settings.FileTriggers)
        {
            var triggers = services.GetRequiredService<HotReloadProxy.Hosting.ConfigTriggers>();
            triggers.Watcher?.Dispose();
            triggers.Poller?.Dispose();
        }
    }

    internal static ReloadEvents RecordEvents(IServiceProvider services) =>
        new(services.GetRequiredService<ReloadNotifier>(), () => services.GetRequiredService<SnapshotHolder>().Current?.Generation ?? 0);
}
