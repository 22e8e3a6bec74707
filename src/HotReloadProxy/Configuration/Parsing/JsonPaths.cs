namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Builds the JSON paths used in errors and in the <see cref="SourceMap"/>.</summary>
internal static class JsonPaths
{
    public static string Property(string parent, string name) =>
        parent == "$" ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Route(int index) => Index("routes", index);

    public static string Cluster(string name) => Property("clusters", name);

    public static string Destination(string cluster, string name) => Property(Property(Cluster(cluster), "destinations"), name);
}
