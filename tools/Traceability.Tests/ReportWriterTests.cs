using System.Text.Json;
using HotReload.Traceability.Report;
using HotReload.Traceability.Results;
using HotReload.Traceability.Tests.Support;
using static HotReload.Traceability.Tests.Support.Fixtures;

namespace HotReload.Traceability.Tests;

[Requirement("TR-02")]
public class ReportWriterTests
{
    // alpha: A-01 passed, A-02 failed only, A-03 no test -> 1/3. beta: B-01 passed -> 1/1. Overall 2/4.
    private static readonly CoverageReport Report = CoverageReport.Build(
        [Must("A-01"), Must("A-02"), Should("A-03"), Must("B-01", "beta") with { Statement = "Pipes | and <script>alert(1)</script> & {**catchAll}" }],
        [Test("AlphaTests", "Passes", "A-01", "B-01"), Test("AlphaTests", "Fails", "A-02")],
        Outcomes(("Sample.AlphaTests.Passes", TestOutcome.Passed), ("Sample.AlphaTests.Fails", TestOutcome.Failed)));

    [Fact]
    public void Percentages_count_requirements_with_a_passing_test_overall_and_per_area()
    {
        Assert.Equal(new CoverageSummary(2, 4), Report.Summary);
        Assert.Equal(50.0, Report.Summary.Percent);
        Assert.Equal(["alpha", "beta"], Report.Areas.Select(a => a.Area));
        Assert.Equal(33.3, Report.Areas[0].Summary.Percent);
        Assert.Equal(100.0, Report.Areas[1].Summary.Percent);
    }

    [Fact]
    public void All_three_files_are_written_with_the_same_numbers()
    {
        using var folder = new TempFolder();
        var outFolder = Path.Combine(folder.Path, "artifacts", "requirements");

        var written = ReportFiles.WriteAll(Report, outFolder);

        Assert.Equal(["coverage.md", "coverage.json", "coverage.html"], written.Select(Path.GetFileName));
        var markdown = File.ReadAllText(Path.Combine(outFolder, "coverage.md"));
        Assert.Contains("Overall: 2/4 (50.0%) of requirements covered, 2 tests.", markdown, StringComparison.Ordinal);
        Assert.Contains("| alpha | 1/3 (33.3%) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| A-02 | must | statement of A-02 | no passing test | `AlphaTests.Fails`: failed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| A-03 | should | statement of A-03 | no test | none |", markdown, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "coverage.json")));
        var root = json.RootElement;
        Assert.Equal(50.0, root.GetProperty("summary").GetProperty("percent").GetDouble());
        var alpha = root.GetProperty("areas")[0];
        Assert.Equal(1, alpha.GetProperty("summary").GetProperty("covered").GetInt32());
        Assert.Equal(3, alpha.GetProperty("summary").GetProperty("total").GetInt32());
        var firstTest = alpha.GetProperty("requirements")[0].GetProperty("tests")[0];
        Assert.Equal("Sample.AlphaTests.Passes", firstTest.GetProperty("name").GetString());
        Assert.Equal("passed", firstTest.GetProperty("outcome").GetString());
        Assert.Equal("MustRequirementWithoutPassingTest", root.GetProperty("findings")[0].GetProperty("kind").GetString());

        var html = File.ReadAllText(Path.Combine(outFolder, "coverage.html"));
        Assert.Contains("<strong>2/4 (50.0%)</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_self_contained_and_escapes_statements()
    {
        var html = HtmlReportWriter.Write(Report);

        Assert.Contains("Pipes | and &lt;script&gt;alert(1)&lt;/script&gt; &amp; {**catchAll}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cells_escape_pipes_emphasis_and_tags()
    {
        var markdown = MarkdownReportWriter.Write(Report);

        Assert.Contains(@"Pipes \| and &lt;script&gt;alert(1)&lt;/script&gt; & {\*\*catchAll}", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_results_the_reports_say_coverage_counts_named_tests()
    {
        var report = CoverageReport.Build([Must("A-01")], [Test("AlphaTests", "Passes", "A-01")], results: null);

        Assert.Contains("No test results were given", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Contains("`AlphaTests.Passes`: not run", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
    }
}
