namespace HotReload.Testing.Files;

/// <summary>A directory of its own for one test, removed afterwards, so tests can run in parallel.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates a new, empty directory under the system temp directory.</summary>
    /// <param name="prefix">The start of the directory's name; "hotreload" when null.</param>
    public TempDirectory(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix ?? "hotreload"}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>A path directly in the directory (not created).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The full path.</returns>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// A path one directory down (<c>conf/name</c>), created. The proxy also watches its config directory's
    /// parent (to see the directory replaced); one level down that parent is this directory, not the
    /// machine's busy temp directory, whose every file event the watcher would otherwise be handed.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <returns>The full path.</returns>
    public string NestedFile(string name)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(Path, "conf"));
        return System.IO.Path.Combine(directory.FullName, name);
    }

    /// <summary>Deletes the directory and everything in it, best effort.</summary>
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
