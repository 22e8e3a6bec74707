using HotReload.Testing.Files;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Reload;

public sealed class SignalReloadTests
{
    [Fact]
    [Requirement("MR-02")]
    public async Task Sighup_reloads_a_real_proxy_process_and_does_not_stop_it()
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());
        // Polling at an interval far beyond the test: nothing but the signal can cause the reload.
        await using var proxy = await ProxyProcess.StartAsync(new ProxySettings { ConfigPath = path, PollMilliseconds = 3_600_000 });

        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());
        await proxy.SignalAsync("HUP");
        var status = await proxy.WaitForStatusAsync(s => s.GetProperty("generation").GetInt64() == 2, "generation 2 after SIGHUP");

        Assert.Equal("signal", status.GetProperty("lastAttempt").GetProperty("trigger").GetString());
        using var client = new HttpClient { BaseAddress = proxy.PublicAddress };
        Assert.Equal("v2", await client.GetStringAsync("/version"));
        Assert.Contains("SIGHUP received", proxy.Output, StringComparison.Ordinal);
    }
}
