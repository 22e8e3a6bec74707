namespace HotReload.Traceability.Cli;

/// <summary>
/// The parsed command line. Flags that take lists (--assemblies, --trx) take every value up to the
/// next flag and may also be repeated, so a shell array can be passed as is.
/// </summary>
public sealed record CliOptions(
    string Command,
    string RequirementsPath,
    IReadOnlyList<string> Assemblies,
    IReadOnlyList<string> TrxPaths,
    string OutFolder,
    string FeaturesFolder,
    bool VerifyFeatures,
    bool WriteFeatures)
{
    public const string Usage = """
        usage:
          Traceability check [--requirements requirements.csv] [--assemblies <test.dll>...] [--trx <file.trx|folder>...]
                             [--out artifacts/requirements] [--features docs/features] [--verify-features | --write-features]
          Traceability features (--write | --verify) [--requirements requirements.csv] [--assemblies <test.dll>...] [--features docs/features]

        Without --assemblies, every built */*/bin/Debug/net10.0/*.Tests.dll under tests/ and tools/ is read.
        check fails (exit 1) on a test naming an unknown requirement id, a test without [Requirement],
        a must requirement without a test, a must requirement without a passing test (only with --trx),
        and, with --verify-features, a feature page that differs from the generated one. Exit 2: bad input.
        """;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("check" or "features"))
        {
            throw new UsageException(args.Count == 0 ? "no command given" : $"unknown command '{args[0]}'");
        }

        var requirements = "requirements.csv";
        var assemblies = new List<string>();
        var trx = new List<string>();
        var outFolder = Path.Combine("artifacts", "requirements");
        var features = Path.Combine("docs", "features");
        bool verify = false, write = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--requirements":
                    requirements = Single(args, ref i);
                    break;
                case "--assemblies":
                    assemblies.AddRange(Many(args, ref i));
                    break;
                case "--trx":
                    trx.AddRange(Many(args, ref i));
                    break;
                case "--out":
                    outFolder = Single(args, ref i);
                    break;
                case "--features":
                    features = Single(args, ref i);
                    break;
                case "--verify-features" or "--verify":
                    verify = true;
                    break;
                case "--write-features" or "--write":
                    write = true;
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'");
            }
        }

        if (verify && write)
        {
            throw new UsageException("choose one of verifying and writing the feature pages");
        }

        if (args[0] == "features" && !verify && !write)
        {
            throw new UsageException("features needs --write or --verify");
        }

        return new CliOptions(args[0], requirements, assemblies, trx, outFolder, features, verify, write);
    }

    private static string Single(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static List<string> Many(IReadOnlyList<string> args, ref int i)
    {
        var flag = args[i];
        var values = new List<string>();
        while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            values.Add(args[++i]);
        }

        return values.Count > 0 ? values : throw new UsageException($"{flag} needs at least one value");
    }
}
