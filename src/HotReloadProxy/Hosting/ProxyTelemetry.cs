using HotReloadProxy.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace HotReloadProxy.Hosting;

/// <summary>
/// OpenTelemetry metrics: the proxy's own meter plus ASP.NET Core's, Kestrel's and HttpClient's built-in
/// meters, pulled by Prometheus from GET /metrics on the admin listener, and pushed over OTLP only when the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT variable names a collector.
/// </summary>
internal static class ProxyTelemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The name OpenTelemetry's hosting package gives its listener in the .NET metrics rules.</summary>
    private const string OpenTelemetryListener = "OpenTelemetry";

    /// <summary>Meters each host creates through its own IMeterFactory: ours, ASP.NET Core's and Kestrel's.</summary>
    public static IReadOnlyList<string> HostMeters { get; } =
    [
        ReloadMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    /// <summary>
    /// Process-wide meters of the runtime: HttpClient (the forwarder's upstream calls) and DNS. They are
    /// subscribed by name (AddMeter): they are shared by the whole process anyway, and the rules' listener
    /// can see one of their instruments published twice when an HttpClient (the OTLP exporter's) creates it
    /// while the host starts, which fails the start with a duplicate-key error.
    /// </summary>
    public static IReadOnlyList<string> ProcessMeters { get; } = ["System.Net.Http", "System.Net.NameResolution"];

    public static void Add(IServiceCollection services)
    {
        // Meters are chosen through the .NET metrics rules, not AddMeter: AddMeter subscribes by name alone,
        // so a host would also read the meters of every other proxy host in the process (embedders, tests)
        // and mix their reloads into its own numbers. The rules can ask for this host's meters only (Local).
        services.AddMetrics(rules =>
        {
            foreach (var meter in HostMeters)
            {
                rules.EnableMetrics(meter, instrumentName: null, OpenTelemetryListener, MeterScope.Local);
            }
        });

        // The SDK reads OTEL_SERVICE_NAME itself; a name set here would override it, so set one only without it.
        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            telemetry.ConfigureResource(resource => resource.AddService("hotreload-proxy"));
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter([.. ProcessMeters]);

            // A scrape must see the state after the reload that just happened, not a copy up to 300 ms old.
            metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
            {
                metrics.AddOtlpExporter();
            }
        });
    }
}
