using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>A running proxy a test can talk to and observe, whichever way it is hosted.</summary>
public interface IProxyUnderTest : IAsyncDisposable
{
    IServiceProvider Services { get; }

    /// <summary>Every reload outcome since the proxy started.</summary>
    ReloadEvents Events { get; }

    /// <summary>Every log record the proxy wrote.</summary>
    FakeLogCollector Logs { get; }

    /// <summary>A client for the public listener (proxied traffic).</summary>
    HttpClient CreateClient();

    /// <summary>A client for the admin listener (/status, /reload, /healthz).</summary>
    HttpClient CreateAdminClient();
}

public static class ProxyUnderTestExtensions
{
    public static ReloadEngine Engine(this IProxyUnderTest proxy) => proxy.Services.GetRequiredService<ReloadEngine>();

    public static ConfigSnapshot CurrentSnapshot(this IProxyUnderTest proxy) =>
        proxy.Services.GetRequiredService<SnapshotHolder>().Current ?? throw new InvalidOperationException("No snapshot loaded.");

    public static long Generation(this IProxyUnderTest proxy) => proxy.CurrentSnapshot().Generation;
}
