using System.Runtime.CompilerServices;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Snapshots;

/// <summary>What a replaced snapshot owns is released only after its last request, and nothing accumulates across reloads.</summary>
public sealed class SnapshotLifetimeTests
{
    [Fact]
    [Requirement("CM-04")]
    public async Task A_replaced_invoker_is_disposed_only_after_the_last_request_on_its_snapshot_finishes()
    {
        var invokers = new CountingInvokerFactory();
        await using var scenario = await ConfigScenario.InMemoryAsync(WithBackend("v1", port: 5001), ConfigScenario.NoFileTriggers, services: s => s.AddSingleton<IInvokerFactory>(invokers));
        var proxy = scenario.Proxy;
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();
        var scheduler = proxy.Services.GetRequiredService<ReloadScheduler>();

        // A request in flight on generation 1 holds its lease, as ProxyRequestHandler does.
        Assert.True(holder.TryAcquire(out var inFlight));
        var oldInvoker = inFlight.Snapshot.Clusters["backend"].Invoker;

        scenario.Write(WithBackend("v2", port: 5002));
        Assert.Equal(ReloadResult.Applied, scheduler.ReloadNow(ReloadReason.Manual).Result);

        Assert.Equal(2, holder.Current!.Generation);
        Assert.False(oldInvoker.IsDisposed, "the invoker was disposed under a request still using it");
        Assert.False(inFlight.Snapshot.IsReleased);
        Assert.Equal(0, invokers.Disposed);

        inFlight.Dispose();

        Assert.True(inFlight.Snapshot.IsReleased);
        Assert.True(oldInvoker.IsDisposed);
        Assert.Equal(1, invokers.Disposed);
        Assert.False(holder.Current.Clusters["backend"].Invoker.IsDisposed);
    }

    [Fact]
    [Requirement("CM-05")]
    public async Task An_unchanged_cluster_keeps_its_invoker_across_reloads()
    {
        var invokers = new CountingInvokerFactory();
        await using var scenario = await ConfigScenario.InMemoryAsync(WithBackend("v1", port: 5001), ConfigScenario.NoFileTriggers, services: s => s.AddSingleton<IInvokerFactory>(invokers));
        var proxy = scenario.Proxy;
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();
        var before = holder.Current!.Clusters["backend"].Invoker;

        scenario.Write(WithBackend("v2", port: 5001));
        Assert.Equal(ReloadResult.Applied, proxy.Services.GetRequiredService<ReloadScheduler>().ReloadNow(ReloadReason.Manual).Result);

        Assert.Same(before, holder.Current!.Clusters["backend"].Invoker);
        Assert.False(before.IsDisposed);
        Assert.Equal(1, invokers.Created);
    }

    [Fact]
    [Requirement("CM-04")]
    public async Task After_1000_reloads_replaced_snapshots_are_collectable_and_their_invokers_disposed()
    {
        const int Reloads = 1000;
        var invokers = new CountingInvokerFactory();
        await using var scenario = await ConfigScenario.InMemoryAsync(WithBackend("v0", port: 10_000), ConfigScenario.NoFileTriggers, services: s => s.AddSingleton<IInvokerFactory>(invokers));
        var proxy = scenario.Proxy;
        var holder = proxy.Services.GetRequiredService<SnapshotHolder>();
        var scheduler = proxy.Services.GetRequiredService<ReloadScheduler>();

        var replaced = ReloadManyTimes(scenario.ConfigPath, holder, scheduler, Reloads);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(Reloads + 1, holder.Current!.Generation);
        var alive = replaced.Count(w => w.TryGetTarget(out _));
        Assert.True(alive == 0, $"{alive} of {Reloads} replaced snapshots are still reachable");
        Assert.Equal(Reloads + 1, invokers.Created);
        Assert.Equal(Reloads, invokers.Disposed);
    }

    // Kept out of the async test method so no local of the state machine roots a snapshot.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<ConfigSnapshot>> ReloadManyTimes(string path, SnapshotHolder holder, ReloadScheduler scheduler, int count)
    {
        var replaced = new List<WeakReference<ConfigSnapshot>>(count);
        for (var i = 1; i <= count; i++)
        {
            replaced.Add(new WeakReference<ConfigSnapshot>(holder.Current!));
            File.WriteAllText(path, WithBackend($"v{i}", port: 10_000 + i).ToJson());
            var outcome = scheduler.ReloadNow(ReloadReason.Manual);
            Assert.Equal(ReloadResult.Applied, outcome.Result);
        }

        return replaced;
    }

    private static ProxyConfig WithBackend(string version, int port) => TestConfigs.Versioned(
        version,
        [TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend")],
        [new("backend", TestConfigs.Cluster(new Uri($"http://127.0.0.1:{port}")))]);

    private sealed class CountingInvokerFactory : IInvokerFactory
    {
        private int _created;
        private int _disposed;

        public int Created => Volatile.Read(ref _created);

        public int Disposed => Volatile.Read(ref _disposed);

        public HttpMessageInvoker Create(string clusterName, ClusterConfig cluster)
        {
            Interlocked.Increment(ref _created);
            return new HttpMessageInvoker(new DisposalCountingHandler(() => Interlocked.Increment(ref _disposed)), disposeHandler: true);
        }

        private sealed class DisposalCountingHandler(Action onDispose) : DelegatingHandler(new SocketsHttpHandler())
        {
            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    onDispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
