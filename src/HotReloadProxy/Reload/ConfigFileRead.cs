namespace HotReloadProxy.Reload;

/// <summary>What reading the config file gave: bytes, or why there were none.</summary>
internal abstract record ConfigFileRead
{
    public sealed record Content(byte[] Bytes) : ConfigFileRead;

    public sealed record Missing : ConfigFileRead;

    public sealed record IsDirectory : ConfigFileRead;

    public sealed record Unreadable(string Reason) : ConfigFileRead;

    public sealed record TooLarge(long Size) : ConfigFileRead;
}

/// <summary>What a poll compares first: cheap metadata, before any bytes are read and hashed.</summary>
/// <param name="Entries">
/// For a source made of many files, each file's name, size and write time: totals alone miss a file renamed
/// over another of the same size while a newer file exists elsewhere in the set.
/// </param>
internal readonly record struct ConfigFileStamp(string ResolvedPath, bool Exists, bool IsDirectory, long Length, DateTime LastWriteUtc, string? Entries = null);
