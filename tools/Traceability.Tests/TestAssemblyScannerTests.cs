using HotReload.Traceability.Discovery;
using HotReload.Traceability.Tests.Support;

namespace HotReload.Traceability.Tests;

/// <summary>
/// Scans this very assembly, whose tests carry real attributes: the class-level TR-01 below, a
/// method-level TR-02, a Theory and a Fact subclass.
/// </summary>
[Requirement("TR-01")]
public class TestAssemblyScannerTests
{
    private static readonly Lazy<IReadOnlyList<TestMethod>> Scanned =
        new(() => TestAssemblyScanner.ScanOne(typeof(TestAssemblyScannerTests).Assembly.Location));

    [Fact]
    [Requirement("TR-02", "TR-01")]
    public void Class_and_method_requirements_are_merged_sorted_and_deduplicated()
    {
        var test = Find(nameof(Class_and_method_requirements_are_merged_sorted_and_deduplicated));

        Assert.Equal(["TR-01", "TR-02"], test.RequirementIds);
        Assert.Equal("HotReload.Traceability.Tests", test.Namespace);
        Assert.Equal("HotReload.Traceability.Tests", test.Assembly);
        Assert.Equal("HotReload.Traceability.Tests.TestAssemblyScannerTests." + test.MethodName, test.FullName);
    }

    [Theory]
    [InlineData(nameof(Theories_are_test_methods))]
    public void Theories_are_test_methods(string name) => Assert.Equal(["TR-01"], Find(name).RequirementIds);

    [ScenarioFact]
    public void Fact_subclasses_are_test_methods() => Assert.Equal(["TR-01"], Find(nameof(Fact_subclasses_are_test_methods)).RequirementIds);

    [Fact]
    public void Helpers_and_attributes_without_fact_are_not_test_methods()
    {
        Assert.DoesNotContain(Scanned.Value, t => t.MethodName == nameof(Find));
        Assert.DoesNotContain(Scanned.Value, t => t.ClassName == nameof(TempFolder));
    }

    [Fact]
    public void A_missing_assembly_says_to_build_first()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TestAssemblyScanner.ScanOne("no/such/Tests.dll"));

        Assert.Contains("build the solution first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_of_this_assembly_names_a_requirement() =>
        Assert.All(Scanned.Value, t => Assert.NotEmpty(t.RequirementIds));

    private static TestMethod Find(string method) =>
        Assert.Single(Scanned.Value, t => t.ClassName == nameof(TestAssemblyScannerTests) && t.MethodName == method);
}
