using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotReloadProxy.Admin;

/// <summary>
/// The admin endpoints built on ASP.NET Core's own parts: GET /healthz (liveness), GET /readyz
/// (readiness, through health checks) and GET /metrics (Prometheus). Each answers on the admin listener only.
/// </summary>
internal static class AdminEndpoints
{
    public const string ReadyTag = "ready";

    public static void AddHealthChecks(IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<ConfigReadinessCheck>(ConfigReadinessCheck.Name, tags: [ReadyTag]);

    public static void Map(IApplicationBuilder app)
    {
        app.UseWhen(AdminConnection.IsAdmin, admin =>
        {
            // Liveness runs no check: the process answers, so it is alive. Readiness is about the config.
            admin.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
            admin.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => AdminConnection.IsAdmin(context) && context.Request.Path == "/metrics");
    }

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString());
            writer.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                writer.WriteStartObject(name);
                writer.WriteString("status", entry.Status.ToString());
                if (entry.Description is { } description)
                {
                    writer.WriteString("description", description);
                }

                foreach (var (key, value) in entry.Data)
                {
                    if (value is long number)
                    {
                        writer.WriteNumber(key, number);
                    }
                    else
                    {
                        writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
