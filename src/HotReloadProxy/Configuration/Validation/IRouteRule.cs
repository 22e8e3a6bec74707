namespace HotReloadProxy.Configuration.Validation;

/// <summary>
/// One semantic rule about one route. The validator owns the loop over routes and the error path; a rule
/// reports by JSON path, and the validator turns paths into line and column.
/// </summary>
internal interface IRouteRule
{
    void Check(RouteScope route, ValidationReport report);
}
