namespace HotReload.HarnessConsumer.Tests;

/// <summary>
/// Names the requirement ids (rows of requirements.csv) a test proves. The traceability tool reads any attribute
/// named <c>RequirementAttribute</c> by its constructor's ids, so this NUnit project needs no xunit support.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
internal sealed class RequirementAttribute(params string[] ids) : Attribute
{
    public IReadOnlyList<string> Ids { get; } = ids;
}
