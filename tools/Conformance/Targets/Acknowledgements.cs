using System.Text.Json;
using HotReload.Conformance.Profiles;

namespace HotReload.Conformance.Targets;

/// <summary>Reads what the proxy says about its reloads: the applied generation and how many attempts it made.</summary>
internal sealed class Acknowledgements(AcknowledgeSpec spec, IReadOnlyDictionary<string, string> values, HttpClient http)
{
    private readonly string _url = Placeholders.Render(spec.Url, values);

    public async Task<(long Generation, long Attempts)?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(_url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var generation = Find(document.RootElement, spec.GenerationPath);
            var attempts = spec.AttemptPaths.Sum(p => Find(document.RootElement, p) ?? 0);
            return generation is { } g ? (g, attempts) : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return null;
        }
    }

    private static long? Find(JsonElement root, string dottedPath)
    {
        var current = root;
        foreach (var part in dottedPath.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Number && current.TryGetInt64(out var value) ? value : null;
    }
}
