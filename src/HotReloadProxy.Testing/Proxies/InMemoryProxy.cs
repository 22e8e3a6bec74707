using HotReloadProxy.Admin;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;
using Microsoft.AspNetCore.Connections.Features;
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
/// marked the way the admin listener marks its connections (a connection item, not a request item).
/// </summary>
internal sealed class InMemoryProxy : IInProcessProxy
{
    private readonly WebApplicationFactory<Program> _factory;

    private InMemoryProxy(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        Services = factory.Services;
        Logs = Services.GetRequiredService<FakeLogCollector>();
        Events = InProcessProxyExtensions.RecordEvents(Services);
    }

    public IServiceProvider Services { get; }

    public ReloadEvents Events { get; }

    IReloadObserver<ReloadOutcome> IProxyUnderTest.Events => Events;

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
        InProcessProxyExtensions.ApplyFileTriggers(factory.Services, settings);
        return new InMemoryProxy(factory);
    }

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient CreateAdminClient()
    {
        // TestServer has no connections; each admin request gets the connection item the admin listener sets.
        var handler = _factory.Server.CreateHandler(context =>
            context.Features.Set<IConnectionItemsFeature>(new AdminConnectionItems(new Dictionary<object, object?> { [AdminConnection.MarkerKey] = true })));
        return new HttpClient(handler) { BaseAddress = new Uri("http://admin.local/") };
    }

    public Task<long> GetGenerationAsync(CancellationToken cancellationToken = default) => Task.FromResult(this.Generation());

    public Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken = default) => Events.WaitForGenerationAsync(generation, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class AdminConnectionItems(IDictionary<object, object?> items) : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = items;
    }
}
