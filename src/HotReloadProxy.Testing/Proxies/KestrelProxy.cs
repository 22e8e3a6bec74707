using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using HotReload.Testing.Observing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// The proxy on real Kestrel, in this process, on loopback ephemeral ports (public and admin), for tests
/// about connections, concurrency and the admin listener's isolation.
/// </summary>
internal sealed class KestrelProxy : IInProcessProxy
{
    private readonly WebApplication _app;

    private KestrelProxy(WebApplication app)
    {
        _app = app;
        Services = app.Services;
        Logs = Services.GetRequiredService<FakeLogCollector>();
        Events = InProcessProxyExtensions.RecordEvents(Services);
        var endpoints = Services.GetRequiredService<ProxyEndpoints>();
        PublicAddress = endpoints.PublicAddresses[0];
        AdminAddress = endpoints.AdminAddresses[0];
    }

    public IServiceProvider Services { get; }

    public ReloadEvents Events { get; }

    IReloadObserver<ReloadOutcome> IProxyUnderTest.Events => Events;

    public FakeLogCollector Logs { get; }

    public Uri PublicAddress { get; }

    public Uri AdminAddress { get; }

    public static async Task<KestrelProxy> StartAsync(ProxySettings settings, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = settings.AsArgs().Concat(["--urls", "http://127.0.0.1:0", "--admin-urls", "http://127.0.0.1:0"]).ToArray();
        var app = ProxyApplication.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Services.AddFakeLogging();
            configureServices?.Invoke(builder.Services);
        });
        await app.StartAsync().ConfigureAwait(false);
        InProcessProxyExtensions.ApplyFileTriggers(app.Services, settings);
        return new KestrelProxy(app);
    }

    /// <summary>A client with its own connection pool; keep-alive connections are reused across requests.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = PublicAddress };

    public HttpClient CreateAdminClient() => new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = AdminAddress };

    public Task<long> GetGenerationAsync(CancellationToken cancellationToken = default) => Task.FromResult(this.Generation());

    public Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken = default) => Events.WaitForGenerationAsync(generation, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
