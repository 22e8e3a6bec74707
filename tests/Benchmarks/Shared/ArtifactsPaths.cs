namespace HotReload.Benchmarks.Shared;

/// <summary>Where results are written: artifacts/benchmarks/ at the repository root, wherever the command runs from.</summary>
internal static class ArtifactsPaths
{
    public static string Root { get; } = Path.Combine(FindRepositoryRoot(), "artifacts", "benchmarks");

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HotReload.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
