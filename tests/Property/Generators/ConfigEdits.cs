using Bogus;
using FsCheck;
using FsCheck.Fluent;
using HotReloadProxy.Configuration.Model;

namespace HotReload.Property.Tests.Generators;

/// <summary>Two configs: a generated one and the next version of it, as an operator edits a file between reloads.</summary>
internal sealed record ConfigPair(int Seed, int EditSeed, string Relation, ProxyConfig Before, ProxyConfig After)
{
    public override string ToString() => $"config #{Seed} and {Relation} (edit seed {EditSeed})";
}

/// <summary>
/// Edits that keep a config valid: routes removed, changed, added and reordered; clusters added, changed and
/// removed when unused. Sometimes the next version is identical, sometimes unrelated.
/// </summary>
internal static class ConfigEdits
{
    public static Gen<ConfigPair> Pairs =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from editSeed in Gen.Choose(0, int.MaxValue - 1)
        from relation in Gen.Frequency((1, Gen.Constant("itself")), (1, Gen.Constant("an unrelated config")), (6, Gen.Constant("an edit of it")))
        select Pair(seed, editSeed, relation);

    private static ConfigPair Pair(int seed, int editSeed, string relation)
    {
        var before = ConfigFaker.Valid(seed);
        var after = relation switch
        {
            "itself" => ConfigFaker.Valid(seed),
            "an unrelated config" => ConfigFaker.Valid(editSeed),
            _ => Edit(before, editSeed),
        };
        return new ConfigPair(seed, editSeed, relation, before, after);
    }

    public static ProxyConfig Edit(ProxyConfig config, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var random = new Randomizer(seed);
        var donor = ConfigFaker.Valid(seed);
        var clusters = config.Clusters.ToList();

        foreach (var (name, cluster) in donor.Clusters.Where(_ => random.Bool(0.3f)))
        {
            clusters.Add(new($"new-{name}", cluster));
        }

        for (var i = 0; i < clusters.Count; i++)
        {
            if (random.Bool(0.25f))
            {
                clusters[i] = new(clusters[i].Key, clusters[i].Value with { Timeout = TimeSpan.FromSeconds(random.Int(1, 60)), LoadBalancing = random.Enum<LoadBalancingPolicy>() });
            }
        }

        var clusterNames = clusters.Select(c => c.Key).ToList();
        var routes = new List<RouteConfig>();
        foreach (var route in config.Routes)
        {
            if (random.Bool(0.2f))
            {
                continue;
            }

            routes.Add(random.Bool(0.3f) ? Change(route, random) : route);
        }

        foreach (var route in donor.Routes.Where(_ => random.Bool(0.3f)))
        {
            routes.Insert(random.Int(0, routes.Count), route with
            {
                Id = "new-" + route.Id,
                Cluster = route.Cluster is null ? null : clusterNames[random.Int(0, clusterNames.Count - 1)],
            });
        }

        if (routes.Count > 1 && random.Bool(0.3f))
        {
            var (i, j) = (random.Int(0, routes.Count - 1), random.Int(0, routes.Count - 1));
            (routes[i], routes[j]) = (routes[j], routes[i]);
        }

        // A cluster no route uses may go; one in use must stay for the config to remain valid.
        var used = routes.Select(r => r.Cluster).OfType<string>().ToHashSet(StringComparer.Ordinal);
        clusters.RemoveAll(c => !used.Contains(c.Key) && clusters.Count > 1 && random.Bool(0.4f));
        if (clusters.Count > 1 && random.Bool(0.2f))
        {
            clusters.Reverse();
        }

        return new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(routes),
            Clusters = new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal),
            Server = random.Bool(0.1f) ? new ServerConfig { Urls = "http://127.0.0.1:" + random.Int(1024, 65535) } : config.Server,
        };
    }

    private static RouteConfig Change(RouteConfig route, Randomizer random) => random.Int(0, 3) switch
    {
        0 => route with { Order = route.Order + 1 },
        1 => route with { Match = route.Match with { Path = route.Match.Path.TrimEnd('/') + "/changed" } },
        2 => route with { Timeout = TimeSpan.FromSeconds(random.Int(1, 60)) },
        _ => route with { Match = route.Match with { Methods = new ValueList<string>(["GET"]) } },
    };
}
