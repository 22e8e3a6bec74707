namespace HotReloadProxy.Configuration.Model;

/// <summary>
/// Listener addresses read from the file at startup. Kestrel binds them once, so a reload that changes
/// this section is rejected with a message that a restart is needed, instead of applying partially.
/// </summary>
internal sealed record ServerConfig
{
    public string? Urls { get; init; }

    public string? AdminUrls { get; init; }
}
