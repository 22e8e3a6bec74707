using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Cli;

/// <summary>
/// <c>validate &lt;path&gt;</c>: checks a file exactly as a reload would, without starting anything.
/// Exit 0 valid, 1 invalid, 2 unreadable, like <c>nginx -t</c>.
/// </summary>
public static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count != 1)
        {
            stderr.WriteLine("usage: HotReloadProxy validate <path-to-config.json | config-dir>");
            return 2;
        }

        if (Directory.Exists(args[0]))
        {
            return DirectoryValidation.Run(args[0], stdout, stderr);
        }

        var source = new PhysicalConfigFileSource(args[0]);
        var check = ConfigCheck.Run(source.Read(ReloadEngineOptions.DefaultMaxConfigBytes), new ConfigValidator(), ReloadEngineOptions.DefaultMaxConfigBytes);
        if (check.IsValid)
        {
            stdout.WriteLine($"{args[0]}: valid ({check.Config!.Routes.Count} routes, {check.Config.Clusters.Count} clusters)");
            return 0;
        }

        foreach (var error in check.Errors)
        {
            stderr.WriteLine(error.Format(args[0]));
        }

        var unreadable = check.Reason is RejectionReason.Missing or RejectionReason.Unreadable or RejectionReason.IsDirectory or RejectionReason.TooLarge;
        stderr.WriteLine(unreadable ? $"{args[0]}: cannot be read" : $"{args[0]}: {check.Errors.Count} error(s)");
        return unreadable ? 2 : 1;
    }
}
