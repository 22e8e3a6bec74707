namespace HotReload.Testing.Files;

/// <summary>A directory of its own for one test, removed afterwards, so tests can run in parallel.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix ?? "hotreload"}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// A path one directory down (<c>conf/name</c>), created. The proxy also watches its config directory's
    /// parent (to see the directory replaced); one level down that parent is this directory, not the
    /// machine's busy temp directory, whose every file event the watcher would otherwise be handed.
    /// </summary>
    public string NestedFile(string name)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(Path, "conf"));
        return System.IO.Path.Combine(directory.FullName, name);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a watcher or a test that left a file open must not fail the test here.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
