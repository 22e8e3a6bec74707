using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class MethodsRule : IConfigRule
{
    public void Check(ProxyConfig config, ValidationReport report)
    {
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var methods = config.Routes[i].Match.Methods;
            if (methods is null)
            {
                continue;
            }

            var path = JsonPaths.Property(JsonPaths.Property(JsonPaths.Route(i), "match"), "methods");
            if (methods.Count == 0)
            {
                report.Error(path, $"{RouteNames.Describe(config.Routes[i], i)} has an empty \"methods\" list, which matches nothing; list methods or remove it to allow all.");
            }

            for (var m = 0; m < methods.Count; m++)
            {
                if (!HttpTokens.IsToken(methods[m]))
                {
                    report.Error(JsonPaths.Index(path, m), $"'{methods[m]}' is not a valid HTTP method; use a token such as GET or POST.");
                }
            }
        }
    }
}
