namespace HotReload.Traceability.Cli;

/// <summary>Turns the paths given on the command line into the files to read.</summary>
public static class InputFiles
{
    /// <summary>
    /// The built test assemblies by this repository's layout, for local runs that name none;
    /// CI names them explicitly.
    /// </summary>
    public static IReadOnlyList<string> DefaultTestAssemblies(string root)
    {
        var found = new List<string>();
        foreach (var top in new[] { "tests", "tools" })
        {
            var folder = Path.Combine(root, top);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var project in Directory.EnumerateDirectories(folder))
            {
                var bin = Path.Combine(project, "bin", "Debug", "net10.0");
                if (Directory.Exists(bin))
                {
                    found.AddRange(Directory.EnumerateFiles(bin, "*.Tests.dll"));
                }
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each path is a .trx file or a folder searched for them (dotnet test's results folder).</summary>
    public static IReadOnlyList<string> TrxFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"test results {path} not found", path);
            }
        }

        return files;
    }
}
