namespace HotReload.Traceability.Tests.Support;

/// <summary>The checkout's root, found from the test's bin folder by walking up to HotReload.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "HotReload.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("HotReload.sln not found above " + AppContext.BaseDirectory);
    }
}
