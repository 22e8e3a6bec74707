namespace HotReload.Conformance.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The repository root, found from the test assembly upwards by HotReload.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HotReload.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HotReload.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    public static string Profile(string name) => Path.Combine(Root(), "conformance", "profiles", name);
}
