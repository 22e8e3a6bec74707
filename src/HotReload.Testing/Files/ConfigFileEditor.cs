using System.Text;

namespace HotReload.Testing.Files;

/// <summary>
/// Changes a config file the way real tools do (<see cref="FileEdit"/>). Either a plain file at
/// <see cref="Path"/>, or the Kubernetes ConfigMap layout, where <see cref="Path"/> is a symlink through
/// <c>..data</c> to a timestamped directory.
/// </summary>
public sealed class ConfigFileEditor
{
    private const string DataLink = "..data";
    private int _configMapVersion;

    private ConfigFileEditor(string path, bool configMap)
    {
        Path = path;
        IsConfigMap = configMap;
    }

    /// <summary>The path the proxy is given.</summary>
    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string FileName => System.IO.Path.GetFileName(Path);

    public bool IsConfigMap { get; }

    /// <summary>An editor for a plain file; writes <paramref name="initialContent"/> when given.</summary>
    public static ConfigFileEditor For(string path, string? initialContent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var editor = new ConfigFileEditor(System.IO.Path.GetFullPath(path), configMap: false);
        if (initialContent is not null)
        {
            WriteAtomically(editor.Path, initialContent);
        }

        return editor;
    }

    /// <summary>
    /// Lays out <paramref name="directory"/> as kubelet mounts a ConfigMap: <c>name -> ..data/name</c>,
    /// <c>..data -> ..&lt;timestamp&gt;</c>, the content in the timestamped directory.
    /// </summary>
    public static ConfigFileEditor CreateConfigMap(string directory, string fileName, string initialContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var editor = new ConfigFileEditor(System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), fileName), configMap: true);
        System.IO.Directory.CreateDirectory(editor.Directory);
        var first = editor.WriteConfigMapVersion(initialContent);
        File.CreateSymbolicLink(System.IO.Path.Combine(editor.Directory, DataLink), first);
        File.CreateSymbolicLink(editor.Path, System.IO.Path.Combine(DataLink, fileName));
        return editor;
    }

    /// <summary>The bytes the file holds now, or null when there is no readable regular file.</summary>
    public string? CurrentContent()
    {
        try
        {
            return File.Exists(Path) ? File.ReadAllText(Path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Performs <paramref name="edit"/> on the file.</summary>
    /// <param name="edit">A built-in edit or one of your own.</param>
    /// <param name="cancellationToken">Cancels the edit between its steps.</param>
    /// <returns>A task that completes when the edit is done.</returns>
    /// <exception cref="InvalidOperationException">The file is a ConfigMap volume and the edit does not apply to one.</exception>
    public Task ApplyAsync(FileEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (IsConfigMap && !edit.AppliesToConfigMap)
        {
            throw new InvalidOperationException($"A ConfigMap volume is read-only except for ..data swaps; {edit.GetType().Name} does not apply to it.");
        }

        return edit.ApplyAsync(this, cancellationToken);
    }

    /// <summary>Undoes what leaves the path unusable for the next edit (a directory, no permissions), so a sequence can go on.</summary>
    public void Reset()
    {
        if (IsConfigMap)
        {
            return;
        }

        if (System.IO.Directory.Exists(Path))
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        else if (File.Exists(Path))
        {
            SetMode(Path, ReadableMode);
        }
    }

    internal const UnixFileMode ReadableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    internal static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Permission edits need Unix file modes.");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>The one-step whole-file replace (<see cref="FileEdit.AtomicReplace"/>) for a plain path, without an editor.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var temp = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    internal async Task RewriteInPlaceAsync(string content, int chunkCount, int gapMilliseconds, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var chunks = Math.Max(1, chunkCount);
        var chunkSize = Math.Max(1, (bytes.Length + chunks - 1) / chunks);
        await using var stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset)), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (offset + chunkSize < bytes.Length)
            {
                await Task.Delay(gapMilliseconds, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal void Touch()
    {
        var target = IsConfigMap ? System.IO.Path.GetFullPath(File.ResolveLinkTarget(Path, returnFinalTarget: true)!.FullName) : Path;
        var current = File.GetLastWriteTimeUtc(target);
        var now = DateTime.UtcNow;

        // Guarantees a visible change even on file systems with coarse timestamps.
        File.SetLastWriteTimeUtc(target, now > current.AddSeconds(1) ? now : current.AddSeconds(1));
    }

    private string WriteConfigMapVersion(string content)
    {
        var name = $"..{DateTime.UtcNow:yyyy_MM_dd_HH_mm_ss}.{Interlocked.Increment(ref _configMapVersion)}";
        var versionDirectory = System.IO.Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(versionDirectory);
        File.WriteAllText(System.IO.Path.Combine(versionDirectory, FileName), content);
        return name;
    }

    internal void SwapConfigMap(string content)
    {
        var dataLink = System.IO.Path.Combine(Directory, DataLink);
        var previous = File.ResolveLinkTarget(dataLink, returnFinalTarget: false)?.FullName;
        var next = WriteConfigMapVersion(content);
        var temp = System.IO.Path.Combine(Directory, "..data_tmp");
        File.CreateSymbolicLink(temp, next);

        // rename(2) replaces the ..data link in one step, which is what kubelet's atomic writer relies on.
        PosixRename.Replace(temp, dataLink);
        if (previous is not null)
        {
            var previousDirectory = System.IO.Path.IsPathRooted(previous) ? previous : System.IO.Path.Combine(Directory, previous);
            if (System.IO.Directory.Exists(previousDirectory))
            {
                System.IO.Directory.Delete(previousDirectory, recursive: true);
            }
        }
    }
}
