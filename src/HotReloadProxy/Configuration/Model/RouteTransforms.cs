namespace HotReloadProxy.Configuration.Model;

internal sealed record RouteTransforms
{
    /// <summary>Removed from the start of the request path before forwarding, when present.</summary>
    public string? PathRemovePrefix { get; init; }

    /// <summary>Added to the start of the request path before forwarding (after <see cref="PathRemovePrefix"/>).</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Headers set on the forwarded request, replacing any the client sent.</summary>
    public ValueMap<string>? RequestHeaders { get; init; }

    /// <summary>Headers set on the response, forwarded or direct.</summary>
    public ValueMap<string>? ResponseHeaders { get; init; }
}
