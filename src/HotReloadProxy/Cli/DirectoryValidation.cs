using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Sources.Directory;
using Microsoft.Extensions.Logging.Abstractions;

namespace HotReloadProxy.Cli;

/// <summary>
/// <c>validate &lt;dir&gt;</c>: checks a config directory the way a fresh start with <c>--config-dir</c> would,
/// with no last good content to fall back on: every file must apply.
/// </summary>
internal static class DirectoryValidation
{
    public static int Run(string directory, TextWriter stdout, TextWriter stderr)
    {
        using var source = new DirectoryConfigSource(new DirectorySourceOptions { Directory = directory, Strict = true }, TimeProvider.System, NullLogger<DirectoryConfigSource>.Instance);
        var check = source.Check(new ConfigValidator(), ReloadEngineOptions.DefaultMaxConfigBytes);
        foreach (var file in source.Files)
        {
            var line = $"{Path.Combine(directory, file.Name)}: {(file.State == FragmentState.Applied ? "valid" : file.StateName)}";
            (file.State == FragmentState.Applied ? stdout : stderr).WriteLine(line);
        }

        if (check.IsValid)
        {
            stdout.WriteLine($"{directory}: valid ({source.Files.Count} files, {check.Config!.Routes.Count} routes, {check.Config.Clusters.Count} clusters)");
            return 0;
        }

        foreach (var error in check.Errors)
        {
            stderr.WriteLine(error.Format(directory));
        }

        stderr.WriteLine($"{directory}: {check.Errors.Count} error(s)");
        return check.Reason == RejectionReason.Missing ? 2 : 1;
    }
}
