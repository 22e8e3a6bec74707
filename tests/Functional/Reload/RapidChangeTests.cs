using HotReloadProxy.Testing.Proxies;
using System.Diagnostics;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using Xunit.Abstractions;

namespace HotReload.Functional.Tests.Reload;

/// <summary>Real files, a real watcher and the real clock: bursts coalesce, and a change is served promptly.</summary>
public sealed class RapidChangeTests(ITestOutputHelper output)
{
    [Fact]
    [Requirement("RC-01", "AT-04")]
    public async Task A_burst_of_fifty_writes_ends_with_the_last_content_served_in_fewer_applies()
    {
        const int Writes = 50;
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v0"));
        var mark = scenario.Proxy.Events.Mark();

        for (var write = 1; write <= Writes; write++)
        {
            await scenario.Editor.ApplyAsync(new FileEdit.AtomicReplace(TestConfigs.Versioned($"v{write}").ToJson()));
        }

        // The last write's content is what must end up served, whichever reload picks it up.
        await scenario.Proxy.Events.WaitForAppliedContentAsync(File.ReadAllText(scenario.ConfigPath), $"the last write (v{Writes}) to be applied", mark);
        await scenario.Proxy.CreateClient().AssertServesVersionAsync($"v{Writes}");

        var applies = scenario.Proxy.Events.Since(mark).Count(o => o.Result == ReloadResult.Applied);
        output.WriteLine($"{Writes} writes, {applies} applies");
        Assert.InRange(applies, 1, Writes - 1);
        Assert.DoesNotContain(scenario.Proxy.Events.Since(mark), o => o.Result == ReloadResult.Rejected);
    }

    [Fact]
    [Requirement("HR-05")]
    public async Task A_change_is_served_well_within_a_second_of_the_write()
    {
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.Versioned("v1"));
        using var client = scenario.Proxy.CreateClient();
        await client.AssertServesVersionAsync("v1");

        var written = Stopwatch.StartNew();
        await scenario.Editor.ApplyAsync(new FileEdit.AtomicReplace(TestConfigs.Versioned("v2").ToJson()));
        string? served;
        do
        {
            // Requests back to back, as a client would see it: the latency is until the first response with the new version.
            using var response = await client.GetAsync("/version");
            served = await response.Content.ReadAsStringAsync();
        }
        while (served != "v2" && written.Elapsed < TimeSpan.FromSeconds(5));

        var latency = written.Elapsed;
        output.WriteLine($"write to first served response: {latency.TotalMilliseconds:0.0} ms");
        Assert.Equal("v2", served);
        Assert.True(latency < TimeSpan.FromSeconds(1), $"the change took {latency.TotalMilliseconds:0} ms to be served");
    }
}
