using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Reload;

/// <summary>Valid changes reach new requests without a restart, each as the next generation; identical content is a no-op.</summary>
public sealed class HotReloadTests
{
    [Fact]
    [Requirement("HR-01", "HR-02", "OB-04")]
    public async Task Routes_added_edited_and_removed_apply_as_successive_generations()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1", [TestConfigs.RespondRoute("greeting", "/greeting", "hello")]));
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var client = proxy.CreateClient();
        Assert.Equal("hello", await client.GetStringAsync("/greeting"));

        // Edit a direct response and add a route.
        var mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, TestConfigs.Versioned("v2", [TestConfigs.RespondRoute("greeting", "/greeting", "bonjour"), TestConfigs.RespondRoute("extra", "/extra", "new")]).ToJson());
        var applied = await proxy.Events.WaitForAppliedAsync(mark);
        Assert.Equal(2, applied.Generation);
        Assert.Equal(["extra"], applied.Diff!.RoutesAdded.Select(r => r.Id));
        Assert.Equal(["greeting", "version"], applied.Diff.RoutesChanged.Select(r => r.Id).Order());
        using (var response = await client.GetAsync("/greeting"))
        {
            Assert.Equal("bonjour", await response.Content.ReadAsStringAsync());
            Assert.Equal("2", response.Headers.GetValues("X-Config-Generation").Single());
        }

        Assert.Equal("new", await client.GetStringAsync("/extra"));

        // Remove a route.
        mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, TestConfigs.Versioned("v3", [TestConfigs.RespondRoute("greeting", "/greeting", "bonjour")]).ToJson());
        applied = await proxy.Events.WaitForAppliedAsync(mark);
        Assert.Equal(3, applied.Generation);
        Assert.Equal(["extra"], applied.Diff!.RoutesRemoved);
        using (var gone = await client.GetAsync("/extra"))
        {
            Assert.Equal(404, (int)gone.StatusCode);
            Assert.Equal("3", gone.Headers.GetValues("X-Config-Generation").Single());
        }

        await client.AssertServesVersionAsync("v3");
    }

    [Fact]
    [Requirement("HR-03", "CD-05", "LG-03")]
    public async Task Identical_bytes_and_a_touch_are_no_ops_without_a_new_generation()
    {
        var content = TestConfigs.Versioned("v1").ToJson();
        await using var scenario = await ConfigScenario.InMemoryAsync(content);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var startingLogs = proxy.Logs.GetSnapshot().Count;

        var mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, content);
        var unchanged = await proxy.Events.WaitForUnchangedAsync(mark);
        Assert.Equal(1, unchanged.Generation);

        mark = proxy.Events.Mark();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        await proxy.Events.WaitForUnchangedAsync(mark);

        Assert.Equal(1, proxy.Generation());
        Assert.DoesNotContain(proxy.Events.Outcomes, o => o.Result != ReloadResult.Unchanged);
        var newLogs = proxy.Logs.GetSnapshot().Skip(startingLogs).ToList();
        Assert.Contains(newLogs, r => r.Id.Id == 1013);
        Assert.All(newLogs, r => Assert.True(r.Level <= Microsoft.Extensions.Logging.LogLevel.Debug, $"{r.Level} {r.Id}: {r.Message}"));
    }

    [Fact]
    [Requirement("HR-01", "AT-01")]
    public async Task A_snapshot_carries_the_whole_config_it_was_compiled_from()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var before = proxy.CurrentSnapshot();

        var next = TestConfigs.Versioned("v2", [TestConfigs.RespondRoute("r", "/r", "x")]);
        var mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, next.ToJson());
        await proxy.Events.WaitForAppliedAsync(mark);
        var after = proxy.CurrentSnapshot();

        // The old snapshot is untouched by the reload: it still routes exactly as generation 1 did.
        Assert.Equal(1, before.Generation);
        Assert.Null(before.Routes.Match("GET", "localhost", null, "/r"));
        Assert.Equal(next, after.Config);
        Assert.NotNull(after.Routes.Match("GET", "localhost", null, "/r"));
        Assert.Equal(TestConfigs.Versioned("v1"), before.Config);
        Assert.IsType<ProxyConfig>(after.Config);
    }
}
