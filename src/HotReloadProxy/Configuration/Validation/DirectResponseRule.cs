using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class DirectResponseRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            if (config.Routes[i].Respond is not { } respond)
            {
                continue;
            }

            var path = JsonPaths.Property(JsonPaths.Route(i), "respond");
            if (respond.Status is < 100 or > 599)
            {
                report.Error(JsonPaths.Property(path, "status"), $"Status {respond.Status} is not an HTTP status code; use a number from 100 to 599.");
            }

            HeaderRules.Check(report, JsonPaths.Property(path, "headers"), respond.Headers);
        }
    }
}
