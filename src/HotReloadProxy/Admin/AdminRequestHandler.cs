using System.Text.Encodings.Web;
using System.Text.Json;
using HotReloadProxy.Reload;
using Microsoft.AspNetCore.Http;

namespace HotReloadProxy.Admin;

/// <summary>GET /status and POST /reload, served only to admin-listener connections (see also <see cref="AdminEndpoints"/>).</summary>
internal sealed class AdminRequestHandler(ReloadEngine engine, ReloadScheduler scheduler, IConfigFileSource source)
{
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        var method = context.Request.Method;
        return path switch
        {
            "/status" when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => StatusAsync(context),
            "/reload" when HttpMethods.IsPost(method) => ReloadAsync(context),
            "/status" or "/reload" => WriteAsync(context, StatusCodes.Status405MethodNotAllowed, w => WriteMessage(w, "method_not_allowed", $"{method} is not allowed on {path}.")),
            _ => WriteAsync(context, StatusCodes.Status404NotFound, w => WriteMessage(w, "not_found", "Admin endpoints: GET /status, POST /reload, GET /healthz, GET /readyz, GET /metrics.")),
        };
    }

    private Task StatusAsync(HttpContext context)
    {
        var status = engine.Status;
        return status is null
            ? WriteAsync(context, StatusCodes.Status503ServiceUnavailable, w => WriteMessage(w, "not_ready", "No config loaded yet."))
            : WriteAsync(context, StatusCodes.Status200OK, w => AdminJson.WriteStatus(w, status, source as Sources.IStatusSection));
    }

    private Task ReloadAsync(HttpContext context)
    {
        var outcome = scheduler.ReloadNow(ReloadReason.Manual);
        var status = outcome.Result == ReloadResult.Rejected ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return WriteAsync(context, status, w => AdminJson.WriteOutcome(w, outcome, engine.SourcePath));
    }

    private static void WriteMessage(Utf8JsonWriter writer, string code, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("error", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
