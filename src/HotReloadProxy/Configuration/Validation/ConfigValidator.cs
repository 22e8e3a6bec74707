using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>
/// Runs every rule over each route and each cluster and reports every error with its position. The
/// validator owns the loops and the error path (as YARP's validators do); rules see one route or one
/// cluster. What must look across routes (counts, unique ids) is checked here, once.
/// </summary>
internal sealed class ConfigValidator
{
    private readonly ConfigLimits _limits;
    // Arrays, so the loops over them (per route, per reload) allocate no enumerator.
    private readonly IRouteRule[] _routeRules;
    private readonly IClusterRule[] _clusterRules;

    public ConfigValidator(ConfigLimits? limits = null)
    {
        _limits = limits ?? ConfigLimits.Default;
        var sizes = new SizeLimitsRule(_limits);
        var timeouts = new TimeoutRule();
        _routeRules =
        [
            sizes,
            new RouteIdRule(),
            new RouteTargetRule(),
            new PathTemplateRule(),
            new MatchListsRule(),
            new DirectResponseRule(),
            new TransformsRule(),
            timeouts,
        ];
        _clusterRules = [sizes, timeouts, new ClusterDestinationsRule()];
    }

    public ConfigValidation Validate(ProxyConfig config, SourceMap positions)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(positions);
        var report = new ValidationReport();
        CheckCounts(config, report);

        var scopes = new RouteScope[config.Routes.Count];
        var firstIndexById = new Dictionary<string, int>(scopes.Length, StringComparer.Ordinal);
        for (var i = 0; i < scopes.Length; i++)
        {
            var scope = scopes[i] = new RouteScope(config, i);
            foreach (var rule in _routeRules)
            {
                rule.Check(scope, report);
            }

            if (!string.IsNullOrWhiteSpace(scope.Route.Id) && !firstIndexById.TryAdd(scope.Route.Id, i))
            {
                report.Error(scope.Path.Property("id"),
                    $"Route id '{scope.Route.Id}' is used twice (first by {JsonPaths.Route(firstIndexById[scope.Route.Id])}); route ids must be unique.");
            }
        }

        foreach (var (name, cluster) in config.Clusters)
        {
            foreach (var rule in _clusterRules)
            {
                rule.Check(name, cluster, report);
            }
        }

        if (report.Errors.Count == 0)
        {
            // Every route's template parsed (the path rule reports any that does not), so each scope has one.
            var matches = scopes.Select(s => new ParsedMatch(s.Template!, s.Methods, s.Hosts)).ToArray();
            return new ConfigValidation([], new ValidConfig(config, matches));
        }

        var errors = report.Errors
            .Select(error => new ConfigError(error.Path, positions.Locate(error.Path), error.Message))
            .OrderBy(error => error.Position.Line)
            .ThenBy(error => error.Position.Column)
            .ToList();
        return new ConfigValidation(errors, Valid: null);
    }

    private void CheckCounts(ProxyConfig config, ValidationReport report)
    {
        if (config.Routes.Count > _limits.MaxRoutes)
        {
            report.Error(JsonPath.Root.Property("routes"), $"There are {config.Routes.Count} routes; the limit is {_limits.MaxRoutes}. Split the config or merge routes with templates.");
        }

        if (config.Clusters.Count > _limits.MaxClusters)
        {
            report.Error(JsonPath.Root.Property("clusters"), $"There are {config.Clusters.Count} clusters; the limit is {_limits.MaxClusters}.");
        }
    }
}
