namespace HotReload.Traceability.Tests.Support;

/// <summary>
/// A project-specific Fact subclass, used by one real test so the scanner is proven to count tests
/// whose attribute only derives from FactAttribute (as FsCheck's PropertyAttribute does).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioFactAttribute : FactAttribute
{
}
