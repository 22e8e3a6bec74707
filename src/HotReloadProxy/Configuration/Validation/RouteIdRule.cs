using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class RouteIdRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var id = config.Routes[i].Id;
            var path = JsonPaths.Property(JsonPaths.Route(i), "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                report.Error(path, $"Route {JsonPaths.Route(i)} has no id; add \"id\" with a unique, non-empty name.");
                continue;
            }

            if (!firstIndexById.TryAdd(id, i))
            {
                report.Error(path, $"Route id '{id}' is used twice (first by {JsonPaths.Route(firstIndexById[id])}); route ids must be unique.");
            }
        }
    }
}
