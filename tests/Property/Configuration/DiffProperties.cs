using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Configuration;

/// <summary>OB-06: the diff of two configs names exactly what changed, and applying it rebuilds the new config.</summary>
public sealed class DiffProperties
{
    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("OB-06")]
    public FsCheck.Property Applying_the_diff_to_the_old_config_gives_the_new_config() =>
        Prop.ForAll(Arb.From(ConfigEdits.Pairs), pair =>
        {
            var rebuilt = ConfigDiff.Compute(pair.Before, pair.After).ApplyTo(pair.Before);

            Assert.True(rebuilt == pair.After, $"rebuilt {rebuilt}\nexpected {pair.After}");
            // Value equality ignores map order; the diff promises the new order too.
            Assert.Equal(pair.After.Clusters.Keys, rebuilt.Clusters.Keys);
        });

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("OB-06")]
    public FsCheck.Property The_diff_names_exactly_the_routes_and_clusters_added_removed_and_changed() =>
        Prop.ForAll(Arb.From(ConfigEdits.Pairs), pair =>
        {
            var (before, after) = (pair.Before, pair.After);
            var diff = ConfigDiff.Compute(before, after);
            var oldRoutes = before.Routes.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var newRoutes = after.Routes.ToDictionary(r => r.Id, StringComparer.Ordinal);

            AssertSameSet(newRoutes.Keys.Except(oldRoutes.Keys), diff.RoutesAdded.Select(r => r.Id), "routes added");
            AssertSameSet(oldRoutes.Keys.Except(newRoutes.Keys), diff.RoutesRemoved, "routes removed");
            AssertSameSet(newRoutes.Keys.Intersect(oldRoutes.Keys).Where(id => oldRoutes[id] != newRoutes[id]), diff.RoutesChanged.Select(r => r.Id), "routes changed");
            AssertSameSet(after.Clusters.Keys.Except(before.Clusters.Keys), diff.ClustersAdded.Select(c => c.Key), "clusters added");
            AssertSameSet(before.Clusters.Keys.Except(after.Clusters.Keys), diff.ClustersRemoved, "clusters removed");
            AssertSameSet(after.Clusters.Keys.Intersect(before.Clusters.Keys).Where(name => before.Clusters[name] != after.Clusters[name]),
                diff.ClustersChanged.Select(c => c.Key), "clusters changed");
            Assert.Equal(before.Routes.Equals(after.Routes) && before.Clusters.Equals(after.Clusters), diff.IsEmpty);
        });

    private static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var (e, a) = (expected.Order(StringComparer.Ordinal).ToList(), actual.Order(StringComparer.Ordinal).ToList());
        Assert.True(e.SequenceEqual(a), $"{what}: expected [{string.Join(", ", e)}], diff says [{string.Join(", ", a)}]");
    }
}
