namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// The directory entries whose events concern the config file: the file itself and, when it is a symlink
/// (Kubernetes ConfigMap: proxy.json -> ..data/proxy.json, ..data -> ..2026_01_01_...), every entry of the
/// same directory the link chain passes through. Kubelet swaps <c>..data</c> and never touches proxy.json.
/// </summary>
internal static class WatchedNames
{
    private const int MaxHops = 16;

    public static IReadOnlySet<string> For(string configPath)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var fullPath = Path.GetFullPath(configPath);
        var directory = Path.GetDirectoryName(fullPath)!;
        var names = new HashSet<string>(StringComparer.Ordinal) { Path.GetFileName(fullPath) };
        var current = fullPath;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            // Initialized so that a mutant removing the assignment below still compiles (Stryker, CS0165).
            string? target = null;
            try
            {
                target = new FileInfo(current).LinkTarget;
                if (target is null)
                {
                    // The link may go through a linked directory (..data): check each component.
                    target = FirstLinkedComponent(current, directory, out current);
                    if (target is null)
                    {
                        break;
                    }

                    continue;
                }
            }
            catch (IOException)
            {
                break;
            }

            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, target));
            AddIfInDirectory(names, directory, resolved);
            current = resolved;
        }

        return names;
    }

    private static string? FirstLinkedComponent(string path, string directory, out string next)
    {
        next = path;
        var relative = Path.GetRelativePath(directory, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) && relative.Length > 2 && relative[2] == Path.DirectorySeparatorChar)
        {
            return null;
        }

        var first = relative.Split(Path.DirectorySeparatorChar)[0];
        var firstPath = Path.Combine(directory, first);
        if (first == relative)
        {
            return null;
        }

        // A plain null check, not a pattern variable: Stryker cannot compile mutants of a method whose pattern
        // variable it would leave unassigned (CS0165).
        var target = new DirectoryInfo(firstPath).LinkTarget;
        if (target is null)
        {
            return null;
        }

        var resolvedFirst = Path.GetFullPath(Path.Combine(directory, target));
        next = Path.Combine(resolvedFirst, relative[(first.Length + 1)..]);
        return target;
    }

    private static void AddIfInDirectory(HashSet<string> names, string directory, string resolved)
    {
        var relative = Path.GetRelativePath(directory, resolved);
        if (relative.StartsWith("..", StringComparison.Ordinal) && (relative.Length == 2 || relative[2] == Path.DirectorySeparatorChar))
        {
            return;
        }

        names.Add(relative.Split(Path.DirectorySeparatorChar)[0]);
    }
}
