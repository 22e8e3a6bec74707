using System.Text;
using HotReloadProxy.Testing.Configs;
using HotReload.Testing.Files;
using HotReloadProxy.Cli;
using HotReloadProxy.Reload;

namespace HotReload.Functional.Tests.Cli;

/// <summary>The command line refuses what it does not understand, and every failure has one exit code.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan NothingStarts = TimeSpan.FromSeconds(30);

    [Theory]
    [Requirement("UX-02")]
    [InlineData("--confg", "/etc/proxy.json", "'--confg'", " Did you mean '--config'?")]
    [InlineData("--consul", "http://127.0.0.1:8500", "'--consul'", "")]
    [InlineData("-c", "proxy.json", "'-c'", "")]
    public async Task An_unknown_option_exits_2_naming_it_and_listing_the_valid_ones(string option, string value, string named, string suggestion)
    {
        var (exit, stdout, stderr) = await RunAsync(option, value);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        var lines = stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            $"Unknown option {named}.{suggestion} Valid options: --config, --urls, --admin-urls, --config-dir, --strict, --delete-grace, --etcd, --etcd-key, --etcd-max-backoff, --etcd-keepalive, --etcd-startup-timeout, --poll, --reload-debounce, --max-config-bytes, --generation-header, --http2, --drain-timeout.",
            lines[0]);
        Assert.Equal("Run with --help for the options.", lines[1]);
    }

    [Theory]
    [Requirement("UX-02")]
    [InlineData(new[] { "--config" }, "Option --config needs a value: write --config <path>.")]
    [InlineData(new[] { "--config", "--poll", "500" }, "Option --config needs a value: write --config <path>.")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0", "--max-config-bytes" }, "Option --max-config-bytes needs a value: write --max-config-bytes <n>.")]
    [InlineData(new[] { "--poll", "5", "--poll", "6" }, "Option --poll is given twice; give it once.")]
    [InlineData(new[] { "proxy.json" }, "Unexpected argument 'proxy.json'. The only command is 'validate <path>'; options start with --, such as --config <path>.")]
    public async Task A_missing_value_a_repeated_option_or_a_stray_argument_exits_2_naming_it(string[] args, string message)
    {
        var (exit, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message + Environment.NewLine, stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("UX-02")]
    public void Options_are_read_in_both_spellings_and_a_value_may_be_negative()
    {
        var parsed = CommandLineParser.Parse(["--config=a.json", "--poll", "500", "--reload-debounce", "-1"], KnownOptions.Run);

        Assert.Equal(new Dictionary<string, string> { ["config"] = "a.json", ["poll"] = "500", ["reload-debounce"] = "-1" }, parsed.Options);
        Assert.Empty(parsed.Positionals);
    }

    [Theory]
    [Requirement("UX-03")]
    [InlineData(nameof(RejectionReason.None), 0)]
    [InlineData(nameof(RejectionReason.Syntax), 1)]
    [InlineData(nameof(RejectionReason.Empty), 1)]
    [InlineData(nameof(RejectionReason.Invalid), 1)]
    [InlineData(nameof(RejectionReason.RestartRequired), 1)]
    [InlineData(nameof(RejectionReason.Missing), 2)]
    [InlineData(nameof(RejectionReason.IsDirectory), 2)]
    [InlineData(nameof(RejectionReason.Unreadable), 2)]
    [InlineData(nameof(RejectionReason.TooLarge), 2)]
    public void Each_rejection_reason_has_one_exit_code(string reasonName, int exit)
    {
        // By name: the proxy's types are internal, and a public test method cannot take one.
        var reason = Enum.Parse<RejectionReason>(reasonName);
        Assert.Equal(exit, ExitCodes.For(reason));
        if (reason != RejectionReason.None)
        {
            Assert.Equal(exit, ExitCodes.For(new ConfigLoadException("/x/proxy.json", reason, [])));
        }
    }

    [Theory]
    [Requirement("UX-03", "CV-11", "CV-12")]
    [InlineData("missing", 2)]
    [InlineData("too-large", 2)]
    [InlineData("syntax", 1)]
    [InlineData("invalid", 1)]
    public async Task Starting_and_validate_exit_with_the_same_code_for_the_same_file(string kind, int expected)
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        switch (kind)
        {
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "too-large":
                File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());
                break;
            case "syntax":
                File.WriteAllText(path, TestConfigs.TruncatedJson("v1"));
                break;
            case "invalid":
                File.WriteAllText(path, TestConfigs.UnknownClusterJson("v1"));
                break;
        }

        var limit = kind == "too-large" ? "100" : "65536";
        var (startExit, _, startErrors) = await RunAsync("--config", path, "--max-config-bytes", limit, "--urls", "http://127.0.0.1:0", "--admin-urls", "none");
        var (validateExit, _, validateErrors) = await RunAsync("validate", path, "--max-config-bytes", limit);

        Assert.Equal((expected, expected), (startExit, validateExit));
        var firstValidateError = validateErrors.Split(Environment.NewLine)[0];
        Assert.Contains(firstValidateError, startErrors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("UX-03")]
    public async Task Validate_honours_max_config_bytes_as_a_reload_would()
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson(), new UTF8Encoding(false));
        var size = new FileInfo(path).Length;

        var (fits, _, _) = await RunAsync("validate", path, "--max-config-bytes", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (over, _, errors) = await RunAsync("validate", path, $"--max-config-bytes={size - 1}");

        Assert.Equal((0, 2), (fits, over));
        Assert.Equal(
            [$"{path}:1:1: The config file is {size} bytes, over the {size - 1}-byte limit. Shrink it or raise --max-config-bytes.", $"{path}: cannot be read"],
            errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [Requirement("UX-02")]
    [InlineData("--poll", "Unknown option '--poll'. Valid options: --max-config-bytes.")]
    [InlineData("--max-config-bytes", "Option --max-config-bytes needs a value: write --max-config-bytes <n>.")]
    public async Task Validate_refuses_options_it_does_not_honour_and_missing_values(string option, string message)
    {
        var (exit, _, stderr) = await RunAsync("validate", "proxy.json", option);

        Assert.Equal(2, exit);
        Assert.Equal([message, ValidateCommand.Usage], stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    [Requirement("UX-02")]
    public async Task Help_lists_every_option_of_the_table()
    {
        var (exit, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var option in KnownOptions.Run.Where(o => !o.Hidden))
        {
            Assert.Contains(option.Synopsis, stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("--contentRoot", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // A command line that starts the proxy would not return; returning at all shows nothing was started.
        var exit = await ProxyCommandLine.RunAsync(args, stdout, stderr).WaitAsync(NothingStarts);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
