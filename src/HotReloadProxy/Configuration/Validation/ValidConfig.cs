using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>What a route matches, as validation parsed it.</summary>
internal sealed record ParsedMatch(RouteTemplate Template, IReadOnlyList<string>? Methods, IReadOnlyList<HostPattern>? Hosts);

/// <summary>
/// A config the validator accepted, with the route templates and host patterns it parsed (one per route,
/// in route order). Only the validator makes one, so the compiler never meets a value it cannot parse.
/// </summary>
internal sealed class ValidConfig
{
    internal ValidConfig(ProxyConfig config, IReadOnlyList<ParsedMatch> matches)
    {
        Config = config;
        Matches = matches;
    }

    public ProxyConfig Config { get; }

    public IReadOnlyList<ParsedMatch> Matches { get; }
}

/// <summary>The validator's answer: every error with its position, or the valid config.</summary>
internal sealed record ConfigValidation(IReadOnlyList<ConfigError> Errors, ValidConfig? Valid)
{
    public bool IsValid => Valid is not null;
}
