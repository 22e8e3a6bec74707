using System.Globalization;
using HotReload.Traceability.Check;
using HotReload.Traceability.Discovery;
using HotReload.Traceability.Features;
using HotReload.Traceability.Report;
using HotReload.Traceability.Requirements;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Cli;

/// <summary>Runs a command: 0 when the check passes, 1 with findings, 2 when the input is unusable.</summary>
public static class TraceabilityCli
{
    public const int Passed = 0;
    public const int FindingsFound = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return Run(CliOptions.Parse(args), output, errors);
        }
        catch (UsageException e)
        {
            errors.WriteLine("traceability: " + e.Message);
            errors.WriteLine(CliOptions.Usage);
            return BadInput;
        }
        catch (Exception e) when (e is RequirementsFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or System.Xml.XmlException or BadImageFormatException)
        {
            errors.WriteLine("traceability: " + e.Message);
            return BadInput;
        }
    }

    private static int Run(CliOptions options, TextWriter output, TextWriter errors)
    {
        var requirements = RequirementsCsvReader.ReadFile(options.RequirementsPath);
        var assemblies = options.Assemblies.Count > 0 ? options.Assemblies : InputFiles.DefaultTestAssemblies(Directory.GetCurrentDirectory());
        if (assemblies.Count == 0)
        {
            throw new UsageException("no test assemblies given or found; build first (dotnet build HotReload.sln) or pass --assemblies");
        }

        var tests = TestAssemblyScanner.Scan(assemblies);
        TestResults? results = null;
        if (options.Command == "check" && options.TrxPaths.Count > 0)
        {
            var trxFiles = InputFiles.TrxFiles(options.TrxPaths);
            if (trxFiles.Count == 0)
            {
                throw new UsageException("no .trx file found in " + string.Join(", ", options.TrxPaths) + "; run dotnet test --logger trx first");
            }

            results = TrxReader.ReadFiles(trxFiles);
        }

        var report = CoverageReport.Build(requirements, tests, results);
        var findings = report.Findings.ToList();
        var pages = FeaturePages.Generate(report);
        if (options.WriteFeatures)
        {
            FeaturePageSync.Write(pages, options.FeaturesFolder);
            output.WriteLine($"wrote {pages.Count} feature pages to {options.FeaturesFolder}");
        }
        else if (options.VerifyFeatures)
        {
            findings.AddRange(FeaturePageSync.Verify(pages, options.FeaturesFolder));
        }

        if (options.Command == "features")
        {
            // Regenerating pages must work while tests still lack requirements; only staleness counts here.
            findings = findings.Where(f => f.Kind == FindingKind.StaleFeaturePage).ToList();
        }
        else
        {
            foreach (var file in ReportFiles.WriteAll(report, options.OutFolder))
            {
                output.WriteLine("wrote " + file);
            }
        }

        var notRun = report.HasResults ? report.Tests.Count(t => t.Outcome == TestOutcome.NotRun) : 0;
        if (notRun > 0)
        {
            // Skipped tests land here, but so would every test if the TRX files were of another build.
            output.WriteLine($"note: {notRun} of {report.Tests.Count} tests have no passing or failing result in the TRX files");
        }

        PrintFindings(findings, errors);
        output.WriteLine(Summary(report, assemblies.Count, findings.Count));
        return findings.Count == 0 ? Passed : FindingsFound;
    }

    private static void PrintFindings(List<Finding> findings, TextWriter errors)
    {
        foreach (var group in findings.GroupBy(f => f.Kind))
        {
            errors.WriteLine($"{Describe(group.Key)} ({group.Count()}):");
            foreach (var finding in group)
            {
                errors.WriteLine("  " + finding.Message);
            }

            if (group.Key == FindingKind.StaleFeaturePage)
            {
                errors.WriteLine($"  regenerate them with: {FeaturePages.RegenerateCommand}, then commit docs/features");
            }
        }
    }

    private static string Describe(FindingKind kind) => kind switch
    {
        FindingKind.UnknownRequirementId => "tests naming an unknown requirement id",
        FindingKind.TestWithoutRequirement => "tests without a [Requirement] attribute",
        FindingKind.MustRequirementWithoutTest => "must requirements without a test",
        FindingKind.MustRequirementWithoutPassingTest => "must requirements without a passing test",
        _ => "stale feature pages",
    };

    private static string Summary(CoverageReport report, int assemblies, int failures) => string.Create(
        CultureInfo.InvariantCulture,
        $"traceability: {report.Requirements.Count} requirements ({report.Requirements.Count(r => r.Requirement.Level == RequirementLevel.Must)} must), " +
        $"{report.Summary.Covered} covered ({report.Summary.Percent:0.0}%{(report.HasResults ? " by a passing test" : ", results not given")}), " +
        $"{report.Tests.Count} tests in {assemblies} assemblies, {failures} failures");
}
