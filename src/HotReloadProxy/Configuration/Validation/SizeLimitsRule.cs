using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>String, header-map and destination bounds of one route or one cluster; the validator checks the counts.</summary>
internal sealed class SizeLimitsRule(ConfigLimits limits) : IRouteRule, IClusterRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        var path = route.Path;
        var config = route.Route;
        CheckLength(report, JsonPaths.Property(path, "id"), config.Id, limits.MaxStringLength);
        CheckLength(report, route.MatchPath("path"), config.Match.Path, limits.MaxStringLength);
        CheckLength(report, JsonPaths.Property(JsonPaths.Property(path, "respond"), "body"), config.Respond?.Body, limits.MaxBodyLength);
        CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "respond"), "headers"), config.Respond?.Headers);
        CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "transforms"), "requestHeaders"), config.Transforms?.RequestHeaders);
        CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "transforms"), "responseHeaders"), config.Transforms?.ResponseHeaders);
    }

    public void Check(string name, ClusterConfig cluster, ValidationReport report)
    {
        CheckLength(report, JsonPaths.Cluster(name), name, limits.MaxStringLength);
        if (cluster.Destinations.Count > limits.MaxDestinationsPerCluster)
        {
            report.Error(JsonPaths.Property(JsonPaths.Cluster(name), "destinations"),
                $"Cluster '{name}' has {cluster.Destinations.Count} destinations; the limit is {limits.MaxDestinationsPerCluster}.");
        }
    }

    private void CheckHeaders(ValidationReport report, string path, ValueMap<string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        if (headers.Count > limits.MaxHeadersPerMap)
        {
            report.Error(path, $"'{path}' sets {headers.Count} headers; the limit is {limits.MaxHeadersPerMap}.");
        }

        foreach (var (name, value) in headers)
        {
            CheckLength(report, JsonPaths.Property(path, name), value, limits.MaxStringLength);
        }
    }

    private static void CheckLength(ValidationReport report, string path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            report.Error(path, $"'{path}' is {value.Length} characters long; the limit is {max}.");
        }
    }
}
