using HotReloadProxy.Admin;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// The proxy hosted by WebApplicationFactory over TestServer: fast, no sockets. File watching, reloads
/// and forwarding to real upstreams are all real; only the listener is in memory. The admin client is
/// marked the way the admin listener marks its connections.
/// </summary>
public sealed class InMemoryProxy : IProxyUnderTest
{
    private readonly WebApplicationFactory<Program> _factory;

    private InMemoryProxy(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        Services = factory.Services;
        Logs = Services.GetRequiredService<FakeLogCollector>();
        Events = new ReloadEvents(Services.GetRequiredService<HotReloadProxy.Reload.ReloadNotifier>(), () => Services.GetRequiredService<SnapshotHolder>().Current?.Generation ?? 0);
    }

    public IServiceProvider Services { get; }

    public ReloadEvents Events { get; }

    public FakeLogCollector Logs { get; }

    public static InMemoryProxy Start(ProxySettings settings, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings.AsSettings())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
            builder.ConfigureServices(services =>
            {
                services.AddFakeLogging();
                configureServices?.Invoke(services);
            });
        });

        // Resolving Services starts the host: the initial config load happens here and throws if invalid.
        _ = factory.Server;
        return new InMemoryProxy(factory);
    }

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient CreateAdminClient()
    {
        var handler = _factory.Server.CreateHandler(context => context.Items[AdminConnection.MarkerKey] = true);
        return new HttpClient(handler) { BaseAddress = new Uri("http://admin.local/") };
    }

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
    }
}
