using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Routing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>
/// The route's optional "methods" and "hosts" lists: one check for both shapes (absent means any, empty
/// matches nothing, every entry must parse). The parsed entries are what the compiler matches with.
/// </summary>
internal sealed class MatchListsRule : IRouteRule
{
    private delegate bool TryParse<T>(string text, out T? value);

    public void Check(RouteScope route, ValidationReport report)
    {
        route.Methods = CheckList<string>(route, report, "methods", route.Route.Match.Methods, TryParseMethod,
            method => $"'{method}' is not a valid HTTP method; use a token such as GET or POST.");
        route.Hosts = CheckList<HostPattern>(route, report, "hosts", route.Route.Match.Hosts, HostPattern.TryParse,
            host => $"'{host}' is not a valid host; use a name such as \"example.com\", \"*.example.com\" or \"localhost:8080\".");
    }

    private static T[]? CheckList<T>(RouteScope route, ValidationReport report, string property, ValueList<string>? values, TryParse<T> parse, Func<string, string> invalid)
        where T : class
    {
        if (values is null)
        {
            return null;
        }

        // Paths are built for errors only.
        if (values.Count == 0)
        {
            report.Error(route.MatchPath(property), $"{route.Name} has an empty \"{property}\" list, which matches nothing; list {property} or remove it to allow all.");
        }

        var parsed = new T[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (parse(values[i], out var value))
            {
                parsed[i] = value!;
            }
            else
            {
                report.Error(route.MatchPath(property).At(i), invalid(values[i]));
            }
        }

        return parsed;
    }

    private static bool TryParseMethod(string text, out string? method)
    {
        method = HttpTokens.IsToken(text) ? text : null;
        return method is not null;
    }
}
