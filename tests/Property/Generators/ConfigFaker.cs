using Bogus;
using HotReloadProxy.Configuration.Model;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Realistic, valid configs from a seed: route ids, paths, hosts and cluster addresses look like what people
/// write. FsCheck picks the seed and a Bogus <see cref="Randomizer"/> seeded with it makes every choice, so a
/// failing case replays exactly from its seed. Valid by construction; a property checks that the validator
/// agrees, so the suites exercise real paths.
/// </summary>
/// <remarks>
/// The vocabulary (nouns, domains, addresses, sentences) is drawn from Bogus's data sets once: a new
/// <see cref="Faker"/> costs about a millisecond and each data set lookup more, which thousands of
/// generated configs cannot afford within the suite's time budget.
/// </remarks>
internal static class ConfigFaker
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];
    private static readonly int[] Statuses = [200, 201, 204, 301, 404, 418, 503];
    private static readonly Lazy<WordPools> Vocabulary = new(WordPools.FromBogus);

    public static ProxyConfig Valid(int seed)
    {
        var faker = new Randomizer(seed);
        var clusterNames = Enumerable.Range(1, faker.Int(1, 3)).Select(i => $"{Word(faker)}-svc{i}").ToList();
        var clusters = clusterNames.Select(name => new KeyValuePair<string, ClusterConfig>(name, Cluster(faker)));
        var routes = Enumerable.Range(1, faker.Int(1, 6)).Select(i => Route(faker, i, clusterNames));
        return new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(routes),
            Clusters = new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal),
        };
    }

    public static string Word(Randomizer random) => Pick(random, Vocabulary.Value.Nouns);

    public static string Host(Randomizer random) => Pick(random, Vocabulary.Value.Hosts);

    private static string Pick(Randomizer random, string[] pool) => pool[(random ?? throw new ArgumentNullException(nameof(random))).Int(0, pool.Length - 1)];

    private static RouteConfig Route(Randomizer faker, int index, IReadOnlyList<string> clusters)
    {
        var segments = Enumerable.Range(0, faker.Int(0, 3)).Select(_ => faker.Bool(0.7f) ? Word(faker) : "{" + Word(faker) + "Id}")
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (faker.Bool(0.3f))
        {
            segments.Add("{**rest}");
        }

        var forwards = faker.Bool(0.6f);
        var status = faker.ArrayElement(Statuses);
        var firstLiteral = segments.FirstOrDefault(s => !s.StartsWith('{'));
        return new RouteConfig
        {
            Id = $"{Word(faker)}-{index}",
            Match = new RouteMatch
            {
                Path = "/" + string.Join('/', segments),
                Methods = faker.Bool(0.4f) ? new ValueList<string>(faker.ArrayElements(Methods, faker.Int(1, 3))) : null,
                Hosts = faker.Bool(0.3f) ? new ValueList<string>(Enumerable.Range(0, faker.Int(1, 2)).Select(_ => HostPattern(faker)).Distinct()) : null,
            },
            Order = faker.Bool(0.2f) ? faker.Int(-5, 5) : 0,
            Cluster = forwards ? clusters[faker.Int(0, clusters.Count - 1)] : null,
            Respond = forwards ? null : new DirectResponse
            {
                Status = status,
                // 204 carries no content: a body there is a mistake the validator catches.
                Body = status != 204 && faker.Bool(0.8f) ? Pick(faker, Vocabulary.Value.Sentences) : null,
                Headers = faker.Bool(0.5f) ? Headers(("Content-Type", "text/plain"), ("Cache-Control", "no-store")) : null,
            },
            Transforms = faker.Bool(0.4f) ? new RouteTransforms
            {
                PathRemovePrefix = firstLiteral is not null && faker.Bool() ? "/" + firstLiteral : null,
                PathPrefix = faker.Bool(0.3f) ? "/v" + faker.Int(1, 3) : null,
                RequestHeaders = faker.Bool(0.3f) ? Headers(("X-Tenant", Word(faker))) : null,
                ResponseHeaders = faker.Bool(0.5f) ? Headers(("X-Config-Version", faker.Int(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null,
            } : null,
            Timeout = faker.Bool(0.2f) ? TimeSpan.FromMilliseconds(faker.Int(1, 3_600_000)) : null,
        };
    }

    private static string HostPattern(Randomizer faker) => faker.Int(0, 3) switch
    {
        0 => "*." + Host(faker),
        1 => "localhost:" + faker.Int(1024, 65535),
        _ => Host(faker),
    };

    private static ClusterConfig Cluster(Randomizer faker) => new()
    {
        LoadBalancing = faker.Enum<LoadBalancingPolicy>(),
        Destinations = new ValueMap<DestinationConfig>(
            Enumerable.Range(1, faker.Int(1, 3)).Select(i => new KeyValuePair<string, DestinationConfig>($"d{i}", new DestinationConfig { Address = Address(faker) })),
            StringComparer.Ordinal),
        Timeout = faker.Bool(0.3f) ? TimeSpan.FromSeconds(faker.Int(1, 3600)) : null,
    };

    private static string Address(Randomizer faker) => faker.Int(0, 2) switch
    {
        0 => $"http://{Pick(faker, Vocabulary.Value.Ips)}:{faker.Int(1024, 65535)}",
        1 => $"https://{Host(faker)}",
        _ => $"http://{Host(faker)}:{faker.Int(1024, 65535)}/{Word(faker)}",
    };

    private static ValueMap<string> Headers(params (string Name, string Value)[] headers) =>
        new(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), StringComparer.OrdinalIgnoreCase);

    /// <summary>Word pools drawn once from Bogus's English data sets, cleaned to what routes and hosts allow.</summary>
    private sealed record WordPools(string[] Nouns, string[] Hosts, string[] Ips, string[] Sentences)
    {
        public static WordPools FromBogus()
        {
            var faker = new Faker("en") { Random = new Randomizer(20_240_601) };
            var words = Enumerable.Range(0, 300).Select(_ => new string(faker.Hacker.Noun().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()))
                .Where(w => w.Length > 0).Distinct().ToArray();
            var hosts = Enumerable.Range(0, 200)
                .Select(_ => new string(faker.Internet.DomainName().ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray()).Trim('.', '-'))
                .Where(h => h.Length > 0 && !h.Contains("..", StringComparison.Ordinal)).Distinct().ToArray();
            return new WordPools(
                words,
                hosts,
                Enumerable.Range(0, 100).Select(_ => faker.Internet.Ip()).ToArray(),
                Enumerable.Range(0, 100).Select(_ => faker.Lorem.Sentence()).ToArray());
        }
    }
}
