using FsCheck;
using FsCheck.Fluent;
using HotReloadProxy.Routing;

namespace HotReload.Property.Tests.Generators;

/// <summary>One route for the matcher properties: template text, constraints and precedence inputs.</summary>
internal sealed record RouteSpec(string Template, string[]? Methods, string[]? Hosts, int Order)
{
    public override string ToString() =>
        $"{Template}{(Methods is null ? "" : " [" + string.Join(",", Methods) + "]")}{(Hosts is null ? "" : " @" + string.Join(",", Hosts))}{(Order == 0 ? "" : " order " + Order)}";
}

/// <summary>One request for the matcher properties.</summary>
internal sealed record RequestSpec(string Method, string Host, int? Port, string Path)
{
    public override string ToString() => $"{Method} {Host}{(Port is null ? "" : ":" + Port)}{Path}";
}

/// <summary>
/// Route sets and requests drawn from one small vocabulary, so that routes overlap, tie and shadow each
/// other and requests hit them: literals in several cases, parameters, catch-alls, methods, hosts, orders.
/// </summary>
internal static class RouteSetGenerators
{
    private static readonly string[] Literals = ["api", "API", "v1", "items", "users", "a", "é", "É"];
    private static readonly string[] Methods = ["GET", "POST", "get", "PUT", "DELETE"];
    private static readonly string[] HostPatterns = ["example.com", "*.example.com", "api.example.com", "localhost:8080", "EXAMPLE.com:80", "[::1]"];
    private static readonly string[] RequestHosts = ["example.com", "api.example.com", "Api.Example.Com", "x.y.example.com", "localhost", "other.org", "[::1]"];
    private static readonly int?[] Ports = [null, 80, 443, 8080];
    private static readonly string[] RequestSegments = ["api", "Api", "v1", "items", "users", "a", "é", "É", "42", "x", ""];

    public static Gen<RouteSpec> Route =>
        from segments in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Segment, n))
        from catchAll in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from trailingSlash in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from methods in Gen.Frequency((2, Gen.Constant<string[]?>(null)), (1, Gen.SubListOf(Methods).Where(m => m.Count > 0).Select(m => (string[]?)m.ToArray())))
        from hosts in Gen.Frequency((2, Gen.Constant<string[]?>(null)), (1, Gen.SubListOf(HostPatterns).Where(h => h.Count > 0).Select(h => (string[]?)h.ToArray())))
        from order in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(-2, 2)))
        select new RouteSpec(Template(segments, catchAll, trailingSlash), methods, hosts, order);

    public static Gen<RequestSpec> Request =>
        from segments in Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Elements(RequestSegments), n))
        from trailingSlash in Gen.Elements(false, false, true)
        from method in Gen.Elements(Methods)
        from host in Gen.Elements(RequestHosts)
        from port in Gen.Elements(Ports)
        select new RequestSpec(method, host, port, "/" + string.Join('/', segments) + (trailingSlash && segments.Count > 0 ? "/" : ""));

    public static Gen<List<RouteSpec>> RouteSet => Gen.Choose(1, 12).SelectMany(n => Gen.ListOf(Route, n));

    public static Gen<List<RequestSpec>> Requests => Gen.ListOf(Request, 25);

    /// <summary>Entries as the snapshot compiler builds them: the declaration index is the position in the file.</summary>
    public static List<RouteEntry<int>> Entries(IReadOnlyList<RouteSpec> routes) => routes.Select((route, index) => new RouteEntry<int>(
        RouteTemplateParser.Parse(route.Template),
        route.Methods,
        route.Hosts?.Select(h => HostPattern.TryParse(h, out var pattern) ? pattern! : throw new FormatException(h)).ToList(),
        route.Order,
        index,
        index)).ToList();

    private static Gen<string> Segment => Gen.Frequency(
        (3, Gen.Elements(Literals)),
        (2, Gen.Elements("{id}", "{name}", "{x}")));

    /// <summary>Parameter names must be distinct within a template: repeats get a numeric suffix.</summary>
    private static string Template(List<string> segments, bool catchAll, bool trailingSlash)
    {
        var parts = segments.Select((s, i) => s.StartsWith('{') ? s.Insert(s.Length - 1, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : s).ToList();
        if (catchAll)
        {
            parts.Add("{**rest}");
        }

        var text = "/" + string.Join('/', parts);
        return trailingSlash && parts.Count > 0 ? text + "/" : text;
    }
}
