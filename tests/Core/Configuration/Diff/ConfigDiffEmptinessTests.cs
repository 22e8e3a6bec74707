using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;

namespace HotReload.Core.Tests.Configuration.Diff;

/// <summary>A diff is empty only when nothing at all changed: any one kind of change alone makes it non-empty.</summary>
[Requirement("OB-06")]
public sealed class ConfigDiffEmptinessTests
{
    private static readonly RouteConfig A = new() { Id = "a", Match = new RouteMatch { Path = "/a" }, Cluster = "c" };
    private static readonly RouteConfig B = new() { Id = "b", Match = new RouteMatch { Path = "/b" }, Cluster = "c" };
    private static readonly ClusterConfig C = new()
    {
        Destinations = new ValueMap<DestinationConfig>([KeyValuePair.Create("d", new DestinationConfig { Address = "http://h" })], StringComparer.Ordinal),
    };

    private static ProxyConfig Config(RouteConfig[] routes, params (string Name, ClusterConfig Cluster)[] clusters) => new()
    {
        Routes = new ValueList<RouteConfig>(routes),
        Clusters = new ValueMap<ClusterConfig>(clusters.Select(c => KeyValuePair.Create(c.Name, c.Cluster)), StringComparer.Ordinal),
    };

    private static (ProxyConfig Before, ProxyConfig After) Change(string change) => change switch
    {
        "route added" => (Config([A], ("c", C)), Config([A, B], ("c", C))),
        "route removed" => (Config([A, B], ("c", C)), Config([A], ("c", C))),
        "route changed" => (Config([A], ("c", C)), Config([A with { Order = 1 }], ("c", C))),
        "routes reordered" => (Config([A, B], ("c", C)), Config([B, A], ("c", C))),
        "cluster added" => (Config([A], ("c", C)), Config([A], ("c", C), ("e", C))),
        "cluster removed" => (Config([A], ("c", C), ("e", C)), Config([A], ("c", C))),
        "cluster changed" => (Config([A], ("c", C)), Config([A], ("c", C with { LoadBalancing = LoadBalancingPolicy.First }))),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    [Theory]
    [InlineData("route added")]
    [InlineData("route removed")]
    [InlineData("route changed")]
    [InlineData("routes reordered")]
    [InlineData("cluster added")]
    [InlineData("cluster removed")]
    [InlineData("cluster changed")]
    public void A_single_change_of_any_kind_makes_the_diff_non_empty(string change)
    {
        var (before, after) = Change(change);

        Assert.False(ConfigDiff.Compute(before, after).IsEmpty, change);
    }

    [Fact]
    public void Equal_configs_give_an_empty_diff()
    {
        Assert.True(ConfigDiff.Compute(Config([A, B], ("c", C)), Config([A, B], ("c", C))).IsEmpty);
    }
}
