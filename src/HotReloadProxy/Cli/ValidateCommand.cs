using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Cli;

/// <summary>
/// <c>validate &lt;path&gt;</c>: checks a file exactly as a reload would (same reader, size limit, parser
/// and validator), without starting anything. Exit codes come from <see cref="ExitCodes"/>, like <c>nginx -t</c>.
/// </summary>
internal static class ValidateCommand
{
    public static string Usage { get; } =
        $"usage: HotReloadProxy validate <path-to-config.json> [{string.Join(' ', KnownOptions.Validate.Select(o => o.Synopsis))}]";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        long maxBytes;
        string path;
        try
        {
            var commandLine = CommandLineParser.Parse(args, KnownOptions.Validate);
            if (commandLine.Positionals.Count != 1)
            {
                stderr.WriteLine(Usage);
                return ExitCodes.UsageOrUnreadable;
            }

            path = commandLine.Positionals[0];
            maxBytes = ProxyOptions.MaxConfigBytesFrom(ProxyOptions.Configuration(commandLine.Options));
        }
        catch (ProxyOptionsException ex)
        {
            stderr.WriteLine(ex.Message);
            stderr.WriteLine(Usage);
            return ExitCodes.For(ex);
        }

        if (Directory.Exists(path))
        {
            return DirectoryValidation.Run(path, stdout, stderr);
        }

        var source = new PhysicalConfigFileSource(path);
        var check = ConfigCheck.Run(source.Read(maxBytes), new ConfigValidator(), maxBytes);
        if (check.IsValid)
        {
            stdout.WriteLine($"{path}: valid ({check.Config!.Routes.Count} routes, {check.Config.Clusters.Count} clusters)");
            return ExitCodes.Success;
        }

        foreach (var error in check.Errors)
        {
            stderr.WriteLine(error.Format(path));
        }

        var exit = ExitCodes.For(check.Reason);
        stderr.WriteLine(exit == ExitCodes.UsageOrUnreadable ? $"{path}: cannot be read" : $"{path}: {check.Errors.Count} error(s)");
        return exit;
    }
}
