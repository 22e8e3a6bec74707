namespace HotReload.Traceability.Requirements;

public enum RequirementLevel
{
    /// <summary>Must have a test, and a passing one when results are given; CI fails otherwise.</summary>
    Must,

    /// <summary>Reported, but a missing or failing test does not fail the check.</summary>
    Should,
}
