using System.Globalization;
using System.Text;
using HotReload.Traceability.Discovery;
using HotReload.Traceability.Requirements;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Tests.Support;

/// <summary>Small hand-made inputs: requirements, test methods and TRX documents.</summary>
public static class Fixtures
{
    public static Requirement Must(string id, string area = "alpha") => new(id, area, $"statement of {id}", RequirementLevel.Must);

    public static Requirement Should(string id, string area = "alpha") => new(id, area, $"statement of {id}", RequirementLevel.Should);

    public static TestMethod Test(string className, string method, params string[] ids) =>
        new("Sample.Tests", "Sample", className, method, ids);

    /// <summary>A TRX document with one UnitTest and UnitTestResult per row, as VSTest writes them.</summary>
    public static string Trx(params (string ClassName, string Method, string Arguments, string Outcome)[] rows)
    {
        var definitions = new StringBuilder();
        var results = new StringBuilder();
        foreach (var (className, method, arguments, outcome) in rows)
        {
            var id = Guid.NewGuid();
            var display = System.Security.SecurityElement.Escape($"{className}.{method}{arguments}");
            definitions.Append(CultureInfo.InvariantCulture, $"""
                    <UnitTest name="{display}" storage="sample.tests.dll" id="{id}">
                      <Execution id="{Guid.NewGuid()}" />
                      <TestMethod codeBase="Sample.Tests.dll" adapterTypeName="executor://xunit/VsTestRunner3/netcore/" className="{className}" name="{method}" />
                    </UnitTest>

                """);
            results.Append(CultureInfo.InvariantCulture, $"""
                    <UnitTestResult executionId="{Guid.NewGuid()}" testId="{id}" testName="{display}" outcome="{outcome}" />

                """);
        }

        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="{Guid.NewGuid()}" name="sample" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
            {results}  </Results>
              <TestDefinitions>
            {definitions}  </TestDefinitions>
            </TestRun>
            """;
    }

    public static TestResults Outcomes(params (string FullName, TestOutcome Outcome)[] outcomes)
    {
        var results = new TestResults();
        foreach (var (name, outcome) in outcomes)
        {
            results.Add(name, outcome);
        }

        return results;
    }
}
