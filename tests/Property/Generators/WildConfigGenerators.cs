using FsCheck;
using FsCheck.Fluent;
using HotReloadProxy.Configuration.Model;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Configs that stretch the file format rather than make sense: any text (quotes, escapes, control
/// characters, non-ASCII, emoji), any number, timeouts from a tick to the extremes of TimeSpan, empty and
/// missing collections. Valid or not, each must survive a trip through JSON unchanged.
/// </summary>
/// <remarks>
/// Strings never hold lone UTF-16 surrogates: they cannot come from a UTF-8 file, and the JSON writer
/// rightly refuses them.
/// </remarks>
internal static class WildConfigGenerators
{
    private static readonly string[] TextPieces =
    [
        "a", "Z", "0", "-", "_", ".", "/", "{", "}", "*", " ", "\"", "\\", "'", "<", ">", "&", "+", "\n", "\r", "\t", "\0", "\u001f", "\u007f",
        "é", "ß", "İ", "Ω", "中", "\u2028", "\uFEFF", "😀", "𝄞", "api", "{id}", "{**rest}", "http://h:1", "*.example.com", "$schema", "routes",
    ];

    public static Gen<string> Text => Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Gen.Elements(TextPieces), n)).Select(string.Concat);

    public static Gen<string?> OptionalText => Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)));

    public static Gen<int> AnyInt => Gen.Frequency(
        (3, Gen.Choose(-1000, 1000)),
        (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1, 100, 599, 600)),
        (1, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Constant(0)).Select(p => p.Item1)));

    /// <summary>Whole milliseconds, sub-millisecond ticks, negatives and values near TimeSpan's limits.</summary>
    public static Gen<TimeSpan?> Timeout => Gen.Frequency(
        (3, Gen.Constant<TimeSpan?>(null)),
        (2, Gen.Choose(1, 3_600_000).Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms))),
        (1, Gen.Choose(1, int.MaxValue).Select(ticks => (TimeSpan?)TimeSpan.FromTicks(ticks))),
        (1, Gen.Choose(-1_000_000, 0).Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms))),
        (1, Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue)).Select(p => (TimeSpan?)TimeSpan.FromTicks(((long)p.Item1 << 32) | (uint)p.Item2))),
        (1, Gen.Zip(Gen.Choose(0, 214_748), Gen.Choose(0, int.MaxValue)).Select(p => (TimeSpan?)TimeSpan.FromTicks((((long)p.Item1 << 32) | (uint)p.Item2) * TimeSpan.TicksPerMillisecond))),
        (1, Gen.Elements<TimeSpan?>(TimeSpan.MaxValue, TimeSpan.MinValue, TimeSpan.MaxValue - TimeSpan.FromTicks(5807), TimeSpan.FromDays(10_000), TimeSpan.FromTicks(1))));

    public static Gen<ValueList<string>?> OptionalList => Gen.Frequency(
        (2, Gen.Constant<ValueList<string>?>(null)),
        (3, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Text, n)).Select(items => (ValueList<string>?)new ValueList<string>(items))));

    /// <summary>Header maps: names distinct ignoring case, as the format requires of any header map.</summary>
    public static Gen<ValueMap<string>?> OptionalHeaders => Gen.Frequency(
        (2, Gen.Constant<ValueMap<string>?>(null)),
        (3, Map(Text, StringComparer.OrdinalIgnoreCase).Select(map => (ValueMap<string>?)map)));

    public static Gen<ValueMap<T>> Map<T>(Gen<T> values, StringComparer comparer) =>
        Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Gen.Zip(Text, values), n))
            .Select(pairs => new ValueMap<T>(
                pairs.DistinctBy(p => p.Item1, comparer).Select(p => new KeyValuePair<string, T>(p.Item1, p.Item2)),
                comparer));

    public static Gen<RouteConfig> Route =>
        from id in Text
        from path in Text
        from methods in OptionalList
        from hosts in OptionalList
        from order in AnyInt
        from cluster in OptionalText
        from respond in Gen.Frequency((1, Gen.Constant<DirectResponse?>(null)), (1, Respond.Select(r => (DirectResponse?)r)))
        from transforms in Gen.Frequency((1, Gen.Constant<RouteTransforms?>(null)), (1, Transforms.Select(t => (RouteTransforms?)t)))
        from timeout in Timeout
        select new RouteConfig
        {
            Id = id,
            Match = new RouteMatch { Path = path, Methods = methods, Hosts = hosts },
            Order = order,
            Cluster = cluster,
            Respond = respond,
            Transforms = transforms,
            Timeout = timeout,
        };

    public static Gen<DirectResponse> Respond =>
        from status in AnyInt
        from headers in OptionalHeaders
        from body in OptionalText
        select new DirectResponse { Status = status, Headers = headers, Body = body };

    public static Gen<RouteTransforms> Transforms =>
        from remove in OptionalText
        from prefix in OptionalText
        from request in OptionalHeaders
        from response in OptionalHeaders
        select new RouteTransforms { PathRemovePrefix = remove, PathPrefix = prefix, RequestHeaders = request, ResponseHeaders = response };

    public static Gen<ClusterConfig> Cluster =>
        from policy in Gen.Elements(Enum.GetValues<LoadBalancingPolicy>())
        from destinations in Map(Text.Select(address => new DestinationConfig { Address = address }), StringComparer.Ordinal)
        from timeout in Timeout
        select new ClusterConfig { LoadBalancing = policy, Destinations = destinations, Timeout = timeout };

    public static Gen<ServerConfig?> Server => Gen.Frequency(
        (3, Gen.Constant<ServerConfig?>(null)),
        (1, Gen.Zip(OptionalText, OptionalText).Select(p => (ServerConfig?)new ServerConfig { Urls = p.Item1, AdminUrls = p.Item2 })));

    public static Gen<ProxyConfig> Config =>
        from routes in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Route, n))
        from clusters in Map(Cluster, StringComparer.Ordinal)
        from server in Server
        select new ProxyConfig { Routes = new ValueList<RouteConfig>(routes), Clusters = clusters, Server = server };
}
