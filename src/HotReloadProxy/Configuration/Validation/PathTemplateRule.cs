using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class PathTemplateRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = JsonPaths.Property(JsonPaths.Property(JsonPaths.Route(i), "match"), "path");
            if (string.IsNullOrEmpty(route.Match.Path))
            {
                report.Error(path, $"{RouteNames.Describe(route, i)} has no \"match\": {{\"path\": ...}}; add a path template such as \"/api/{{**rest}}\".");
                continue;
            }

            if (!RouteTemplateParser.TryParse(route.Match.Path, out _, out var error))
            {
                report.Error(path, error!);
            }
        }
    }
}
