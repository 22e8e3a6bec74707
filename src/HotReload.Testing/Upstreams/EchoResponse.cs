using System.Text.Json;

namespace HotReload.Testing.Upstreams;

/// <summary>What <see cref="UpstreamServer"/> answers to an ordinary request: the request as it arrived (after any proxy's transforms).</summary>
/// <param name="Upstream">The server's name.</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Query">The query string, with its '?', or empty.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The request body.</param>
public sealed record EchoResponse(
    string Upstream,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Reads an echo from its JSON.</summary>
    /// <param name="json">The response body.</param>
    /// <returns>The echo.</returns>
    public static EchoResponse Parse(string json) =>
        JsonSerializer.Deserialize<EchoResponse>(json, JsonOptions) ?? throw new FormatException("The upstream echo was empty.");

    /// <summary>Reads an echo from a response.</summary>
    /// <param name="response">The upstream's (or a proxy's) response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The echo.</returns>
    public static async Task<EchoResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(json);
    }

    /// <summary>A request header as the upstream received it, or null.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value or null.</returns>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
