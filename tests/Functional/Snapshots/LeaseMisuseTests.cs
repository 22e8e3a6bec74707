using HotReload.Functional.Tests.Support;
using HotReloadProxy.Testing.Configs;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Snapshots;

/// <summary>A lease released twice cannot break the proxy; the proxy can count requests still on older generations.</summary>
public sealed class LeaseMisuseTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    [Requirement("AR-01")]
    public async Task A_lease_disposed_twice_leaves_the_proxy_serving_real_requests_and_reloading()
    {
        await using var upstream = await UpstreamServer.StartAsync("u1");
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.VersionedForward("v1", upstream.Address), ConfigScenario.NoFileTriggers);
        var (proxy, client) = (scenario.Proxy, scenario.Client);
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();

        Assert.True(holder.TryAcquire(out var lease));
        var copy = lease;
        lease.Dispose();
        copy.Dispose();
        lease.Dispose();

        var serving = holder.Current!;
        Assert.False(serving.IsReleased, "a misused lease released the serving snapshot");
        Assert.False(serving.Clusters["upstream"].Invoker.IsDisposed, "a misused lease disposed the serving cluster's invoker");
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri($"/echo/after-misuse-{i}", UriKind.Relative)).WaitAsync(RequestTimeout);
            Assert.True(response.IsSuccessStatusCode, $"a forwarded request after the misuse answered {(int)response.StatusCode}");
            Assert.Equal("1", response.Headers.GetValues("X-Config-Generation").Single());
        }

        // The snapshot still retires normally: a reload replaces it, and with no request on it, it is released at once.
        scenario.Write(TestConfigs.VersionedForward("v2", upstream.Address));
        var outcome = proxy.Services.GetRequiredService<ReloadScheduler>().ReloadNow(ReloadReason.Manual);
        Assert.Equal(ReloadResult.Applied, outcome.Result);
        Assert.True(serving.IsReleased, "the replaced snapshot was not released");
        await client.AssertServesVersionAsync("v2").WaitAsync(RequestTimeout);
        using var forwarded = await client.GetAsync(new Uri("/echo/after-reload", UriKind.Relative)).WaitAsync(RequestTimeout);
        Assert.True(forwarded.IsSuccessStatusCode);
        Assert.Equal("2", forwarded.Headers.GetValues("X-Config-Generation").Single());
    }

    [Fact]
    [Requirement("AR-05")]
    public async Task A_lease_released_twice_does_not_retire_a_replaced_generation_under_its_other_requests()
    {
        await using var upstream = await UpstreamServer.StartAsync("held");
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.VersionedForward("v1", upstream.Address), ConfigScenario.NoFileTriggers);
        var (proxy, client) = (scenario.Proxy, scenario.Client);
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();

        // A real request holds generation 1 at the upstream; a second lease on it is then misused.
        var arrived = upstream.NextHeldArrival();
        var held = client.GetAsync(new Uri("/echo/hold", UriKind.Relative));
        await arrived.WaitAsync(RequestTimeout);
        var first = holder.Current!;
        Assert.True(holder.TryAcquire(out var lease));
        var copy = lease;

        scenario.Write(TestConfigs.VersionedForward("v2", upstream.Address));
        Assert.Equal(ReloadResult.Applied, proxy.Services.GetRequiredService<ReloadScheduler>().ReloadNow(ReloadReason.Manual).Result);
        lease.Dispose();
        copy.Dispose();

        Assert.False(first.IsReleased, "a lease released twice retired generation 1 while a request still held it");
        Assert.False(first.Clusters["upstream"].Invoker.IsDisposed, "a lease released twice disposed the invoker of a request in flight");
        Assert.Equal(new OlderGenerationLeases(1, 1), holder.OlderGenerationLeases());

        upstream.ReleaseHeld();
        using (var response = await held.WaitAsync(RequestTimeout))
        {
            Assert.True(response.IsSuccessStatusCode, $"the held request answered {(int)response.StatusCode}");
            Assert.Equal("v1", response.Headers.GetValues(TestConfigs.VersionHeader).Single());
        }

        // The request's own lease ends as its response completes, which the client may see a moment earlier.
        await Eventually.TrueAsync(() => first.IsReleased, "generation 1 to be released after its last request", RequestTimeout);
    }

    [Fact]
    [Requirement("AR-03")]
    public async Task Requests_leased_to_older_generations_are_counted_until_they_finish()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var proxy = scenario.Proxy;
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();
        var scheduler = proxy.Services.GetRequiredService<ReloadScheduler>();

        Assert.True(holder.TryAcquire(out var onFirst));
        Assert.True(holder.TryAcquire(out var alsoOnFirst));
        Assert.Equal(new OlderGenerationLeases(0, 0), holder.OlderGenerationLeases());

        scenario.Write(TestConfigs.Versioned("v2"));
        Assert.Equal(ReloadResult.Applied, scheduler.ReloadNow(ReloadReason.Manual).Result);
        Assert.True(holder.TryAcquire(out var onSecond));
        scenario.Write(TestConfigs.Versioned("v3"));
        Assert.Equal(ReloadResult.Applied, scheduler.ReloadNow(ReloadReason.Manual).Result);

        Assert.Equal(new OlderGenerationLeases(Generations: 2, Requests: 3), holder.OlderGenerationLeases());
        onFirst.Dispose();
        Assert.Equal(new OlderGenerationLeases(2, 2), holder.OlderGenerationLeases());
        alsoOnFirst.Dispose();
        Assert.Equal(new OlderGenerationLeases(1, 1), holder.OlderGenerationLeases());
        onSecond.Dispose();
        Assert.Equal(new OlderGenerationLeases(0, 0), holder.OlderGenerationLeases());
    }
}
