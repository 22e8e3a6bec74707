using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Routes and clusters both set a timeout; one rule bounds both.</summary>
internal sealed class TimeoutRule : IRouteRule, IClusterRule
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    public void Check(RouteScope route, ValidationReport report)
    {
        // The path is built only for an error: this runs for every route of every reload.
        if (IsOutOfRange(route.Route.Timeout))
        {
            report.Error(route.Path.Field("timeout"), Message(route.Route.Timeout!.Value));
        }
    }

    public void Check(string name, ClusterConfig cluster, ValidationReport report)
    {
        if (IsOutOfRange(cluster.Timeout))
        {
            report.Error(JsonPath.Cluster(name).Field("timeout"), Message(cluster.Timeout!.Value));
        }
    }

    private static bool IsOutOfRange(TimeSpan? timeout) => timeout.HasValue && (timeout.Value <= TimeSpan.Zero || timeout.Value > Max);

    private static string Message(TimeSpan timeout) =>
        $"Timeout {Durations.Format(timeout)} is out of range; use a positive duration of at most 1 hour, such as \"30s\".";
}
