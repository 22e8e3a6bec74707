using Xunit.Abstractions;
using Xunit.Sdk;

namespace HotReload.TestSupport;

/// <summary>Turns each id of a <see cref="RequirementAttribute"/> into a <c>Requirement</c> trait.</summary>
public sealed class RequirementDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "HotReload.TestSupport.RequirementDiscoverer";
    public const string AssemblyName = "HotReload.TestSupport";
    public const string TraitName = "Requirement";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        ArgumentNullException.ThrowIfNull(traitAttribute);
        var arguments = traitAttribute.GetConstructorArguments().ToArray();
        foreach (var argument in arguments)
        {
            var ids = argument switch
            {
                string single => [single],
                IEnumerable<object> many => many.OfType<string>(),
                _ => [],
            };
            foreach (var id in ids)
            {
                yield return new KeyValuePair<string, string>(TraitName, id);
            }
        }
    }
}
