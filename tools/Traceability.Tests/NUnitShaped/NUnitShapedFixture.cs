namespace HotReload.Traceability.Tests.NUnitShaped;

/// <summary>
/// NUnit-shaped tests for the scanner to find (see <see cref="NUnitDiscoveryTests"/>). This project has no NUnit
/// adapter, so they are never run; their requirement is proven by the xunit tests that scan them.
/// </summary>
[NUnit.Framework.TestFixture]
[OwnAttributes.Requirement("HN-07")]
public sealed class NUnitShapedFixture
{
    public static IEnumerable<int> Rows => [1, 2];

    [NUnit.Framework.Test]
    public void A_plain_test()
    {
    }

    [NUnit.Framework.TestCase(1)]
    [NUnit.Framework.TestCase(2)]
    public void A_test_case(int row) => GC.KeepAlive(row);

    [NUnit.Framework.TestCaseSource(nameof(Rows))]
    public void A_test_case_source(int row) => GC.KeepAlive(row);

    public void Not_a_test()
    {
    }
}
