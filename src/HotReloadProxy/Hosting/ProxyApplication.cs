using HotReloadProxy.Admin;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Hosting;

/// <summary>Host wiring: services, listeners, and the one terminal handler that splits admin from public traffic.</summary>
public static class ProxyApplication
{
    public const string EnvironmentPrefix = "HOTRELOAD_";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);

        // Kestrel binds the addresses we hand it (public and admin); the host must not also bind "urls",
        // or it would warn about overriding them on every start.
        var endpoints = new ProxyEndpoints(ProxyOptions.Setting(builder.Configuration, "urls"), ProxyOptions.Setting(builder.Configuration, "admin-urls"));
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");

        // Per-request Information logs from the hosting layer cost throughput and bury reload events.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // YARP's forwarder logs two Information lines for every proxied request, and a Warning per failed
        // forward that says less than the proxy's own (which names the route and the destination).
        builder.Logging.AddFilter("Yarp", LogLevel.Error);

        AddProxy(builder.Services, endpoints);
        configure?.Invoke(builder);

        var app = builder.Build();
        var proxy = app.Services.GetRequiredService<ProxyRequestHandler>();
        var admin = app.Services.GetRequiredService<AdminRequestHandler>();
        app.Run(context => AdminConnection.IsAdmin(context) ? admin.HandleAsync(context) : proxy.HandleAsync(context));
        return app;
    }

    private static void AddProxy(IServiceCollection services, ProxyEndpoints endpoints)
    {
        services.AddSingleton(endpoints);
        services.AddSingleton(sp => ProxyOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInvokerFactory, SocketsInvokerFactory>();
        services.TryAddSingleton<IConfigFileSource>(Sources.ConfigSources.Create);
        services.AddSingleton(sp => new ForwardingOptions { EmitGenerationHeader = sp.GetRequiredService<ProxyOptions>().EmitGenerationHeader });
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton(_ => new ConfigValidator());
        services.AddSingleton<SnapshotCompiler>();
        services.AddSingleton<ReloadNotifier>();
        services.AddMetrics();
        services.AddSingleton<ReloadMetrics>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ProxyOptions>();
            return new ReloadEngineOptions
            {
                MaxConfigBytes = options.MaxConfigBytes,
                FallBackToEmbeddedDefault = !options.ConfigPathExplicit && options.IsFileSource,
                Mode = options.EtcdEndpoints is not null ? "etcd watch" : options.PollInterval is null ? "watch" : "poll",
            };
        });
        services.AddSingleton<ReloadEngine>();
        services.AddSingleton(sp => new ReloadSchedulerOptions { QuietWindow = sp.GetRequiredService<ProxyOptions>().QuietWindow });
        services.AddSingleton<ReloadScheduler>();
        services.AddSingleton<ConfigTriggers>();
        services.AddSingleton<ProxyRequestHandler>();
        services.AddSingleton<AdminRequestHandler>();
        services.AddHttpForwarder();
        services.AddHostedService<ConfigLifecycle>();
        services.AddOptions<KestrelServerOptions>().Configure<ReloadEngine, ProxyEndpoints>(KestrelListeners.Configure);
    }
}
