using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class DirectResponseRule : IRouteRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        // A plain null check, not a pattern variable: see TransformsRule.
        var respond = route.Route.Respond;
        if (respond is null)
        {
            return;
        }

        // 1xx are interim responses: sent as the final answer, the client waits for one that never comes.
        if (respond.Status is < 200 or > 599)
        {
            report.Error(PathRef.Under(route, "respond", "status"), $"Status {respond.Status} cannot be a final answer; use a number from 200 to 599.");
        }

        // HTTP gives these statuses no content; Kestrel fails every such response with a 500 instead.
        else if (respond.Body is { Length: > 0 } && respond.Status is 204 or 205 or 304)
        {
            report.Error(PathRef.Under(route, "respond", "body"), $"Status {respond.Status} cannot carry a body; remove \"body\" or use a status such as 200.");
        }

        HeaderRules.Check(report, PathRef.Under(route, "respond", "headers"), respond.Headers);
    }
}
