namespace HotReload.Traceability.Discovery;

/// <summary>
/// A test method found in a test assembly. <see cref="FullName"/> is <c>Namespace.Class.Method</c>
/// (nested classes joined with '.'), the key that joins it to TRX results.
/// </summary>
public sealed record TestMethod(string Assembly, string Namespace, string ClassName, string MethodName, IReadOnlyList<string> RequirementIds)
{
    public string FullName => Namespace.Length == 0 ? $"{ClassName}.{MethodName}" : $"{Namespace}.{ClassName}.{MethodName}";

    /// <summary><c>Class.Method</c>, the name the feature pages show.</summary>
    public string ShortName => $"{ClassName}.{MethodName}";
}
