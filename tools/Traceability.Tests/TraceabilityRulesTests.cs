using HotReload.Traceability.Check;
using HotReload.Traceability.Report;
using HotReload.Traceability.Results;
using HotReload.Traceability.Tests.Support;
using static HotReload.Traceability.Tests.Support.Fixtures;

namespace HotReload.Traceability.Tests;

[Requirement("TR-01")]
public class TraceabilityRulesTests
{
    [Fact]
    public void A_test_naming_an_unknown_id_fails_and_the_message_names_test_and_id()
    {
        var report = CoverageReport.Build([Must("A-01")], [Test("Covers", "Both", "A-01", "A-99")], results: null);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.UnknownRequirementId, finding.Kind);
        Assert.Contains("Sample.Covers.Both", finding.Message, StringComparison.Ordinal);
        Assert.Contains("A-99", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_must_requirement_without_a_test_fails()
    {
        var report = CoverageReport.Build([Must("A-01"), Must("A-02")], [Test("Covers", "First", "A-01")], results: null);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.MustRequirementWithoutTest, finding.Kind);
        Assert.Equal("A-02", finding.Subject);
    }

    [Fact]
    public void A_should_requirement_without_a_test_is_allowed_but_not_covered()
    {
        var report = CoverageReport.Build([Must("A-01"), Should("A-02")], [Test("Covers", "First", "A-01")], Outcomes(("Sample.Covers.First", TestOutcome.Passed)));

        Assert.Empty(report.Findings);
        Assert.False(report.Requirements[1].IsCovered);
        Assert.Equal(new CoverageSummary(1, 2), report.Summary);
    }

    [Fact]
    public void A_must_requirement_whose_tests_all_failed_or_did_not_run_fails()
    {
        var results = Outcomes(("Sample.Covers.Fails", TestOutcome.Failed));
        var report = CoverageReport.Build([Must("A-01")], [Test("Covers", "Fails", "A-01"), Test("Covers", "Skipped", "A-01")], results);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.MustRequirementWithoutPassingTest, finding.Kind);
        Assert.Contains("Covers.Fails: Failed", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Covers.Skipped: NotRun", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_passing_test_is_enough_for_a_must_requirement()
    {
        var results = Outcomes(("Sample.Covers.Fails", TestOutcome.Failed), ("Sample.Covers.Passes", TestOutcome.Passed));
        var report = CoverageReport.Build([Must("A-01")], [Test("Covers", "Fails", "A-01"), Test("Covers", "Passes", "A-01")], results);

        Assert.Empty(report.Findings);
        Assert.True(report.Requirements[0].IsCovered);
    }

    [Fact]
    public void Without_results_a_named_test_is_enough_and_no_outcome_is_judged()
    {
        var report = CoverageReport.Build([Must("A-01")], [Test("Covers", "First", "A-01")], results: null);

        Assert.Empty(report.Findings);
        Assert.True(report.Requirements[0].IsCovered);
        Assert.False(report.HasResults);
    }

    [Fact]
    public void A_test_without_any_requirement_fails()
    {
        var report = CoverageReport.Build([Should("A-01")], [Test("Orphans", "Proves_nothing")], results: null);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.TestWithoutRequirement, finding.Kind);
        Assert.Contains("Sample.Orphans.Proves_nothing", finding.Message, StringComparison.Ordinal);
    }
}
