namespace HotReloadProxy.Configuration.Model;

internal sealed record RouteMatch
{
    public string Path { get; init; } = "";

    /// <summary>Allowed methods; null means any method.</summary>
    public ValueList<string>? Methods { get; init; }

    /// <summary>Allowed hosts (<c>example.com</c>, <c>*.example.com</c>, <c>host:port</c>); null means any host.</summary>
    public ValueList<string>? Hosts { get; init; }
}
