using HotReload.Traceability.Check;
using HotReload.Traceability.Discovery;
using HotReload.Traceability.Requirements;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Report;

/// <summary>
/// requirements.csv joined with the tests that name each requirement and, when a run's TRX files are
/// given, their outcomes. Requirements and areas keep the file's order; tests are sorted by name, so
/// everything generated from the report is the same for the same inputs.
/// </summary>
public sealed class CoverageReport
{
    private CoverageReport(IReadOnlyList<RequirementCoverage> requirements, IReadOnlyList<TestCoverage> tests, bool hasResults)
    {
        Requirements = requirements;
        Tests = tests;
        HasResults = hasResults;
        Areas = requirements.GroupBy(r => r.Requirement.Area).Select(g => new AreaCoverage(g.Key, g.ToList())).ToList();
        Summary = CoverageSummary.Of(requirements);
        Findings = TraceabilityRules.Evaluate(this);
    }

    public IReadOnlyList<RequirementCoverage> Requirements { get; }

    public IReadOnlyList<AreaCoverage> Areas { get; }

    public IReadOnlyList<TestCoverage> Tests { get; }

    /// <summary>Whether TRX results were given; without them no outcome is known.</summary>
    public bool HasResults { get; }

    public CoverageSummary Summary { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public static CoverageReport Build(IReadOnlyList<Requirement> requirements, IEnumerable<TestMethod> tests, TestResults? results)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(tests);
        var hasResults = results is not null;
        var covered = tests
            .Select(t => new TestCoverage(t, results?.OutcomeOf(t.FullName) ?? TestOutcome.NotRun))
            .OrderBy(t => t.Method.FullName, StringComparer.Ordinal)
            .ThenBy(t => t.Method.Assembly, StringComparer.Ordinal)
            .ToList();
        var byId = covered
            .SelectMany(t => t.Method.RequirementIds.Select(id => (id, t)))
            .ToLookup(x => x.id, x => x.t, StringComparer.Ordinal);
        var perRequirement = requirements.Select(r => new RequirementCoverage(r, byId[r.Id].ToList(), hasResults)).ToList();
        return new CoverageReport(perRequirement, covered, hasResults);
    }
}
