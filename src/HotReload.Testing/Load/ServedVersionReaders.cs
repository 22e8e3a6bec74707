using System.Globalization;
using HotReload.Testing.Upstreams;

namespace HotReload.Testing.Load;

/// <summary>Ready-made <see cref="ServedVersionReader"/>s for common ways a service states its config.</summary>
public static class ServedVersionReaders
{
    /// <summary>
    /// The headers-and-echo convention: the generation in the <paramref name="generationHeader"/> response header,
    /// one copy of the version in the <paramref name="versionHeader"/> response header, and the other in the body:
    /// an <see cref="UpstreamServer"/> JSON echo's <paramref name="versionHeader"/> request header (what the service
    /// sent upstream), or else the whole body, trimmed (a service that answers with its version).
    /// </summary>
    /// <param name="generationHeader">The response header holding the generation number.</param>
    /// <param name="versionHeader">The header holding the version, on the response and on the echoed request.</param>
    /// <returns>The reader.</returns>
    public static ServedVersionReader HeadersAndEcho(string generationHeader, string versionHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(generationHeader);
        ArgumentException.ThrowIfNullOrEmpty(versionHeader);
        return (response, body) =>
        {
            ArgumentNullException.ThrowIfNull(response);
            ArgumentNullException.ThrowIfNull(body);
            var generation = long.TryParse(Header(response, generationHeader), CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
            return new ServedVersion(generation, Header(response, versionHeader), ContentVersion(response, body, versionHeader));
        };
    }

    /// <summary>A response header's value (several joined with commas), or null when absent.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The header name.</param>
    /// <returns>The value or null.</returns>
    public static string? Header(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }

    private static string? ContentVersion(HttpResponseMessage response, string body, string versionHeader)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                return EchoResponse.Parse(body).Header(versionHeader);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return body.Trim();
    }
}
