using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class TimeoutRule : IConfigRule
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            CheckTimeout(report, JsonPaths.Property(JsonPaths.Route(i), "timeout"), config.Routes[i].Timeout);
        }

        foreach (var (name, cluster) in config.Clusters)
        {
            CheckTimeout(report, JsonPaths.Property(JsonPaths.Cluster(name), "timeout"), cluster.Timeout);
        }
    }

    private static void CheckTimeout(ValidationReport report, string path, TimeSpan? timeout)
    {
        if (timeout is { } value && (value <= TimeSpan.Zero || value > Max))
        {
            report.Error(path, $"Timeout {Durations.Format(value)} is out of range; use a positive duration of at most 1 hour, such as \"30s\".");
        }
    }
}
