using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Snapshots;

/// <summary>
/// The holder, the lease and what a snapshot owns, without a proxy: snapshots compiled directly, invokers counted.
/// A snapshot is released (its invokers let go) exactly once, when it is retired and its last lease has ended.
/// </summary>
public sealed class SnapshotLeaseTests
{
    private readonly CountingInvokers _invokers = new();

    private SnapshotCompiler Compiler => new(_invokers, new ForwardingOptions());

    private ConfigSnapshot Compile(long generation, int port, ConfigSnapshot? previous = null, TimeSpan? routeTimeout = null, TimeSpan? clusterTimeout = null)
    {
        var cluster = TestConfigs.Cluster(new Uri($"http://127.0.0.1:{port}")) with { Timeout = clusterTimeout };
        var route = TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend") with { Timeout = routeTimeout };
        var config = TestConfigs.Versioned($"v{generation}", [route], [new("backend", cluster)]);
        var valid = new ConfigValidator().Validate(config, SourceMap.Empty).Valid!;
        return Compiler.Compile(valid, generation, $"sha{generation}", DateTimeOffset.UnixEpoch.AddDays(generation), "test", previous);
    }

    [Fact]
    [Requirement("AT-02")]
    public void An_empty_holder_has_nothing_to_lease()
    {
        var holder = new SnapshotHolder();

        Assert.Null(holder.Current);
        Assert.False(holder.TryAcquire(out var lease));
        Assert.Null(lease.Snapshot);
        lease.Dispose();
        Assert.Equal(default, holder.OlderGenerationLeases());
        Assert.Throws<ArgumentNullException>(() => holder.Swap(null!));
    }

    [Fact]
    [Requirement("AT-01", "AT-02")]
    public void A_lease_holds_the_snapshot_current_when_it_was_taken_across_a_swap()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        Assert.Null(holder.Swap(first));
        Assert.True(holder.TryAcquire(out var lease));
        Assert.Same(first, lease.Snapshot);
        Assert.Equal(1, first.ActiveLeases);

        var second = Compile(2, 5002, first);
        Assert.Same(first, holder.Swap(second));

        Assert.Same(second, holder.Current);
        Assert.True(first.IsRetired);
        Assert.False(first.IsReleased, "a retired snapshot was released under a lease");
        Assert.False(second.IsRetired);
        Assert.Equal(0, _invokers.Disposed);
        lease.Dispose();
        Assert.True(first.IsReleased);
        Assert.Equal(1, _invokers.Disposed);
        Assert.False(second.IsReleased);
    }

    [Fact]
    [Requirement("CM-04")]
    public void A_snapshot_retired_without_leases_is_released_at_once_and_only_once()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        holder.Swap(first);

        holder.Swap(Compile(2, 5002, first));
        first.Retire();
        first.Release();

        Assert.True(first.IsReleased);
        Assert.Equal(1, _invokers.Disposed);
        Assert.Equal(0, first.ActiveLeases);
    }

    [Fact]
    [Requirement("AT-02", "AR-01")]
    public void Leasing_a_retired_snapshot_fails_and_leaves_no_count_behind()
    {
        var first = Compile(1, 5001);
        first.Retire();

        Assert.False(first.TryAcquire());
        Assert.Equal(0, first.ActiveLeases);
        Assert.True(first.IsReleased);
    }

    [Fact]
    [Requirement("AR-01")]
    public void A_lease_released_twice_cannot_release_the_serving_snapshot_nor_go_below_zero()
    {
        var holder = new SnapshotHolder();
        var serving = Compile(1, 5001);
        holder.Swap(serving);
        Assert.True(holder.TryAcquire(out var lease));
        var copy = lease;

        lease.Dispose();
        copy.Dispose();
        serving.Release();

        Assert.Equal(0, serving.ActiveLeases);
        Assert.False(serving.IsReleased);
        Assert.True(holder.TryAcquire(out var next));
        Assert.Equal(1, serving.ActiveLeases);
        next.Dispose();
        Assert.Equal(0, serving.ActiveLeases);

        // Its successor's publication still releases it, since nothing holds it.
        holder.Swap(Compile(2, 5002, serving));
        Assert.True(serving.IsReleased);
    }

    [Fact]
    [Requirement("AR-01", "CM-04")]
    public void An_extra_release_on_a_retired_generation_with_no_leases_left_does_nothing_more()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        holder.Swap(first);
        Assert.True(holder.TryAcquire(out var lease));
        holder.Swap(Compile(2, 5002, first));

        lease.Dispose();
        lease.Dispose();

        Assert.True(first.IsReleased);
        Assert.Equal(1, _invokers.Disposed);
        Assert.Equal(0, first.ActiveLeases);
    }

    [Fact]
    [Requirement("AR-03", "MT-02")]
    public void Requests_on_older_generations_are_counted_per_generation_until_they_end()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        holder.Swap(first);
        Assert.True(holder.TryAcquire(out var a));
        Assert.True(holder.TryAcquire(out var b));
        var second = Compile(2, 5002, first);
        holder.Swap(second);
        Assert.True(holder.TryAcquire(out var c));
        Assert.Equal(new OlderGenerationLeases(1, 2), holder.OlderGenerationLeases());

        holder.Swap(Compile(3, 5003, second));
        Assert.Equal(new OlderGenerationLeases(2, 3), holder.OlderGenerationLeases());

        a.Dispose();
        Assert.Equal(new OlderGenerationLeases(2, 2), holder.OlderGenerationLeases());
        b.Dispose();
        Assert.Equal(new OlderGenerationLeases(1, 1), holder.OlderGenerationLeases());
        c.Dispose();
        Assert.Equal(new OlderGenerationLeases(0, 0), holder.OlderGenerationLeases());
        Assert.True(first.IsReleased);
        Assert.True(second.IsReleased);
    }

    [Fact]
    [Requirement("AR-03")]
    public void Generations_released_since_the_last_swap_are_dropped_from_the_count_and_the_current_one_never_counts()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        holder.Swap(first);
        Assert.True(holder.TryAcquire(out var old));
        holder.Swap(Compile(2, 5002, first));
        Assert.True(holder.TryAcquire(out var current));
        old.Dispose();

        holder.Swap(Compile(3, 5003, holder.Current));
        Assert.Equal(new OlderGenerationLeases(1, 1), holder.OlderGenerationLeases());
        current.Dispose();
        Assert.Equal(new OlderGenerationLeases(0, 0), holder.OlderGenerationLeases());
    }

    [Fact]
    [Requirement("CM-05", "CM-04")]
    public void An_unchanged_cluster_shares_its_invoker_which_is_disposed_after_the_last_snapshot_using_it()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1, 5001);
        holder.Swap(first);
        Assert.True(holder.TryAcquire(out var lease));
        var second = Compile(2, 5001, first);

        Assert.Same(first.Clusters["backend"].Invoker, second.Clusters["backend"].Invoker);
        Assert.Equal(1, _invokers.Created);
        holder.Swap(second);
        lease.Dispose();
        Assert.True(first.IsReleased);
        Assert.Equal(0, _invokers.Disposed);
        Assert.False(second.Clusters["backend"].Invoker.IsDisposed);

        holder.Swap(Compile(3, 5003, second));
        Assert.Equal(1, _invokers.Disposed);
        Assert.True(second.Clusters["backend"].Invoker.IsDisposed);
        Assert.Throws<InvalidOperationException>(() => second.Clusters["backend"].Invoker.AddReference());
    }

    [Fact]
    [Requirement("AT-01")]
    public void A_compiled_route_takes_its_own_timeout_else_its_clusters_else_the_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(100), SnapshotCompiler.DefaultTimeout);
        Assert.Equal(SnapshotCompiler.DefaultTimeout, Route(Compile(1, 5001)).RequestConfig.ActivityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), Route(Compile(1, 5001, clusterTimeout: TimeSpan.FromSeconds(7))).RequestConfig.ActivityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), Route(Compile(1, 5001, routeTimeout: TimeSpan.FromSeconds(3), clusterTimeout: TimeSpan.FromSeconds(7))).RequestConfig.ActivityTimeout);

        static CompiledRoute Route(ConfigSnapshot snapshot) => snapshot.Routes.Entries.Single(e => e.Value.Id == "api").Value;
    }

    [Fact]
    [Requirement("AT-01")]
    public void Routes_of_one_snapshot_keep_their_own_timeouts_when_the_forwarder_settings_are_shared()
    {
        // The compiler hands routes with equal timeouts one settings object: a route with another timeout must
        // still get its own, whichever route came first.
        var cluster = TestConfigs.Cluster(new Uri("http://127.0.0.1:5001"));
        RouteConfig[] routes =
        [
            TestConfigs.ForwardRoute("a", "/a", "backend") with { Timeout = TimeSpan.FromSeconds(3) },
            TestConfigs.ForwardRoute("b", "/b", "backend"),
            TestConfigs.ForwardRoute("c", "/c", "backend") with { Timeout = TimeSpan.FromSeconds(3) },
            TestConfigs.ForwardRoute("d", "/d", "backend") with { Timeout = TimeSpan.FromSeconds(9) },
        ];
        var valid = new ConfigValidator().Validate(TestConfigs.Versioned("v1", routes, [new("backend", cluster)]), SourceMap.Empty).Valid!;
        var snapshot = Compiler.Compile(valid, 1, "sha", DateTimeOffset.UnixEpoch, "test", previous: null);
        TimeSpan TimeoutOf(string id) => snapshot.Routes.Entries.Single(e => e.Value.Id == id).Value.RequestConfig.ActivityTimeout!.Value;

        Assert.Equal(TimeSpan.FromSeconds(3), TimeoutOf("a"));
        Assert.Equal(SnapshotCompiler.DefaultTimeout, TimeoutOf("b"));
        Assert.Equal(TimeSpan.FromSeconds(3), TimeoutOf("c"));
        Assert.Equal(TimeSpan.FromSeconds(9), TimeoutOf("d"));
    }

    [Fact]
    [Requirement("AT-01", "PX-04")]
    public void A_snapshot_carries_its_generation_hash_time_source_routes_and_clusters()
    {
        var snapshot = Compile(12, 5001);

        Assert.Equal(12, snapshot.Generation);
        Assert.Equal("12", snapshot.GenerationText);
        Assert.Equal("sha12", snapshot.Sha256);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(12), snapshot.LoadedAt);
        Assert.Equal("test", snapshot.Source);
        var api = snapshot.Routes.Entries.Single(e => e.Value.Id == "api").Value;
        Assert.Same(snapshot.Clusters["backend"], api.Cluster);
        Assert.Null(api.Respond);
        var version = snapshot.Routes.Entries.Single(e => e.Value.Id == "version").Value;
        Assert.Null(version.Cluster);
        Assert.NotNull(version.Respond);
        var cluster = snapshot.Clusters["backend"];
        Assert.Equal("backend", cluster.Name);
        Assert.Equal("http://127.0.0.1:5001", cluster.PickDestination().Prefix);
        Assert.Equal("d1", cluster.PickDestination().Name);
    }

    private sealed class CountingInvokers : IInvokerFactory
    {
        public int Created { get; private set; }

        public int Disposed { get; private set; }

        public HttpMessageInvoker Create(string clusterName, ClusterConfig cluster)
        {
            Created++;
            return new HttpMessageInvoker(new DisposalCounting(() => Disposed++), disposeHandler: true);
        }

        private sealed class DisposalCounting(Action onDispose) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                throw new NotSupportedException("no request is sent in these tests");

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
