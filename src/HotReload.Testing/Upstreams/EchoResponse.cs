using System.Text.Json;

namespace HotReload.Testing.Upstreams;

/// <summary>What <see cref="UpstreamServer"/> answers to an ordinary request: the request as it arrived after the proxy's transforms.</summary>
public sealed record EchoResponse(
    string Upstream,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static EchoResponse Parse(string json) =>
        JsonSerializer.Deserialize<EchoResponse>(json, JsonOptions) ?? throw new FormatException("The upstream echo was empty.");

    public static async Task<EchoResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(json);
    }

    /// <summary>A request header as the upstream received it, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
