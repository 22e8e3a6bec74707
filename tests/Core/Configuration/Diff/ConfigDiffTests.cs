using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Configuration.Diff;

[Requirement("OB-06")]
public sealed class ConfigDiffTests
{
    private static RouteConfig Route(string id, string path, string? cluster = "c1") =>
        new() { Id = id, Match = new RouteMatch { Path = path }, Cluster = cluster, Respond = cluster is null ? new DirectResponse() : null };

    private static ClusterConfig Cluster(params string[] addresses) => new()
    {
        Destinations = new ValueMap<DestinationConfig>(
            addresses.Select((a, i) => new KeyValuePair<string, DestinationConfig>($"d{i}", new DestinationConfig { Address = a })),
            StringComparer.Ordinal),
    };

    private static ProxyConfig Config(RouteConfig[] routes, params (string Name, ClusterConfig Cluster)[] clusters) => new()
    {
        Routes = new ValueList<RouteConfig>(routes),
        Clusters = new ValueMap<ClusterConfig>(clusters.Select(c => new KeyValuePair<string, ClusterConfig>(c.Name, c.Cluster)), StringComparer.Ordinal),
    };

    private static readonly ProxyConfig Before = Config(
        [Route("keep", "/keep"), Route("edit", "/edit"), Route("drop", "/drop"), Route("stub", "/stub", cluster: null)],
        ("c1", Cluster("http://a:1")), ("c2", Cluster("http://b:1")), ("gone", Cluster("http://g:1")));

    private static readonly ProxyConfig After = Config(
        [Route("new", "/new", "c3"), Route("keep", "/keep"), Route("edit", "/edit/v2"), Route("stub", "/stub", cluster: "c2")],
        ("c1", Cluster("http://a:1")), ("c2", Cluster("http://b:1", "http://b:2")), ("c3", Cluster("http://n:1")));

    [Fact]
    public void Names_exactly_the_routes_added_removed_and_changed()
    {
        var diff = ConfigDiff.Compute(Before, After);

        Assert.Equal(["new"], diff.RoutesAdded.Select(r => r.Id));
        Assert.Equal(["drop"], diff.RoutesRemoved);
        Assert.Equal(["edit", "stub"], diff.RoutesChanged.Select(r => r.Id));
        Assert.Equal("/edit/v2", diff.RoutesChanged[0].Match.Path);
        Assert.Equal(["new", "keep", "edit", "stub"], diff.RouteOrder);
    }

    [Fact]
    public void Names_exactly_the_clusters_added_removed_and_changed()
    {
        var diff = ConfigDiff.Compute(Before, After);

        Assert.Equal(["c3"], diff.ClustersAdded.Select(c => c.Key));
        Assert.Equal(["gone"], diff.ClustersRemoved);
        Assert.Equal(["c2"], diff.ClustersChanged.Select(c => c.Key));
        Assert.Equal(2, diff.ClustersChanged[0].Value.Destinations.Count);
    }

    [Fact]
    public void Summary_prints_the_counts()
    {
        Assert.Equal("routes +1 -1 ~2, clusters +1 -1 ~1", ConfigDiff.Compute(Before, After).Summary);
    }

    [Fact]
    public void Summary_format_matches_the_documented_example()
    {
        var before = Config([Route("a", "/a"), Route("b", "/b")], ("c1", Cluster("http://a:1")));
        var after = Config([Route("a", "/a2"), Route("b", "/b2"), Route("c", "/c")], ("c1", Cluster("http://a:2")));

        var diff = ConfigDiff.Compute(before, after);

        Assert.Equal("routes +1 -0 ~2, clusters +0 -0 ~1", diff.Summary);
    }

    [Fact]
    public void Apply_to_the_source_gives_back_the_target()
    {
        var diff = ConfigDiff.Compute(Before, After);

        Assert.Equal(After, diff.ApplyTo(Before));
        Assert.Equal(["new", "keep", "edit", "stub"], diff.ApplyTo(Before).Routes.Select(r => r.Id));
        Assert.Equal(["c1", "c2", "c3"], diff.ApplyTo(Before).Clusters.Keys);
    }

    [Fact]
    public void Apply_works_in_the_reverse_direction_too()
    {
        Assert.Equal(Before, ConfigDiff.Compute(After, Before).ApplyTo(After));
    }

    [Fact]
    public void Rich_config_against_empty_config_applies_both_ways()
    {
        var rich = ConfigJsonWriterTests.Rich();
        var empty = new ProxyConfig();

        var grow = ConfigDiff.Compute(empty, rich);
        var shrink = ConfigDiff.Compute(rich, empty);

        Assert.Equal(rich, grow.ApplyTo(empty));
        Assert.Equal(empty, shrink.ApplyTo(rich));
        Assert.Equal("routes +3 -0 ~0, clusters +2 -0 ~0", grow.Summary);
        Assert.Equal("routes +0 -3 ~0, clusters +0 -2 ~0", shrink.Summary);
    }

    [Fact]
    public void Reordering_routes_only_is_reported_as_a_reorder_and_apply_keeps_the_new_order()
    {
        var before = Config([Route("a", "/a"), Route("b", "/b")], ("c1", Cluster("http://a:1")));
        var after = Config([Route("b", "/b"), Route("a", "/a")], ("c1", Cluster("http://a:1")));

        var diff = ConfigDiff.Compute(before, after);

        Assert.True(diff.RoutesReordered);
        Assert.False(diff.IsEmpty);
        Assert.Equal("routes +0 -0 ~0, clusters +0 -0 ~0, routes reordered", diff.Summary);
        Assert.Equal(after, diff.ApplyTo(before));
    }

    [Theory]
    [InlineData("a,b,c", "a,c", false)]
    [InlineData("a,b,c", "c,a", true)]
    [InlineData("a,b", "x,a,y,b", false)]
    [InlineData("a,b", "b,x,a", true)]
    [InlineData("a,b", "x,y", false)]
    [InlineData("a,a", "a", true)]
    [InlineData("a", "a,a", true)]
    [InlineData("a,a", "a,a", false)]
    public void A_reorder_is_a_change_in_the_relative_order_of_the_routes_kept(string before, string after, bool reordered)
    {
        // A repeated id (which validation rejects, but the diff can be given) counts at each of its places.
        static ProxyConfig Routes(string ids) => Config(ids.Split(',').Select(id => Route(id, "/" + id)).ToArray(), ("c1", Cluster("http://a:1")));

        Assert.Equal(reordered, ConfigDiff.Compute(Routes(before), Routes(after)).RoutesReordered);
    }

    [Fact]
    public void Unchanged_config_is_empty()
    {
        var diff = ConfigDiff.Compute(Before, Config(
            [Route("keep", "/keep"), Route("edit", "/edit"), Route("drop", "/drop"), Route("stub", "/stub", cluster: null)],
            ("c1", Cluster("http://a:1")), ("c2", Cluster("http://b:1")), ("gone", Cluster("http://g:1"))));

        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.RoutesAdded);
        Assert.Empty(diff.RoutesRemoved);
        Assert.Empty(diff.RoutesChanged);
        Assert.Empty(diff.ClustersAdded);
        Assert.Empty(diff.ClustersRemoved);
        Assert.Empty(diff.ClustersChanged);
        Assert.Equal("routes +0 -0 ~0, clusters +0 -0 ~0", diff.Summary);
    }

    [Fact]
    public void A_change_of_a_single_nested_value_is_a_change()
    {
        var before = Config([Route("a", "/a")], ("c1", Cluster("http://a:1")));
        var after = before with
        {
            Routes = new ValueList<RouteConfig>([before.Routes[0] with { Timeout = TimeSpan.FromSeconds(1) }]),
            Clusters = new ValueMap<ClusterConfig>([new("c1", before.Clusters["c1"] with { LoadBalancing = LoadBalancingPolicy.First })], StringComparer.Ordinal),
        };

        var diff = ConfigDiff.Compute(before, after);

        Assert.False(diff.IsEmpty);
        Assert.Equal("routes +0 -0 ~1, clusters +0 -0 ~1", diff.Summary);
        Assert.Equal(after, diff.ApplyTo(before));
    }

    [Fact]
    public void Renaming_a_route_is_one_removal_and_one_addition()
    {
        var before = Config([Route("old", "/x")], ("c1", Cluster("http://a:1")));
        var after = Config([Route("new", "/x")], ("c1", Cluster("http://a:1")));

        var diff = ConfigDiff.Compute(before, after);

        Assert.Equal(["new"], diff.RoutesAdded.Select(r => r.Id));
        Assert.Equal(["old"], diff.RoutesRemoved);
        Assert.Empty(diff.RoutesChanged);
        Assert.Equal(after, diff.ApplyTo(before));
    }
}
