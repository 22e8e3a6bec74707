using HotReload.Conformance.Profiles;
using HotReload.Conformance.Reports;
using HotReload.Conformance.Running;
using HotReload.Conformance.Targets;

namespace HotReload.Conformance.Cli;

/// <summary>
/// <c>run --target &lt;profile.json&gt; [--scenarios a,b] [--quick] [--clients n] [--out dir]</c>.
/// Exit 0: every scenario passed; 1: some scenario broke a rule or could not run; 2: usage or profile error.
/// </summary>
public static class ConformanceCli
{
    public const string Usage = """
        usage: hotreload-conformance run --target <profile.json> [--scenarios <keys or ids>] [--quick] [--clients <n>] [--out <dir>]
               hotreload-conformance list
          --target      a target profile (see conformance/profiles/)
          --scenarios   comma-separated scenario keys or requirement ids (default: all)
          --quick       fewer repetitions and clients, the same checks (for CI)
          --clients     concurrent load clients (default 8, quick 4)
          --out         report directory (default artifacts/conformance)
        exit 0 = conformant, 1 = violations or a scenario could not run, 2 = usage or profile error
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args.Length > 0 && args[0] == "list")
            {
                foreach (var scenario in Scenarios.ScenarioCatalog.All)
                {
                    output.WriteLine($"{scenario.RequirementId}  {scenario.Key,-18} {scenario.Title}");
                }

                return 0;
            }

            if (args.Length == 0 || args[0] != "run")
            {
                error.WriteLine(Usage);
                return 2;
            }

            var options = Parse(args.Skip(1).ToArray());
            var profile = ProfileLoader.Load(options.Target);
            var run = await ConformanceRunner.RunAsync(profile, new ProcessLauncher(profile), new RunOptions
            {
                Scenarios = options.Scenarios,
                Quick = options.Quick,
                Clients = options.Clients,
                Progress = output,
            });
            var files = ReportWriter.WriteAll(run, options.Out);
            output.WriteLine();
            output.WriteLine(MarkdownReport.Write(run));
            output.WriteLine($"reports: {string.Join(" ", files)}");
            return run.Conformant ? 0 : 1;
        }
        catch (Exception e) when (e is ProfileException or ArgumentException or FormatException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static (string Target, string? Scenarios, bool Quick, int? Clients, string Out) Parse(string[] args)
    {
        string? target = null;
        string? scenarios = null;
        var quick = false;
        int? clients = null;
        var outDirectory = Path.Combine("artifacts", "conformance");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--target": target = Value(); break;
                case "--scenarios": scenarios = Value(); break;
                case "--quick": quick = true; break;
                case "--clients": clients = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--out": outDirectory = Value(); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        return (target ?? throw new ArgumentException($"--target is required.\n{Usage}"), scenarios, quick, clients, outDirectory);
    }
}
