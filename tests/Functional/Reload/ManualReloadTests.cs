using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Reload;

/// <summary>POST /reload on the admin listener reloads synchronously and answers the outcome.</summary>
public sealed class ManualReloadTests
{
    [Fact]
    [Requirement("MR-01", "OB-01")]
    public async Task Post_reload_answers_applied_unchanged_and_rejected()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var admin = proxy.CreateAdminClient();

        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());
        var applied = await PostReloadAsync(admin, expectedStatus: 200);
        Assert.Equal("applied", applied.GetProperty("outcome").GetString());
        Assert.Equal(2, applied.GetProperty("generation").GetInt64());
        Assert.Equal("manual", applied.GetProperty("trigger").GetString());
        await proxy.CreateClient().AssertServesVersionAsync("v2");

        var unchanged = await PostReloadAsync(admin, expectedStatus: 200);
        Assert.Equal("unchanged", unchanged.GetProperty("outcome").GetString());
        Assert.Equal(2, unchanged.GetProperty("generation").GetInt64());

        File.WriteAllText(path, "{ \"routes\": [ }");
        var rejected = await PostReloadAsync(admin, expectedStatus: 422);
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Equal(2, rejected.GetProperty("generation").GetInt64());
        var error = rejected.GetProperty("errors")[0];
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal(15, error.GetProperty("column").GetInt32()); // the "}" that cannot close an array
        Assert.StartsWith($"{path}:1:15: ", error.GetProperty("formatted").GetString(), StringComparison.Ordinal);
        await proxy.CreateClient().AssertServesVersionAsync("v2");

        var status = await admin.GetJsonAsync("/status");
        var counts = status.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("applied").GetInt64());
        Assert.Equal(1, counts.GetProperty("unchanged").GetInt64());
        Assert.Equal(1, counts.GetProperty("rejected").GetInt64());
        // The mode the proxy started in; the harness stopped its watcher afterwards.
        Assert.Equal("watch", status.GetProperty("mode").GetString());
    }

    private static async Task<JsonElement> PostReloadAsync(HttpClient admin, int expectedStatus)
    {
        using var response = await admin.PostAsync("/reload", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"POST /reload answered {(int)response.StatusCode}, expected {expectedStatus}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
