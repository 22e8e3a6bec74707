namespace HotReloadProxy.Routing;

/// <summary>One route as the table sees it: what it matches, its precedence inputs, and the value it yields.</summary>
internal sealed class RouteEntry<T>
{
    public RouteEntry(RouteTemplate template, IReadOnlyList<string>? methods, IReadOnlyList<HostPattern>? hosts, int order, int declarationIndex, T value)
    {
        Template = template;
        Methods = methods?.Count > 0 ? methods.ToArray() : null;
        Hosts = hosts?.Count > 0 ? hosts.ToArray() : null;
        Order = order;
        DeclarationIndex = declarationIndex;
        Value = value;
    }

    public RouteTemplate Template { get; }

    public string[]? Methods { get; }

    public HostPattern[]? Hosts { get; }

    public int Order { get; }

    public int DeclarationIndex { get; }

    public T Value { get; }

    /// <summary>Position in precedence order, assigned by the table: lower wins.</summary>
    internal int Rank { get; set; }

    public bool AcceptsMethodAndHost(string method, string host, int? port)
    {
        if (Methods is not null && !Array.Exists(Methods, m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return Hosts is null || Array.Exists(Hosts, h => h.Matches(host, port));
    }
}
