using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>String, header-map and destination bounds of one route or one cluster; the validator checks the counts.</summary>
internal sealed class SizeLimitsRule(ConfigLimits limits) : IRouteRule, IClusterRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        // The route and names rather than whole paths: a path is built only for a value that breaks a limit.
        var config = route.Route;
        CheckLength(report, route, "id", config.Id, limits.MaxStringLength);
        CheckLength(report, route, "match", "path", config.Match.Path, limits.MaxStringLength);
        CheckLength(report, route, "respond", "body", config.Respond?.Body, limits.MaxBodyLength);
        CheckHeaders(report, route, "respond", "headers", config.Respond?.Headers);
        CheckHeaders(report, route, "transforms", "requestHeaders", config.Transforms?.RequestHeaders);
        CheckHeaders(report, route, "transforms", "responseHeaders", config.Transforms?.ResponseHeaders);
    }

    public void Check(string name, ClusterConfig cluster, ValidationReport report)
    {
        if (name.Length > limits.MaxStringLength)
        {
            TooLong(report, JsonPath.Cluster(name), name.Length, limits.MaxStringLength);
        }

        if (cluster.Destinations.Count > limits.MaxDestinationsPerCluster)
        {
            report.Error(JsonPath.Cluster(name).Property("destinations"),
                $"Cluster '{name}' has {cluster.Destinations.Count} destinations; the limit is {limits.MaxDestinationsPerCluster}.");
        }
    }

    private void CheckHeaders(ValidationReport report, RouteScope route, string block, string property, ValueMap<string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        if (headers.Count > limits.MaxHeadersPerMap)
        {
            var path = route.Path.Property(block).Property(property);
            report.Error(path, $"'{path}' sets {headers.Count} headers; the limit is {limits.MaxHeadersPerMap}.");
        }

        foreach (var (name, value) in headers)
        {
            if (value.Length > limits.MaxStringLength)
            {
                TooLong(report, route.Path.Property(block).Property(property).Property(name), value.Length, limits.MaxStringLength);
            }
        }
    }

    private static void CheckLength(ValidationReport report, RouteScope route, string property, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            TooLong(report, route.Path.Property(property), value.Length, max);
        }
    }

    private static void CheckLength(ValidationReport report, RouteScope route, string block, string property, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            TooLong(report, route.Path.Property(block).Property(property), value.Length, max);
        }
    }

    private static void TooLong(ValidationReport report, JsonPath path, int length, int max) =>
        report.Error(path, $"'{path}' is {length} characters long; the limit is {max}.");
}
