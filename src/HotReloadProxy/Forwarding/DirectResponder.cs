using System.Text;
using HotReloadProxy.Configuration.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HotReloadProxy.Forwarding;

/// <summary>Answers a request from the route's <c>respond</c> block; the body is encoded once per snapshot.</summary>
internal sealed class DirectResponder
{
    private readonly int _status;
    private readonly KeyValuePair<string, StringValues>[] _headers;
    private readonly byte[] _body;
    private readonly ResponseHeaders _responseHeaders;

    public DirectResponder(DirectResponse respond, ResponseHeaders responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _status = respond.Status;
        _body = respond.Body is null ? [] : Encoding.UTF8.GetBytes(respond.Body);
        var headers = respond.Headers?.Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value)).ToList() ?? [];
        if (_body.Length > 0 && !headers.Exists(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Type", "text/plain; charset=utf-8"));
        }

        _headers = headers.ToArray();
        _responseHeaders = responseHeaders;
    }

    public Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = _status;
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        _responseHeaders.ApplyTo(response);
        response.ContentLength = _body.Length;
        return _body.Length == 0 || HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(_body, context.RequestAborted).AsTask();
    }
}
