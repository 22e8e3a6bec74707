using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Every route has an id; that ids are unique is a property of all routes, checked by the validator.</summary>
internal sealed class RouteIdRule : IRouteRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        if (string.IsNullOrWhiteSpace(route.Route.Id))
        {
            report.Error(route.Path.Property("id"), $"Route {route.Path} has no id; add \"id\" with a unique, non-empty name.");
        }
    }
}
