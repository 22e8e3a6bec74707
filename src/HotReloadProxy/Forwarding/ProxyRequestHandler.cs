using System.Text.Json;
using HotReloadProxy.Observability;
using HotReloadProxy.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace HotReloadProxy.Forwarding;

/// <summary>
/// The public request path. It reads the current snapshot once, holds a lease on it until the response
/// (streamed body, WebSocket tunnel) is complete, and takes route, cluster, transforms and timeout from
/// that one snapshot only.
/// </summary>
internal sealed class ProxyRequestHandler(SnapshotHolder snapshots, IHttpForwarder forwarder, ForwardingOptions options, ILogger<ProxyRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!snapshots.TryAcquire(out var lease))
        {
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "not_ready", "The proxy has no config loaded yet.", generation: null).ConfigureAwait(false);
            return;
        }

        using (lease)
        {
            var snapshot = lease.Snapshot;
            var request = context.Request;
            if (options.EmitGenerationHeader)
            {
                context.Response.Headers[ForwardingOptions.GenerationHeaderName] = snapshot.GenerationText;
            }

            var entry = snapshot.Routes.Match(request.Method, request.Host.Host, request.Host.Port, request.Path.Value ?? "/");
            if (entry is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, "no_route", $"No route matches {request.Method} {request.Path}.", snapshot.Generation).ConfigureAwait(false);
                return;
            }

            var route = entry.Value;
            if (route.Respond is { } respond)
            {
                await respond.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            var cluster = route.Cluster!;
            var destination = cluster.PickDestination();
            var error = await forwarder.SendAsync(context, destination.Prefix, cluster.Invoker.Invoker, route.RequestConfig, route.Transformer).ConfigureAwait(false);
            if (error != ForwarderError.None && logger.IsEnabled(LogLevel.Warning))
            {
                var detail = context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message ?? error.ToString();
                Log.ForwardingFailed(logger, request.Method, request.Path.Value ?? "/", route.Id, destination.Prefix, $"{error}: {detail}");
            }
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, long? generation)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", code);
        writer.WriteString("message", message);
        if (generation is { } value)
        {
            writer.WriteNumber("generation", value);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
