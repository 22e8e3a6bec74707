namespace HotReload.Traceability.Check;

/// <summary>The reasons the check fails; each one fails CI.</summary>
public enum FindingKind
{
    UnknownRequirementId,
    TestWithoutRequirement,
    MustRequirementWithoutTest,
    MustRequirementWithoutPassingTest,
    StaleFeaturePage,
}
