using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>A route forwards to an existing cluster or answers directly; never both, never neither.</summary>
internal sealed class RouteTargetRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = JsonPaths.Route(i);
            var name = RouteNames.Describe(route, i);
            switch (route.Cluster, route.Respond)
            {
                case (null, null):
                    report.Error(path, $"{name} has neither \"cluster\" nor \"respond\"; add one of them.");
                    break;
                case (not null, not null):
                    report.Error(JsonPaths.Property(path, "respond"), $"{name} has both \"cluster\" and \"respond\"; keep exactly one.");
                    break;
                case (not null, null) when !config.Clusters.ContainsKey(route.Cluster):
                    var known = config.Clusters.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", config.Clusters.Keys);
                    report.Error(JsonPaths.Property(path, "cluster"), $"{name} names cluster '{route.Cluster}', which does not exist ({known}). Add it under \"clusters\" or fix the name.");
                    break;
            }
        }
    }
}
