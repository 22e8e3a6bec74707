using System.Runtime.InteropServices;

namespace HotReload.Traceability.Discovery;

/// <summary>
/// The assemblies a test assembly's metadata may refer to: those beside it in its bin folder first,
/// then the shared frameworks (Microsoft.NETCore.App, Microsoft.AspNetCore.App, ...) of the running
/// .NET, so a test project with a FrameworkReference reads as well as a plain one.
/// </summary>
internal static class ReferencePaths
{
    public static IEnumerable<string> For(string assemblyPath)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var binFolder = Path.GetDirectoryName(assemblyPath)!;
        foreach (var dll in Directory.EnumerateFiles(binFolder, "*.dll"))
        {
            byName.TryAdd(Path.GetFileName(dll), dll);
        }

        foreach (var framework in SharedFrameworkFolders())
        {
            foreach (var dll in Directory.EnumerateFiles(framework, "*.dll"))
            {
                byName.TryAdd(Path.GetFileName(dll), dll);
            }
        }

        byName[Path.GetFileName(assemblyPath)] = assemblyPath;
        return byName.Values;
    }

    // The runtime folder is shared/Microsoft.NETCore.App/<version>; its siblings' same version (or
    // else newest) hold the other shared frameworks.
    private static IEnumerable<string> SharedFrameworkFolders()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        yield return runtime;
        var version = Path.GetFileName(runtime);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        if (shared is null || !Directory.Exists(shared))
        {
            yield break;
        }

        foreach (var framework in Directory.EnumerateDirectories(shared).Order(StringComparer.Ordinal))
        {
            var sameVersion = Path.Combine(framework, version);
            var chosen = Directory.Exists(sameVersion)
                ? sameVersion
                : Directory.EnumerateDirectories(framework).OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var parsed) ? parsed : new Version()).FirstOrDefault();
            if (chosen is not null && chosen != runtime)
            {
                yield return chosen;
            }
        }
    }
}
