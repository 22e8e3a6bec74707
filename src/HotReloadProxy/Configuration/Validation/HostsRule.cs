using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class HostsRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var hosts = config.Routes[i].Match.Hosts;
            if (hosts is null)
            {
                continue;
            }

            var path = JsonPaths.Property(JsonPaths.Property(JsonPaths.Route(i), "match"), "hosts");
            if (hosts.Count == 0)
            {
                report.Error(path, $"{RouteNames.Describe(config.Routes[i], i)} has an empty \"hosts\" list, which matches nothing; list hosts or remove it to allow all.");
            }

            for (var h = 0; h < hosts.Count; h++)
            {
                if (!HostPattern.TryParse(hosts[h], out _))
                {
                    report.Error(JsonPaths.Index(path, h), $"'{hosts[h]}' is not a valid host; use a name such as \"example.com\", \"*.example.com\" or \"localhost:8080\".");
                }
            }
        }
    }
}
