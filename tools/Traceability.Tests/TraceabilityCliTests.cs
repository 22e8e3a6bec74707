using HotReload.Traceability.Cli;
using HotReload.Traceability.Tests.Support;

namespace HotReload.Traceability.Tests;

/// <summary>
/// The command end to end against this test assembly, whose tests name TR-01 and TR-02 (and HN-07,
/// the NUnit discovery's, listed as should here so it never decides a verdict), with hand-written
/// requirements and TRX files in a temp folder.
/// </summary>
public class TraceabilityCliTests : IDisposable
{
    private const string Requirements = """
        id,area,statement,level
        TR-01,traceability,"Fails on unknown ids, untested musts and musts without a pass",must
        TR-02,traceability,"Writes reports, regenerates pages",must
        TR-03,traceability,"Nice to have, later",should
        HN-07,harness,"NUnit discovery",should

        """;

    private const string HarnessRows = "HN-07,harness,y,should\n";

    private readonly TempFolder folder = new();
    private readonly string assembly = typeof(TraceabilityCliTests).Assembly.Location;

    public void Dispose() => folder.Dispose();

    [Fact]
    [Requirement("TR-01", "TR-02")]
    public void Check_passes_writes_the_reports_and_prints_a_summary()
    {
        var (exit, output, errors) = Run("check", "--requirements", folder.Write("r.csv", Requirements), "--assemblies", assembly, "--out", Out);

        Assert.True(exit == TraceabilityCli.Passed, errors);
        Assert.Contains("traceability: 4 requirements (2 must), 3 covered (75.0%, results not given)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out, "coverage.html")));
    }

    [Fact]
    [Requirement("TR-01")]
    public void Check_fails_on_a_must_requirement_without_a_test_naming_it()
    {
        var csv = folder.Write("r.csv", Requirements + "TR-04,traceability,Untested,must\n");

        var (exit, _, errors) = Run("check", "--requirements", csv, "--assemblies", assembly, "--out", Out);

        Assert.Equal(TraceabilityCli.FindingsFound, exit);
        Assert.Contains("must requirement TR-04 (traceability) has no test", errors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("TR-01")]
    public void Check_fails_on_an_unknown_id_naming_the_test()
    {
        var csv = folder.Write("r.csv", "id,area,statement,level\nTR-01,traceability,x,must\n");

        var (exit, _, errors) = Run("check", "--requirements", csv, "--assemblies", assembly, "--out", Out);

        Assert.Equal(TraceabilityCli.FindingsFound, exit);
        Assert.Contains("names unknown requirement id TR-02", errors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("TR-01")]
    public void Check_with_results_fails_a_must_requirement_whose_tests_failed()
    {
        var cls = typeof(TraceabilityCliTests).FullName!;
        var trx = folder.Write("results/run.trx", Fixtures.Trx(
            (cls, nameof(Check_passes_writes_the_reports_and_prints_a_summary), "", "Passed"),
            (cls, nameof(Check_fails_on_a_must_requirement_without_a_test_naming_it), "", "Failed")));
        var csv = folder.Write("r.csv", "id,area,statement,level\nTR-01,traceability,x,must\nTR-02,traceability,y,must\n" + HarnessRows);

        var (exit, output, errors) = Run("check", "--requirements", csv, "--assemblies", assembly, "--trx", Path.GetDirectoryName(trx)!, "--out", Out);

        // Both named tests name TR-01, one passed; of TR-02's tests only the passing one ran.
        Assert.Equal(TraceabilityCli.Passed, exit);
        Assert.Contains("by a passing test", output, StringComparison.Ordinal);

        var failing = folder.Write("results/run.trx", Fixtures.Trx((cls, nameof(Check_passes_writes_the_reports_and_prints_a_summary), "", "Failed")));
        (exit, _, errors) = Run("check", "--requirements", csv, "--assemblies", assembly, "--trx", failing, "--out", Out);

        Assert.Equal(TraceabilityCli.FindingsFound, exit);
        Assert.Contains("must requirement TR-02 (traceability) has no passing test in this run", errors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("TR-02")]
    public void Features_write_then_verify_passes_and_an_edited_page_fails_naming_file_and_command()
    {
        var csv = folder.Write("r.csv", Requirements);
        var features = Path.Combine(folder.Path, "docs", "features");

        Assert.Equal(TraceabilityCli.Passed, Run("features", "--write", "--requirements", csv, "--assemblies", assembly, "--features", features).Exit);
        Assert.Equal(TraceabilityCli.Passed, Run("check", "--verify-features", "--requirements", csv, "--assemblies", assembly, "--features", features, "--out", Out).Exit);

        File.AppendAllText(Path.Combine(features, "traceability.md"), "| hand edit | | |\n");
        var (exit, _, errors) = Run("check", "--verify-features", "--requirements", csv, "--assemblies", assembly, "--features", features, "--out", Out);

        Assert.Equal(TraceabilityCli.FindingsFound, exit);
        Assert.Contains(Path.Combine(features, "traceability.md"), errors, StringComparison.Ordinal);
        Assert.Contains("features --write", errors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("TR-01")]
    public void Bad_input_exits_2_with_the_reason()
    {
        var csv = folder.Write("r.csv", "id,area,statement,level\nTR-01,traceability,x,maybe\n");

        var (exit, _, errors) = Run("check", "--requirements", csv, "--assemblies", assembly, "--out", Out);

        Assert.Equal(TraceabilityCli.BadInput, exit);
        Assert.Contains("r.csv:2: level 'maybe' for TR-01 is neither must nor should", errors, StringComparison.Ordinal);
        Assert.Equal(TraceabilityCli.BadInput, Run("check", "--trx").Exit);
        Assert.Equal(TraceabilityCli.BadInput, Run("features").Exit);
    }

    private string Out => Path.Combine(folder.Path, "artifacts", "requirements");

    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = TraceabilityCli.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
