using HotReloadProxy.Admin;
using HotReloadProxy.Cli;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Draining;
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

/// <summary>
/// The startup sequence, in order: parse the command line strictly, check the config file (the first
/// load), build the host, and run (the engine takes the checked file as generation 1, then the listeners open).
/// </summary>
internal static class ProxyApplication
{
    public const string EnvironmentPrefix = "HOTRELOAD_";

    /// <summary>
    /// Builds the proxy host. Throws <see cref="ProxyOptionsException"/> for a bad command line and
    /// <see cref="ConfigLoadException"/> for a config file that cannot be used, before any host is built.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = CommandLineParser.Parse(args, KnownOptions.Run);
        if (commandLine.Positionals.Count > 0)
        {
            throw new ProxyOptionsException($"Unexpected argument '{commandLine.Positionals[0]}'. The only command is 'validate <path>'; options start with --, such as --config <path>.");
        }

        var hostArgs = commandLine.Options.Where(o => KnownOptions.IsHostSetting(o.Key)).Select(o => $"--{o.Key}={o.Value}").ToArray();
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);

        // Added last, so an option on the command line beats the same HOTRELOAD_* variable.
        builder.Configuration.AddInMemoryCollection(commandLine.Options
            .Where(o => !KnownOptions.IsHostSetting(o.Key))
            .Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)));
        var options = ProxyOptions.From(builder.Configuration);
        var startup = StartupConfig.Check(options);

        // Kestrel binds the addresses we hand it (public and admin); the host must not also bind "urls",
        // or it would warn about overriding them on every start.
        var endpoints = new ProxyEndpoints(ProxyOptions.Setting(builder.Configuration, "urls"), ProxyOptions.Setting(builder.Configuration, "admin-urls")) { Http2 = options.Http2 };
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");

        // Per-request Information logs from the hosting layer cost throughput and bury reload events.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // YARP's forwarder logs two Information lines for every proxied request, and a Warning per failed
        // forward that says less than the proxy's own (which names the route and the destination).
        builder.Logging.AddFilter("Yarp", LogLevel.Error);

        AddProxy(builder.Services, options, startup, endpoints);
        ProxyTelemetry.Add(builder.Services);
        AdminEndpoints.AddHealthChecks(builder.Services);
        configure?.Invoke(builder);

        var app = builder.Build();
        AdminEndpoints.Map(app);
        var proxy = app.Services.GetRequiredService<ProxyRequestHandler>();
        var admin = app.Services.GetRequiredService<AdminRequestHandler>();
        app.Run(context => AdminConnection.IsAdmin(context) ? admin.HandleAsync(context) : proxy.HandleAsync(context));
        return app;
    }

    private static void AddProxy(IServiceCollection services, ProxyOptions options, StartupConfig startup, ProxyEndpoints endpoints)
    {
        services.AddSingleton(endpoints);
        services.AddSingleton(options);
        services.AddSingleton(startup);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInvokerFactory, SocketsInvokerFactory>();
        services.TryAddSingleton<IConfigFileSource>(Sources.ConfigSources.Create);
        services.AddSingleton(new ForwardingOptions { EmitGenerationHeader = options.EmitGenerationHeader });
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton(_ => new ConfigValidator());
        services.AddSingleton<SnapshotCompiler>();
        services.AddSingleton<ReloadNotifier>();
        services.AddMetrics();
        services.AddSingleton<ReloadMetrics>();
        services.AddSingleton(new ReloadEngineOptions
        {
            MaxConfigBytes = options.MaxConfigBytes,
            FallBackToEmbeddedDefault = !options.ConfigPathExplicit && options.IsFileSource,
            Mode = options.EtcdEndpoints is not null ? "etcd watch" : options.PollInterval is null ? "watch" : "poll",
        });
        services.AddSingleton<ReloadEngine>();
        services.AddSingleton<PipelineWarmup>();
        services.AddSingleton(new ReloadSchedulerOptions { QuietWindow = options.QuietWindow });
        services.AddSingleton<ReloadScheduler>();
        services.AddSingleton<ConfigTriggers>();
        services.AddSingleton(new DrainOptions { Bound = options.DrainTimeout });
        services.AddSingleton<DrainBound>();
        services.AddSingleton<ProxyRequestHandler>();
        services.AddSingleton<AdminRequestHandler>();
        services.AddHttpForwarder();
        services.AddHostedService<ConfigLifecycle>();
        services.AddOptions<KestrelServerOptions>().Configure<StartupConfig, ProxyEndpoints>(KestrelListeners.Configure);
    }
}
