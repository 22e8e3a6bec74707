using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Validation;

internal static class RouteNames
{
    public static string Describe(RouteConfig route, int index) =>
        string.IsNullOrEmpty(route.Id) ? $"Route #{index}" : $"Route '{route.Id}'";
}
