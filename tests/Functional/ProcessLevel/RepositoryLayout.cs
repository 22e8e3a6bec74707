namespace HotReload.Functional.Tests.ProcessLevel;

/// <summary>Where the repository and this build are, found from the test assembly's own location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string ProxyProject => Path.Combine(Root, "src", "HotReloadProxy");

    /// <summary>Debug or Release: the configuration this test assembly (and so the proxy next to it) was built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The proxy's dll as built into this test's output folder.</summary>
    public static string ProxyDll => typeof(Program).Assembly.Location;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HotReload.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HotReload.sln above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
