using HotReload.Traceability.Results;
using HotReload.Traceability.Tests.Support;

namespace HotReload.Traceability.Tests;

[Requirement("TR-01")]
public class TrxReaderTests
{
    [Fact]
    public void Theory_rows_pass_the_method_only_when_every_row_that_ran_passed()
    {
        var results = TrxReader.Read(Fixtures.Trx(
            ("Ns.Routing", "All_pass", "(x: 1)", "Passed"),
            ("Ns.Routing", "All_pass", "(x: 2)", "Passed"),
            ("Ns.Routing", "One_fails", "(x: 1)", "Passed"),
            ("Ns.Routing", "One_fails", "(x: \"a, b\")", "Failed"),
            ("Ns.Routing", "All_skipped", "(x: 1)", "NotExecuted"),
            ("Ns.Routing", "Skip_and_pass", "(x: 1)", "NotExecuted"),
            ("Ns.Routing", "Skip_and_pass", "(x: 2)", "Passed"),
            ("Ns.Routing", "Timed_out", "", "Timeout")));

        Assert.Equal(TestOutcome.Passed, results.OutcomeOf("Ns.Routing.All_pass"));
        Assert.Equal(TestOutcome.Failed, results.OutcomeOf("Ns.Routing.One_fails"));
        Assert.Equal(TestOutcome.NotRun, results.OutcomeOf("Ns.Routing.All_skipped"));
        Assert.Equal(TestOutcome.Passed, results.OutcomeOf("Ns.Routing.Skip_and_pass"));
        Assert.Equal(TestOutcome.Failed, results.OutcomeOf("Ns.Routing.Timed_out"));
        Assert.Equal(TestOutcome.NotRun, results.OutcomeOf("Ns.Routing.Missing"));
        Assert.Equal(5, results.MethodCount);
    }

    [Fact]
    public void A_failure_in_one_file_fails_the_method_that_passed_in_another()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.trx", Fixtures.Trx(("Ns.C", "M", "", "Passed")));
        var second = folder.Write("b.trx", Fixtures.Trx(("Ns.C", "M", "", "Failed")));

        var results = TrxReader.ReadFiles([first, second]);

        Assert.Equal(TestOutcome.Failed, results.OutcomeOf("Ns.C.M"));
    }

    [Fact]
    public void Nested_classes_are_keyed_with_a_dot_like_the_scanner()
    {
        var results = TrxReader.Read(Fixtures.Trx(("Ns.Outer+Inner", "M", "", "Passed")));

        Assert.Equal(TestOutcome.Passed, results.OutcomeOf("Ns.Outer.Inner.M"));
    }

    [Fact]
    public void A_result_without_a_definition_is_keyed_by_its_test_name_without_arguments()
    {
        const string trx = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="1" testName="Ns.C.M(path: &quot;/a(b)&quot;)" outcome="Passed" />
              </Results>
            </TestRun>
            """;

        Assert.Equal(TestOutcome.Passed, TrxReader.Read(trx).OutcomeOf("Ns.C.M"));
    }
}
