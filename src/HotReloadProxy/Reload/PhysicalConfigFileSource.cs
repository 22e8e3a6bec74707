namespace HotReloadProxy.Reload;

/// <summary>Reads the config file from disk, following symlinks (ConfigMap volumes), never throwing for I/O conditions.</summary>
internal sealed class PhysicalConfigFileSource(string path) : IConfigFileSource
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public ConfigFileRead Read(long maxBytes)
    {
        try
        {
            if (Directory.Exists(Path))
            {
                return new ConfigFileRead.IsDirectory();
            }

            // Share everything: editors and kubelet may be replacing the file while we read it.
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (stream.Length > maxBytes)
            {
                return new ConfigFileRead.TooLarge(stream.Length);
            }

            // The length may change while we read (an in-place write); read to the end but never past the limit.
            var buffer = new MemoryStream(capacity: (int)Math.Max(stream.Length, 0));
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return new ConfigFileRead.TooLarge(buffer.Length);
                }
            }

            return new ConfigFileRead.Content(buffer.ToArray());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ConfigFileRead.Missing();
        }
        catch (UnauthorizedAccessException ex)
        {
            return new ConfigFileRead.Unreadable(ex.Message);
        }
        catch (IOException ex)
        {
            return new ConfigFileRead.Unreadable(ex.Message);
        }
    }

    public ConfigFileStamp Stamp()
    {
        try
        {
            var info = new FileInfo(Path);
            var resolved = info.LinkTarget is null ? Path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path;
            if (Directory.Exists(resolved))
            {
                return new ConfigFileStamp(resolved, Exists: true, IsDirectory: true, 0, Directory.GetLastWriteTimeUtc(resolved));
            }

            var target = new FileInfo(resolved);
            return target.Exists
                ? new ConfigFileStamp(resolved, Exists: true, IsDirectory: false, target.Length, target.LastWriteTimeUtc)
                : new ConfigFileStamp(resolved, Exists: false, IsDirectory: false, 0, default);
        }
        catch (IOException)
        {
            return new ConfigFileStamp(Path, Exists: false, IsDirectory: false, 0, default);
        }
        catch (UnauthorizedAccessException)
        {
            return new ConfigFileStamp(Path, Exists: true, IsDirectory: false, -1, default);
        }
    }
}
