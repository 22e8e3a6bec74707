using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>String, header-map and destination bounds of one route or one cluster; the validator checks the counts.</summary>
internal sealed class SizeLimitsRule(ConfigLimits limits) : IRouteRule, IClusterRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        // Paths as the route and names, built only for a value that breaks a limit.
        var config = route.Route;
        CheckLength(report, PathRef.Under(route, "id"), config.Id, limits.MaxStringLength);
        CheckLength(report, PathRef.Under(route, "match", "path"), config.Match.Path, limits.MaxStringLength);
        CheckLength(report, PathRef.Under(route, "respond", "body"), config.Respond?.Body, limits.MaxBodyLength);
        CheckHeaders(report, PathRef.Under(route, "respond", "headers"), config.Respond?.Headers);
        CheckHeaders(report, PathRef.Under(route, "transforms", "requestHeaders"), config.Transforms?.RequestHeaders);
        CheckHeaders(report, PathRef.Under(route, "transforms", "responseHeaders"), config.Transforms?.ResponseHeaders);
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

    private void CheckHeaders(ValidationReport report, PathRef path, ValueMap<string>? headers)
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
            if (value.Length > limits.MaxStringLength)
            {
                TooLong(report, path.ToJsonPath().Field(name), value.Length, limits.MaxStringLength);
            }
        }
    }

    private static void CheckLength(ValidationReport report, PathRef path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            TooLong(report, path, value.Length, max);
        }
    }

    private static void TooLong(ValidationReport report, PathRef path, int length, int max) =>
        report.Error(path, $"'{path}' is {length} characters long; the limit is {max}.");
}
