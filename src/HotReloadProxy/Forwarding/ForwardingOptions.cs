namespace HotReloadProxy.Forwarding;

/// <summary>Request-path settings that come from the command line, not the config file.</summary>
internal sealed record ForwardingOptions
{
    public const string GenerationHeaderName = "X-Config-Generation";

    /// <summary>When set, every response names the config generation that served it.</summary>
    public bool EmitGenerationHeader { get; init; }
}
