using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Routes and clusters both set a timeout; one rule bounds both.</summary>
internal sealed class TimeoutRule : IRouteRule, IClusterRule
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    public void Check(RouteScope route, ValidationReport report) =>
        CheckTimeout(report, route.Path.Property("timeout"), route.Route.Timeout);

    public void Check(string name, ClusterConfig cluster, ValidationReport report) =>
        CheckTimeout(report, JsonPath.Cluster(name).Property("timeout"), cluster.Timeout);

    private static void CheckTimeout(ValidationReport report, JsonPath path, TimeSpan? timeout)
    {
        if (timeout is { } value && (value <= TimeSpan.Zero || value > Max))
        {
            report.Error(path, $"Timeout {Durations.Format(value)} is out of range; use a positive duration of at most 1 hour, such as \"30s\".");
        }
    }
}
