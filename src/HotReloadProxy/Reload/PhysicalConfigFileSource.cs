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

            return ReadToEnd(stream, maxBytes);
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

    /// <summary>
    /// Reads the whole file into one array of the length it has now: a large config is read on every reload, and a
    /// growable buffer plus its copy would put twice its size on the large object heap each time. The length may
    /// change while we read (an in-place write, or a file that reports no length, as /proc's do): a shorter file is
    /// cut to what was read, and a longer one read on to its end, never past the limit.
    /// </summary>
    private static ConfigFileRead ReadToEnd(FileStream stream, long maxBytes)
    {
        var bytes = new byte[stream.Length];
        var total = 0;
        int read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
        {
            total += read;
        }

        if (total < bytes.Length)
        {
            return new ConfigFileRead.Content(bytes[..total]);
        }

        var next = stream.ReadByte();
        if (next < 0)
        {
            return new ConfigFileRead.Content(bytes);
        }

        var grown = new MemoryStream();
        grown.Write(bytes);
        grown.WriteByte((byte)next);
        var chunk = new byte[16 * 1024];
        while (grown.Length <= maxBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            grown.Write(chunk, 0, read);
        }

        return grown.Length > maxBytes ? new ConfigFileRead.TooLarge(grown.Length) : new ConfigFileRead.Content(grown.ToArray());
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
