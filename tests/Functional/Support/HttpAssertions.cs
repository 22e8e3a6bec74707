using System.Text.Json;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Functional.Tests.Support;

internal static class HttpAssertions
{
    /// <summary>GET /version must answer 200 with exactly this version in body and header.</summary>
    public static async Task AssertServesVersionAsync(this HttpClient client, string version)
    {
        using var response = await client.GetAsync("/version");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /version answered {(int)response.StatusCode}: {body}");
        Assert.Equal(version, body);
        Assert.Equal(version, response.Headers.GetValues(TestConfigs.VersionHeader).Single());
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
