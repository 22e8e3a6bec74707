using System.Net.Http.Headers;
using HotReloadProxy.Configuration.Model;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace HotReloadProxy.Forwarding;

/// <summary>
/// The route's transforms on top of YARP's default header copying: path prefix removal and addition,
/// request headers, X-Forwarded-*, and response headers. Built once per route per snapshot.
/// </summary>
internal sealed class RouteTransformer : HttpTransformer
{
    private readonly PathString _removePrefix;
    private readonly PathString _addPrefix;
    private readonly KeyValuePair<string, string>[] _requestHeaders;
    private readonly ResponseHeaders _responseHeaders;
    private readonly string? _generation;

    /// <param name="generation">The generation of the snapshot this transformer is compiled into, sent back when the options ask for it.</param>
    public RouteTransformer(RouteTransforms? transforms, ResponseHeaders responseHeaders, ForwardingOptions options, string generation)
    {
        ArgumentNullException.ThrowIfNull(options);
        _removePrefix = transforms?.PathRemovePrefix is { } remove ? new PathString(remove) : PathString.Empty;
        _addPrefix = transforms?.PathPrefix is { } add ? new PathString(add) : PathString.Empty;
        _requestHeaders = transforms?.RequestHeaders?.ToArray() ?? [];
        _responseHeaders = responseHeaders;
        _generation = options.EmitGenerationHeader ? generation : null;
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);

        var request = httpContext.Request;
        var path = request.Path;
        if (_removePrefix.HasValue && path.StartsWithSegments(_removePrefix, StringComparison.OrdinalIgnoreCase, out var remainder))
        {
            path = remainder;
        }

        if (_addPrefix.HasValue)
        {
            path = _addPrefix.Add(path);
        }

        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, path, request.QueryString);

        foreach (var (name, value) in _requestHeaders)
        {
            SetHeader(proxyRequest, name, value);
        }

        var clientAddress = httpContext.Connection.RemoteIpAddress?.ToString();
        if (clientAddress is not null)
        {
            var prior = request.Headers["X-Forwarded-For"].ToString();
            SetHeader(proxyRequest, "X-Forwarded-For", prior.Length == 0 ? clientAddress : $"{prior}, {clientAddress}");
        }

        SetHeader(proxyRequest, "X-Forwarded-Proto", request.Scheme);
        if (request.Host.HasValue)
        {
            SetHeader(proxyRequest, "X-Forwarded-Host", request.Host.Value);
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        _responseHeaders.ApplyTo(httpContext.Response);
        if (_generation is not null)
        {
            // The upstream's copy of this header (if any) must not hide which generation answered.
            httpContext.Response.Headers[ForwardingOptions.GenerationHeaderName] = _generation;
        }

        return result;
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Content?.Headers.Remove(name);
        if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
        {
            request.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
