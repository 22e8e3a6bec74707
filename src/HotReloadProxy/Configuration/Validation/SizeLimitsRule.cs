using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class SizeLimitsRule(ConfigLimits limits) : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        if (config.Routes.Count > limits.MaxRoutes)
        {
            report.Error("routes", $"There are {config.Routes.Count} routes; the limit is {limits.MaxRoutes}. Split the config or merge routes with templates.");
        }

        if (config.Clusters.Count > limits.MaxClusters)
        {
            report.Error("clusters", $"There are {config.Clusters.Count} clusters; the limit is {limits.MaxClusters}.");
        }

        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var path = JsonPaths.Route(i);
            CheckLength(report, JsonPaths.Property(path, "id"), route.Id, limits.MaxStringLength);
            CheckLength(report, JsonPaths.Property(JsonPaths.Property(path, "match"), "path"), route.Match.Path, limits.MaxStringLength);
            CheckLength(report, JsonPaths.Property(JsonPaths.Property(path, "respond"), "body"), route.Respond?.Body, limits.MaxBodyLength);
            CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "respond"), "headers"), route.Respond?.Headers);
            CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "transforms"), "requestHeaders"), route.Transforms?.RequestHeaders);
            CheckHeaders(report, JsonPaths.Property(JsonPaths.Property(path, "transforms"), "responseHeaders"), route.Transforms?.ResponseHeaders);
        }

        foreach (var (name, cluster) in config.Clusters)
        {
            CheckLength(report, JsonPaths.Cluster(name), name, limits.MaxStringLength);
            if (cluster.Destinations.Count > limits.MaxDestinationsPerCluster)
            {
                report.Error(JsonPaths.Property(JsonPaths.Cluster(name), "destinations"),
                    $"Cluster '{name}' has {cluster.Destinations.Count} destinations; the limit is {limits.MaxDestinationsPerCluster}.");
            }
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
