using System.Xml.Linq;

namespace HotReload.Traceability.Results;

/// <summary>
/// Reads VSTest TRX files. Each UnitTest's TestMethod names the class and the method (theory rows
/// share it), and each UnitTestResult points at a UnitTest by testId; results are keyed back to
/// <c>Namespace.Class.Method</c> so they join the methods found by reflection.
/// </summary>
public static class TrxReader
{
    public static TestResults ReadFiles(IEnumerable<string> trxPaths)
    {
        ArgumentNullException.ThrowIfNull(trxPaths);
        var results = new TestResults();
        foreach (var path in trxPaths)
        {
            Read(XDocument.Load(path), results);
        }

        return results;
    }

    public static TestResults Read(string trxXml)
    {
        var results = new TestResults();
        Read(XDocument.Parse(trxXml), results);
        return results;
    }

    private static void Read(XDocument trx, TestResults into)
    {
        var methodByTestId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unitTest in trx.Descendants().Where(e => e.Name.LocalName == "UnitTest"))
        {
            var id = (string?)unitTest.Attribute("id");
            var name = MethodName(unitTest);
            if (id is not null && name is not null)
            {
                methodByTestId[id] = name;
            }
        }

        foreach (var result in trx.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var testId = (string?)result.Attribute("testId");
            var name = testId is not null && methodByTestId.TryGetValue(testId, out var known)
                ? known
                : WithoutArguments((string?)result.Attribute("testName"));
            if (name is not null)
            {
                into.Add(Normalize(name), Outcome((string?)result.Attribute("outcome")));
            }
        }
    }

    private static string? MethodName(XElement unitTest)
    {
        var testMethod = unitTest.Elements().FirstOrDefault(e => e.Name.LocalName == "TestMethod");
        var className = (string?)testMethod?.Attribute("className");
        var method = WithoutArguments((string?)testMethod?.Attribute("name"));
        if (className is null || method is null)
        {
            return WithoutArguments((string?)unitTest.Attribute("name"));
        }

        // Some adapters put the fully qualified name in TestMethod's name already.
        return method.StartsWith(className + ".", StringComparison.Ordinal) ? method : className + "." + method;
    }

    // "Ns.Class.Method(x: 1)" is a theory row of Ns.Class.Method.
    private static string? WithoutArguments(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? name : name[..open];
    }

    // Nested classes are Outer+Inner in TRX and Outer.Inner in the scanner's names.
    private static string Normalize(string name) => name.Replace('+', '.').Trim();

    private static TestOutcome Outcome(string? outcome) => outcome switch
    {
        "Passed" => TestOutcome.Passed,
        "NotExecuted" or "Inconclusive" or "Pending" or "InProgress" or null => TestOutcome.NotRun,
        _ => TestOutcome.Failed,
    };
}
