using HotReload.Traceability.Results;

namespace HotReload.Traceability.Report;

/// <summary>The words the reports use for outcomes and coverage, the same in every format.</summary>
public static class OutcomeText
{
    public static string Of(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        _ => "not run",
    };

    public static string Status(RequirementCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return coverage switch
        {
            { IsCovered: true } => "covered",
            { Tests.Count: 0 } => "no test",
            _ => "no passing test",
        };
    }

    public static string Percent(CoverageSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{summary.Covered}/{summary.Total} ({summary.Percent:0.0}%)");
    }

    public static string CoverageMeaning(bool hasResults) => hasResults
        ? "A requirement is covered when at least one of its tests passed in this run."
        : "No test results were given, so a requirement counts as covered when any test names it.";
}
