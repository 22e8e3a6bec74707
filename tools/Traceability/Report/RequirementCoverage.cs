using HotReload.Traceability.Requirements;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Report;

/// <summary>A requirement and the tests that name it, sorted by test name.</summary>
public sealed record RequirementCoverage(Requirement Requirement, IReadOnlyList<TestCoverage> Tests, bool HasResults)
{
    /// <summary>
    /// Covered means proven by a passing test; without results (no TRX given) only the existence of a
    /// test can be known, so a named test counts.
    /// </summary>
    public bool IsCovered => HasResults ? Tests.Any(t => t.Outcome == TestOutcome.Passed) : Tests.Count > 0;
}
