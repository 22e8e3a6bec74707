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

    public async Task ApplyAsync(FileEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (IsConfigMap && edit is not FileEdit.ConfigMapSwap and not FileEdit.Touch)
        {
            throw new InvalidOperationException($"A ConfigMap volume is read-only except for ..data swaps; {edit.GetType().Name} does not apply to it.");
        }

        switch (edit)
        {
            case FileEdit.AtomicReplace replace:
                WriteAtomically(Path, replace.Content);
                break;
            case FileEdit.InPlaceRewrite rewrite:
                await RewriteInPlaceAsync(rewrite, cancellationToken).ConfigureAwait(false);
                break;
            case FileEdit.Append append:
                File.AppendAllText(Path, append.Text);
                break;
            case FileEdit.Delete:
                File.Delete(Path);
                break;
            case FileEdit.DeleteThenRecreate recreate:
                File.Delete(Path);
                await Task.Delay(recreate.GapMilliseconds, cancellationToken).ConfigureAwait(false);
                File.WriteAllText(Path, recreate.Content);
                break;
            case FileEdit.RenameAwayAndBack rename:
                var away = Path + ".away";
                File.Move(Path, away);
                await Task.Delay(rename.GapMilliseconds, cancellationToken).ConfigureAwait(false);
                File.Move(away, Path);
                break;
            case FileEdit.Touch:
                Touch();
                break;
            case FileEdit.MakeUnreadable:
                SetMode(Path, UnixFileMode.None);
                break;
            case FileEdit.MakeReadable:
                SetMode(Path, ReadableMode);
                break;
            case FileEdit.ReplaceWithDirectory:
                File.Delete(Path);
                System.IO.Directory.CreateDirectory(Path);
                break;
            case FileEdit.Empty:
                WriteAtomically(Path, "");
                break;
            case FileEdit.Oversized oversized:
                WriteAtomically(Path, FileEdit.Oversized.Padded(oversized.Content, oversized.Bytes));
                break;
            case FileEdit.ConfigMapSwap swap:
                SwapConfigMap(swap.Content);
                break;
            case FileEdit.RemoveDirectoryThenRecreate remount:
                System.IO.Directory.Delete(Directory, recursive: true);
                await Task.Delay(remount.GapMilliseconds, cancellationToken).ConfigureAwait(false);
                System.IO.Directory.CreateDirectory(Directory);
                WriteAtomically(Path, remount.Content);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, "Unknown edit kind.");
        }
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

    private const UnixFileMode ReadableMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static void SetMode(string path, UnixFileMode mode)
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

    private async Task RewriteInPlaceAsync(FileEdit.InPlaceRewrite rewrite, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(rewrite.Content);
        var chunks = Math.Max(1, rewrite.Chunks);
        var chunkSize = Math.Max(1, (bytes.Length + chunks - 1) / chunks);
        await using var stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset)), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (offset + chunkSize < bytes.Length)
            {
                await Task.Delay(rewrite.GapMilliseconds, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Touch()
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

    private void SwapConfigMap(string content)
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
