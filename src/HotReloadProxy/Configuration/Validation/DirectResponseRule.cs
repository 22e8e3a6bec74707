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
            // 1xx are interim responses: sent as the final answer, the client waits for one that never comes.
            if (respond.Status is < 200 or > 599)
            {
                report.Error(JsonPaths.Property(path, "status"), $"Status {respond.Status} cannot be a final answer; use a number from 200 to 599.");
            }

            // HTTP gives these statuses no content; Kestrel fails every such response with a 500 instead.
            else if (respond.Body is { Length: > 0 } && respond.Status is 204 or 205 or 304)
            {
                report.Error(JsonPaths.Property(path, "body"), $"Status {respond.Status} cannot carry a body; remove \"body\" or use a status such as 200.");
            }

            HeaderRules.Check(report, JsonPaths.Property(path, "headers"), respond.Headers);
        }
    }
}
