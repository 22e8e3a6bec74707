using HotReloadProxy.Observability;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Built-in meters of the .NET 10 shared framework (no instrumentation package needed).</summary>
    public static IReadOnlyList<string> BuiltInMeters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Net.NameResolution",
    ];

    public static void Add(IServiceCollection services)
    {
        // The SDK reads OTEL_SERVICE_NAME itself; a name set here would override it, so set one only without it.
        var telemetry = services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            telemetry.ConfigureResource(resource => resource.AddService("hotreload-proxy"));
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter([ReloadMetrics.MeterName, .. BuiltInMeters]);

            // A scrape must see the state after the reload that just happened, not a copy up to 300 ms old.
            metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
            {
                metrics.AddOtlpExporter();
            }
        });
    }
}
