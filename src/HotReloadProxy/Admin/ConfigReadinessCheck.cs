using System.Globalization;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HotReloadProxy.Admin;

/// <summary>
/// Readiness from the config's point of view: not ready until generation 1 is loaded; ready but Degraded
/// while the last reload attempt was rejected (the last good config still serves, but the file on disk is
/// not what is running); Healthy once a reload succeeds again.
/// </summary>
internal sealed class ConfigReadinessCheck(ReloadEngine engine) : IHealthCheck
{
    public const string Name = "config";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = engine.Status;
        if (status is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No config is loaded yet."));
        }

        var data = new Dictionary<string, object>
        {
            ["generation"] = status.Generation,
            ["source"] = status.Source,
        };
        if (status.LastAttempt is { Result: ReloadResult.Rejected } rejected)
        {
            var firstError = rejected.Errors.Count > 0 ? " " + rejected.Errors[0].Format(status.Source) : "";
            return Task.FromResult(HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"The last reload was rejected ({rejected.Reason}); still serving generation {status.Generation}.{firstError}"),
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Serving generation {status.Generation}."), data));
    }
}
