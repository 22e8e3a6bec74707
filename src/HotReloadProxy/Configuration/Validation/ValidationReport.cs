namespace HotReloadProxy.Configuration.Validation;

/// <summary>Where rules put what they find; every rule runs, so the user sees every error at once.</summary>
internal sealed class ValidationReport
{
    private readonly List<(string Path, string Message)> _errors = [];

    public IReadOnlyList<(string Path, string Message)> Errors => _errors;

    public void Error(string path, string message) => _errors.Add((path, message));
}
