using HotReload.Functional.Tests.Support;
using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Hosting;

public sealed class ReloadDebounceOptionTests
{
    [Fact]
    [Requirement("RC-03")]
    public void The_quiet_window_defaults_to_10_ms()
    {
        var options = ProxyOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(TimeSpan.FromMilliseconds(10), options.QuietWindow);
    }

    [Fact]
    [Requirement("RC-03")]
    public async Task Reload_debounce_sets_the_schedulers_quiet_window()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), settings => settings with { ReloadDebounceMilliseconds = 75 });

        var scheduler = scenario.Proxy.Services.GetRequiredService<ReloadScheduler>();

        Assert.Equal(TimeSpan.FromMilliseconds(75), scheduler.Options.QuietWindow);
    }
}
