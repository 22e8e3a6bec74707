using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>A route forwards to an existing cluster or answers directly; never both, never neither.</summary>
internal sealed class RouteTargetRule : IRouteRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        var clusters = route.Config.Clusters;
        switch (route.Route.Cluster, route.Route.Respond)
        {
            case (null, null):
                report.Error(route.Path, $"{route.Name} has neither \"cluster\" nor \"respond\"; add one of them.");
                break;
            case (not null, not null):
                report.Error(route.Path.Property("respond"), $"{route.Name} has both \"cluster\" and \"respond\"; keep exactly one.");
                break;
            case (not null, null) when !clusters.ContainsKey(route.Route.Cluster):
                var known = clusters.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", clusters.Keys);
                report.Error(route.Path.Property("cluster"), $"{route.Name} names cluster '{route.Route.Cluster}', which does not exist ({known}). Add it under \"clusters\" or fix the name.");
                break;
        }
    }
}
