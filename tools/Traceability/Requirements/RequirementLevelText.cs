namespace HotReload.Traceability.Requirements;

/// <summary>The level as requirements.csv spells it, for every output.</summary>
public static class RequirementLevelText
{
    public static string Of(RequirementLevel level) => level == RequirementLevel.Must ? "must" : "should";
}
