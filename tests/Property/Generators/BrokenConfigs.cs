using System.Text;
using Bogus;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Config file contents that must be rejected, each derived from a valid generated config so that exactly
/// one thing is wrong: the rejection can only come from the mistake that was put there.
/// </summary>
internal static class BrokenConfigs
{
    private static readonly string[] BadTemplates = ["api/items", "/api/{id", "/a//b", "/{**rest}/tail", "/x/{}", "/items?id=1", "/{a}/{A}", "/pre{id}"];
    private static readonly string[] BadAddresses = ["ftp://files.example.com", "not a url", "http://user:secret@example.com", "http://example.com/?q=1", "/relative/path", "http://example.com/#frag"];
    private static readonly int[] BadStatuses = [0, 99, 600, 1000, -200];
    private static readonly int[] BodilessStatuses = [100, 101, 204, 205, 304];
    private static readonly string[] BadMethods = ["GE T", "", "GET\n", "(POST)"];
    private static readonly string[] BadHosts = [":8080", "::1", "*.*.example.com", "example.com:0", "exa mple.com", "host:99999"];
    private static readonly TimeSpan[] BadTimeouts = [TimeSpan.Zero, TimeSpan.FromSeconds(-5), TimeSpan.FromHours(2)];
    private static readonly string[] BadHeaderValues = ["café", "a\u0001b", "a\rb", "\u007f", "😀"];
    private static readonly string[] BadPrefixes = ["api", "/", "/a//b", "/a?b"];

    /// <summary>JSON text with exactly the given mistake in an otherwise valid config.</summary>
    public static byte[] WithSemanticError(int seed, SemanticError error)
    {
        var faker = new Randomizer(seed);
        var config = ConfigFaker.Valid(seed);
        var routes = config.Routes.ToList();
        var target = faker.Int(0, routes.Count - 1);
        var route = routes[target];
        var firstCluster = config.Clusters.First();

        ProxyConfig EditRoute(RouteConfig edited)
        {
            routes[target] = edited;
            return config with { Routes = new ValueList<RouteConfig>(routes) };
        }

        ProxyConfig EditCluster(ClusterConfig edited) => config with
        {
            Clusters = new ValueMap<ClusterConfig>(config.Clusters.Select(c => c.Key == firstCluster.Key ? new(c.Key, edited) : c), StringComparer.Ordinal),
        };

        var broken = error switch
        {
            SemanticError.UnknownCluster => EditRoute(route with { Cluster = "missing-" + ConfigFaker.Word(faker), Respond = null }),
            SemanticError.DuplicateRouteId => config with { Routes = new ValueList<RouteConfig>(routes.Append(route with { Match = new RouteMatch { Path = "/dup" } })) },
            SemanticError.MissingRouteId => EditRoute(route with { Id = faker.ArrayElement(new[] { "", "  " }) }),
            SemanticError.BadPathTemplate => EditRoute(route with { Match = route.Match with { Path = faker.ArrayElement(BadTemplates) } }),
            SemanticError.BadAddress => EditCluster(firstCluster.Value with
            {
                Destinations = new ValueMap<DestinationConfig>([new("bad", new DestinationConfig { Address = faker.ArrayElement(BadAddresses) })], StringComparer.Ordinal),
            }),
            SemanticError.NoDestinations => EditCluster(firstCluster.Value with { Destinations = ValueMap<DestinationConfig>.EmptyOrdinal }),
            SemanticError.BadStatus => EditRoute(route with { Cluster = null, Respond = new DirectResponse { Status = faker.ArrayElement(BadStatuses) } }),
            SemanticError.BodyWithoutContent => EditRoute(route with { Cluster = null, Respond = new DirectResponse { Status = faker.ArrayElement(BodilessStatuses), Body = "x" } }),
            SemanticError.BadMethod => EditRoute(route with { Match = route.Match with { Methods = new ValueList<string>(["GET", faker.ArrayElement(BadMethods)]) } }),
            SemanticError.BadHost => EditRoute(route with { Match = route.Match with { Hosts = new ValueList<string>([faker.ArrayElement(BadHosts)]) } }),
            SemanticError.BadTimeout => EditRoute(route with { Timeout = faker.ArrayElement(BadTimeouts) }),
            SemanticError.BothClusterAndRespond => EditRoute(route with { Cluster = firstCluster.Key, Respond = new DirectResponse { Body = "both" } }),
            SemanticError.NeitherClusterNorRespond => EditRoute(route with { Cluster = null, Respond = null }),
            SemanticError.BadPathPrefix => EditRoute(route with { Transforms = new RouteTransforms { PathPrefix = faker.ArrayElement(BadPrefixes) } }),
            SemanticError.BadHeaderValue => EditRoute(route with
            {
                Transforms = new RouteTransforms { ResponseHeaders = new ValueMap<string>([new("X-Edge", faker.ArrayElement(BadHeaderValues))], StringComparer.OrdinalIgnoreCase) },
            }),
            SemanticError.BadHeaderName => EditRoute(route with
            {
                Transforms = new RouteTransforms { ResponseHeaders = new ValueMap<string>([new("Bad Header", "x")], StringComparer.OrdinalIgnoreCase) },
            }),
            _ => null,
        };

        if (broken is not null)
        {
            return ConfigJsonWriter.ToUtf8(broken);
        }

        // The remaining mistakes cannot be expressed in the model; they are edits of the JSON text.
        var json = ConfigJsonWriter.ToJson(config);
        var text = error switch
        {
            SemanticError.UnknownProperty => json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, $"\"{faker.ArrayElement(new[] { "clustr", "route", "timeouts", "Routes" })}\": {{}},"),
            SemanticError.WrongType => faker.ArrayElement(new[]
            {
                json.Replace("\"routes\": [", "\"routes\": 5, \"x\": [", StringComparison.Ordinal),
                "{\"routes\": {}, \"clusters\": {}}",
                "[]",
                "\"config\"",
            }),
            SemanticError.UnknownLoadBalancing => json.Replace("\"loadBalancing\": \"", "\"loadBalancing\": \"Least", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error, "No edit for this error."),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A valid config cut short: what a reader sees in the middle of an in-place write.</summary>
    public static byte[] Truncated(int seed)
    {
        var bytes = ConfigJsonWriter.ToUtf8(ConfigFaker.Valid(seed));
        var cut = new Randomizer(seed).Int(1, bytes.Length - 2);
        return bytes[..cut];
    }

    /// <summary>Content that trims to nothing: empty, blank, or only a byte order mark.</summary>
    public static byte[] Empty(int variant) => (variant % 4) switch
    {
        0 => [],
        1 => " \n\t \r\n"u8.ToArray(),
        2 => [0xEF, 0xBB, 0xBF],
        _ => "\n"u8.ToArray(),
    };

    /// <summary>A valid config padded with trailing whitespace past <paramref name="maxBytes"/>.</summary>
    public static byte[] Oversized(int seed, long maxBytes)
    {
        var bytes = ConfigJsonWriter.ToUtf8(ConfigFaker.Valid(seed));
        var padded = new byte[maxBytes + 1 + (seed & 0xFF)];
        Array.Fill(padded, (byte)' ');
        bytes.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>A valid config that also changes the listener addresses, which only a restart can apply.</summary>
    public static ProxyConfig WithServerSection(int seed) => ConfigFaker.Valid(seed) with
    {
        Server = new ServerConfig { Urls = $"http://127.0.0.1:{new Randomizer(seed).Int(1024, 65535)}" },
    };
}
