using HotReload.Traceability.Check;
using HotReload.Traceability.Features;
using HotReload.Traceability.Report;
using HotReload.Traceability.Tests.Support;
using static HotReload.Traceability.Tests.Support.Fixtures;

namespace HotReload.Traceability.Tests;

[Requirement("TR-02")]
public class FeaturePagesTests
{
    private static CoverageReport Report(params Discovery.TestMethod[] tests) => CoverageReport.Build(
        [Must("A-01"), Should("A-02"), Must("B-01", "beta")],
        tests,
        results: null);

    [Fact]
    public void Each_area_page_lists_its_requirements_then_its_tests_with_what_they_prove()
    {
        var pages = FeaturePages.Generate(Report(Test("ZetaTests", "Deleted_file_keeps_serving", "A-01", "B-01"), Test("AlphaTests", "RouteIsAdded", "A-02")));

        Assert.Equal(["README.md", "alpha.md", "beta.md"], pages.Keys);
        var alpha = pages["alpha.md"];
        Assert.Contains("| A-01 | must | statement of A-01 | 1 |", alpha, StringComparison.Ordinal);
        Assert.Contains("| A-02 | should | statement of A-02 | 1 |", alpha, StringComparison.Ordinal);
        Assert.Contains("| `AlphaTests.RouteIsAdded` | A-02 | Route is added |", alpha, StringComparison.Ordinal);
        Assert.Contains("| `ZetaTests.Deleted_file_keeps_serving` | A-01, B-01 | Deleted file keeps serving |", alpha, StringComparison.Ordinal);
        Assert.True(alpha.IndexOf("AlphaTests", StringComparison.Ordinal) < alpha.IndexOf("ZetaTests", StringComparison.Ordinal), "tests are sorted");
        Assert.Contains("| [beta](beta.md) | 1 | 1 | 1 | 1 |", pages["README.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Generation_is_deterministic_whatever_the_order_of_the_tests()
    {
        var first = FeaturePages.Generate(Report(Test("B", "Two", "A-01"), Test("A", "One", "A-01")));
        var second = FeaturePages.Generate(Report(Test("A", "One", "A-01"), Test("B", "Two", "A-01")));

        Assert.Equal(first, second);
        Assert.All(first.Values, page => Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal));
    }

    [Fact]
    public void A_stale_page_is_detected_with_its_file_and_line_and_the_regenerated_pages_pass()
    {
        using var folder = new TempFolder();
        FeaturePageSync.Write(FeaturePages.Generate(Report(Test("A", "One", "A-01"))), folder.Path);
        var current = FeaturePages.Generate(Report(Test("A", "One", "A-01"), Test("A", "Two", "A-01")));

        var findings = FeaturePageSync.Verify(current, folder.Path);
        Assert.All(findings, f => Assert.Equal(FindingKind.StaleFeaturePage, f.Kind));
        Assert.Equal([Path.Combine(folder.Path, "README.md"), Path.Combine(folder.Path, "alpha.md")], findings.Select(f => f.Subject));
        Assert.Contains(
            "alpha.md differs from the generated page at line 9 (expected \"| A-01 | must | statement of A-01 | 2 |\", found \"| A-01 | must | statement of A-01 | 1 |\")",
            findings[1].Message,
            StringComparison.Ordinal);

        FeaturePageSync.Write(current, folder.Path);
        Assert.Empty(FeaturePageSync.Verify(current, folder.Path));
    }

    [Fact]
    public void Missing_pages_and_pages_of_removed_areas_are_stale_but_hand_written_files_are_not()
    {
        using var folder = new TempFolder();
        var pages = FeaturePages.Generate(Report(Test("A", "One", "A-01")));
        FeaturePageSync.Write(pages, folder.Path);
        File.Delete(Path.Combine(folder.Path, "beta.md"));
        folder.Write("gamma.md", FeaturePages.GeneratedMarker + " for an area since removed -->\n");
        folder.Write("notes.md", "# Hand-written\n");

        var findings = FeaturePageSync.Verify(pages, folder.Path);

        Assert.Equal([Path.Combine(folder.Path, "beta.md"), Path.Combine(folder.Path, "gamma.md")], findings.Select(f => f.Subject));
        FeaturePageSync.Write(pages, folder.Path);
        Assert.False(File.Exists(Path.Combine(folder.Path, "gamma.md")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "notes.md")));
    }

    [Fact]
    public void Crlf_checkouts_of_an_up_to_date_page_are_not_stale()
    {
        using var folder = new TempFolder();
        var pages = FeaturePages.Generate(Report(Test("A", "One", "A-01")));
        foreach (var (name, content) in pages)
        {
            folder.Write(name, content.ReplaceLineEndings("\r\n"));
        }

        Assert.Empty(FeaturePageSync.Verify(pages, folder.Path));
    }

    [Theory]
    [InlineData("Deleted_file_keeps_serving", "Deleted file keeps serving")]
    [InlineData("SIGHUP_triggers_a_reload", "SIGHUP triggers a reload")]
    [InlineData("DeletedFileKeepsServing", "Deleted file keeps serving")]
    [InlineData("ParsesJSONConfigAsync", "Parses JSON config")]
    [InlineData("retries_within_20ms", "Retries within 20ms")]
    public void Method_names_read_as_sentences(string method, string sentence) =>
        Assert.Equal(sentence, TestNameSentence.From(method));
}
