using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>Where rules put what they find; every rule runs, so the user sees every error at once.</summary>
internal sealed class ValidationReport
{
    private readonly List<(string Path, string Message)> _errors = [];

    public IReadOnlyList<(string Path, string Message)> Errors => _errors;

    /// <summary>The path is spelt out here, on the error path only: a valid config builds no path strings.</summary>
    public void Error(PathRef path, string message) => _errors.Add((path.ToString(), message));
}
