using HotReload.Traceability.Report;
using HotReload.Traceability.Requirements;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Check;

/// <summary>
/// The rules that keep requirements.csv and the tests honest with each other. A should requirement
/// may wait for a test; a must requirement may not, and when results are given it needs a pass.
/// </summary>
public static class TraceabilityRules
{
    public static IReadOnlyList<Finding> Evaluate(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<Finding>();
        var known = report.Requirements.Select(r => r.Requirement.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var test in report.Tests)
        {
            if (test.Method.RequirementIds.Count == 0)
            {
                findings.Add(new Finding(
                    FindingKind.TestWithoutRequirement,
                    test.Method.FullName,
                    $"test {test.Method.FullName} ({test.Method.Assembly}) has no [Requirement(...)] attribute; name the requirement(s) it proves on the method or its class"));
            }

            foreach (var id in test.Method.RequirementIds.Where(id => !known.Contains(id)))
            {
                findings.Add(new Finding(
                    FindingKind.UnknownRequirementId,
                    test.Method.FullName,
                    $"test {test.Method.FullName} names unknown requirement id {id}; add it to requirements.csv or fix the attribute"));
            }
        }

        foreach (var coverage in report.Requirements.Where(r => r.Requirement.Level == RequirementLevel.Must))
        {
            var id = coverage.Requirement.Id;
            if (coverage.Tests.Count == 0)
            {
                findings.Add(new Finding(FindingKind.MustRequirementWithoutTest, id, $"must requirement {id} ({coverage.Requirement.Area}) has no test"));
            }
            else if (report.HasResults && !coverage.Tests.Any(t => t.Outcome == TestOutcome.Passed))
            {
                var outcomes = string.Join(", ", coverage.Tests.Select(t => $"{t.Method.ShortName}: {t.Outcome}"));
                findings.Add(new Finding(FindingKind.MustRequirementWithoutPassingTest, id, $"must requirement {id} ({coverage.Requirement.Area}) has no passing test in this run ({outcomes})"));
            }
        }

        return findings;
    }
}
