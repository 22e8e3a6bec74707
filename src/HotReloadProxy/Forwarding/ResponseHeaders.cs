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

    public static ResponseHeaders From(ValueMap<string>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return None;
        }

        var prebuilt = new KeyValuePair<string, StringValues>[headers.EntryCount];
        var i = 0;
        foreach (var (name, value) in headers)
        {
            prebuilt[i++] = new(name, value);
        }

        return new ResponseHeaders(prebuilt);
    }

    public void ApplyTo(HttpResponse response)
    {
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }
    }
}
