using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Reload;

public sealed class RestartRequiredTests
{
    [Fact]
    [Requirement("EH-04")]
    public async Task Changing_listener_addresses_is_rejected_whole_with_a_restart_message()
    {
        var initial = TestConfigs.Versioned("v1") with { Server = new ServerConfig { AdminUrls = "http://127.0.0.1:9901" } };
        await using var scenario = await ConfigScenario.InMemoryAsync(initial);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;

        // A route change and a listener change in the same write: nothing of it may apply.
        var changed = TestConfigs.Versioned("v2") with { Server = new ServerConfig { AdminUrls = "http://127.0.0.1:9911" } };
        var mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, changed.ToJson());
        var rejected = await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.RestartRequired);

        Assert.Contains("restart the proxy", Assert.Single(rejected.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("9911", rejected.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Generation());
        await proxy.CreateClient().AssertServesVersionAsync("v1");

        // Reverting the server section lets the route change through.
        mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, (changed with { Server = initial.Server }).ToJson());
        await proxy.Events.WaitForAppliedAsync(mark);
        await proxy.CreateClient().AssertServesVersionAsync("v2");
    }
}
