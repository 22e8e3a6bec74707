namespace HotReloadProxy.Configuration.Model;

/// <summary>An answer the proxy gives itself, without an upstream (stubs, health routes).</summary>
internal sealed record DirectResponse
{
    public int Status { get; init; } = 200;

    public ValueMap<string>? Headers { get; init; }

    public string? Body { get; init; }
}
