namespace HotReload.Traceability.Results;

/// <summary>
/// Outcomes per test method (<c>Namespace.Class.Method</c>). Theory rows and repeated runs of a method
/// fold into one outcome: a failure anywhere fails the method, a skipped row counts for nothing.
/// </summary>
public sealed class TestResults
{
    private readonly Dictionary<string, TestOutcome> outcomes = new(StringComparer.Ordinal);

    public int MethodCount => outcomes.Count;

    public TestOutcome OutcomeOf(string fullName) =>
        outcomes.TryGetValue(fullName, out var outcome) ? outcome : TestOutcome.NotRun;

    public void Add(string fullName, TestOutcome rowOutcome)
    {
        var before = OutcomeOf(fullName);
        outcomes[fullName] = (before, rowOutcome) switch
        {
            (TestOutcome.Failed, _) or (_, TestOutcome.Failed) => TestOutcome.Failed,
            (TestOutcome.Passed, _) or (_, TestOutcome.Passed) => TestOutcome.Passed,
            _ => TestOutcome.NotRun,
        };
    }
}
