using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Observability;

namespace HotReloadProxy.Reload;

/// <summary>A one-line description of a route for debug logs, with secret-looking header values redacted.</summary>
internal static class RouteDescription
{
    public static string Describe(RouteConfig route)
    {
        var target = route.Cluster is not null ? $"cluster {route.Cluster}" : $"respond {route.Respond?.Status}";
        var parts = new List<string> { $"path {route.Match.Path}", target };
        if (route.Transforms?.RequestHeaders is { Count: > 0 } requestHeaders)
        {
            parts.Add("requestHeaders " + Headers(requestHeaders));
        }

        if (route.Transforms?.ResponseHeaders is { Count: > 0 } responseHeaders)
        {
            parts.Add("responseHeaders " + Headers(responseHeaders));
        }

        return string.Join(", ", parts);
    }

    private static string Headers(ValueMap<string> headers) =>
        "{" + string.Join(", ", headers.Select(h => $"{h.Key}: {SecretRedactor.Redact(h.Key, h.Value)}")) + "}";
}
