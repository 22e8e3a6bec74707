using HotReload.Traceability.Discovery;
using HotReload.Traceability.Tests.NUnitShaped;

namespace HotReload.Traceability.Tests;

/// <summary>NUnit tests are traced like xunit ones, whichever namespace their Requirement attribute lives in.</summary>
[Requirement("HN-07")]
public sealed class NUnitDiscoveryTests
{
    private static readonly Lazy<IReadOnlyList<TestMethod>> Scanned =
        new(() => TestAssemblyScanner.ScanOne(typeof(NUnitShapedFixture).Assembly.Location).Where(t => t.ClassName == nameof(NUnitShapedFixture)).ToList());

    [Fact]
    public void Test_TestCase_and_TestCaseSource_methods_are_tests_and_helpers_are_not() =>
        Assert.Equal(["A_plain_test", "A_test_case", "A_test_case_source"], Scanned.Value.Select(t => t.MethodName));

    [Fact]
    public void A_requirement_attribute_from_any_namespace_names_requirements()
    {
        var plain = Assert.Single(Scanned.Value, t => t.MethodName == "A_plain_test");

        Assert.Equal(["HN-07"], plain.RequirementIds);
        Assert.Equal("HotReload.Traceability.Tests.NUnitShaped.NUnitShapedFixture.A_plain_test", plain.FullName);
    }
}
