using System.Text;
using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Hosting;

namespace HotReloadProxy.Cli;

/// <summary>The entry point's logic: <c>validate</c>, <c>--help</c>, or run the proxy; every failure ends in <see cref="ExitCodes"/>.</summary>
internal static class ProxyCommandLine
{
    public static string Usage { get; } = BuildUsage();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length > 0 && args[0] == "validate")
        {
            return ValidateCommand.Run(args[1..], stdout, stderr);
        }

        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            var app = ProxyApplication.Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        }
#pragma warning disable CA1031 // The entry point turns every failure into a message and an exit code instead of a crash dump.
        catch (Exception ex) when (ex is not HostAbortedException)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(ex switch
            {
                ProxyOptionsException => "Run with --help for the options.",
                ConfigLoadException => "The proxy did not start. Fix the errors above (check with: HotReloadProxy validate <path>), then start it again.",
                _ => "The proxy did not start.",
            }).ConfigureAwait(false);
            return ExitCodes.For(ex);
        }
    }

    private static string BuildUsage()
    {
        var text = new StringBuilder();
        text.AppendLine("HotReloadProxy: a reverse proxy whose config reloads without a restart.");
        text.AppendLine();
        text.AppendLine("usage:");
        text.AppendLine("  HotReloadProxy [options]            run the proxy");
        text.AppendLine($"  HotReloadProxy validate <path> [{string.Join(' ', KnownOptions.Validate.Select(o => o.Synopsis))}]");
        text.AppendLine("                                      check a config file (exit 0 valid, 1 invalid, 2 unreadable)");
        text.AppendLine();
        text.AppendLine("options (also HOTRELOAD_<NAME> environment variables, e.g. HOTRELOAD_POLL=500; the command line wins):");
        foreach (var option in KnownOptions.Run.Where(o => !o.Hidden))
        {
            text.AppendLine($"  {option.Synopsis,-30} {option.Help}");
        }

        text.AppendLine();
        text.AppendLine("Relative paths resolve against the current directory, also under 'dotnet run --project'.");
        text.AppendLine("SIGHUP or POST /reload on the admin listener reloads the config on demand.");
        text.Append("Exit codes: 0 stopped normally, 1 invalid config or failed start, 2 bad command line or unreadable config file.");
        return text.ToString();
    }
}
