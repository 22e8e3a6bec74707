using Xunit.Sdk;

namespace HotReload.TestSupport;

/// <summary>
/// Names the requirement ids (rows of requirements.csv) that a test proves. Each id becomes an xunit
/// trait <c>Requirement=ID</c>, so <c>dotnet test --filter Requirement=HR-01</c> runs exactly those tests.
/// On a class it applies to every test in the class. The traceability tool reads it by reflection,
/// because VSTest's TRX output drops custom traits.
/// </summary>
[TraitDiscoverer(RequirementDiscoverer.TypeName, RequirementDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequirementAttribute : Attribute, ITraitAttribute
{
    public RequirementAttribute(params string[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Ids = ids;
    }

    public IReadOnlyList<string> Ids { get; }
}
