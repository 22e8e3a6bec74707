namespace HotReload.Traceability.Tests.NUnitShaped.OwnAttributes;

/// <summary>A project's own Requirement attribute, in a namespace of its own, as a non-xunit project declares it.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequirementAttribute(params string[] ids) : Attribute
{
    public IReadOnlyList<string> Ids { get; } = ids;
}
