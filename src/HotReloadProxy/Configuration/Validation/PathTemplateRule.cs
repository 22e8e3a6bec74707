using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Parses the route's path template; the parsed template is what the compiler puts in the route table.</summary>
internal sealed class PathTemplateRule : IRouteRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        var text = route.Route.Match.Path;
        if (string.IsNullOrEmpty(text))
        {
            report.Error(route.MatchPath("path"), $"{route.Name} has no \"match\": {{\"path\": ...}}; add a path template such as \"/api/{{**rest}}\".");
            return;
        }

        if (RouteTemplateParser.TryParse(text, out var template, out var error))
        {
            route.Template = template;
        }
        else
        {
            report.Error(route.MatchPath("path"), error!);
        }
    }
}
