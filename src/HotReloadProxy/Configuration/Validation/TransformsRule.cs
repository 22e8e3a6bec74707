using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class TransformsRule : IRouteRule
{
    public void Check(RouteScope route, ValidationReport report)
    {
        // A plain null check, not a pattern variable: Stryker cannot compile mutants of a method whose pattern
        // variable it would leave unassigned (CS0165), so a pattern here would hide the whole rule from mutation.
        var transforms = route.Route.Transforms;
        if (transforms is null)
        {
            return;
        }

        // Paths as route, block and name, built only for an error: most routes carry a transform.
        CheckPrefix(report, PathRef.Under(route, "transforms", "pathRemovePrefix"), transforms.PathRemovePrefix);
        CheckPrefix(report, PathRef.Under(route, "transforms", "pathPrefix"), transforms.PathPrefix);
        HeaderRules.Check(report, PathRef.Under(route, "transforms", "requestHeaders"), transforms.RequestHeaders);
        HeaderRules.Check(report, PathRef.Under(route, "transforms", "responseHeaders"), transforms.ResponseHeaders);
    }

    private static void CheckPrefix(ValidationReport report, PathRef path, string? prefix)
    {
        if (prefix is null)
        {
            return;
        }

        if (!prefix.StartsWith('/') || prefix.Length < 2 || prefix.AsSpan().IndexOfAny('?', '#') >= 0 || prefix.Contains("//", StringComparison.Ordinal))
        {
            report.Error(path, $"'{prefix}' is not a path prefix; write it like \"/api\" (starts with '/', no '?', '#' or '//').");
        }
    }
}
