using HotReloadProxy.Configuration.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HotReloadProxy.Forwarding;

/// <summary>The route's responseHeaders, pre-built once per snapshot and set on forwarded and direct answers alike.</summary>
internal sealed class ResponseHeaders
{
    private readonly KeyValuePair<string, StringValues>[] _headers;

    private ResponseHeaders(KeyValuePair<string, StringValues>[] headers) => _headers = headers;

    public static ResponseHeaders None { get; } = new([]);

    public static ResponseHeaders From(ValueMap<string>? headers) =>
        headers is null || headers.Count == 0
            ? None
            : new ResponseHeaders(headers.Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value)).ToArray());

    public void ApplyTo(HttpResponse response)
    {
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }
    }
}
