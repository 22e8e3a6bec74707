using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Runs every rule over the whole config and reports every error with its position.</summary>
public sealed class ConfigValidator
{
    private readonly IReadOnlyList<IConfigRule> _rules;

    public ConfigValidator(ConfigLimits? limits = null)
    {
        var bounds = limits ?? ConfigLimits.Default;
        _rules =
        [
            new SizeLimitsRule(bounds),
            new RouteIdRule(),
            new RouteTargetRule(),
            new PathTemplateRule(),
            new MethodsRule(),
            new HostsRule(),
            new DirectResponseRule(),
            new TransformsRule(),
            new TimeoutRule(),
            new ClusterDestinationsRule(),
        ];
    }

    public IReadOnlyList<ConfigError> Validate(ProxyConfig config, SourceMap positions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(positions);
        var report = new ValidationReport();
        foreach (var rule in _rules)
        {
            rule.Check(config, report);
        }

        return report.Errors
            .Select(error => new ConfigError(error.Path, positions.Locate(error.Path), error.Message))
            .OrderBy(error => error.Position.Line)
            .ThenBy(error => error.Position.Column)
            .ToList();
    }
}
