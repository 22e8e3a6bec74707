namespace HotReload.Testing.Files;

/// <summary>
/// One way a real tool changes a config file, as a value, so property tests can generate, print and
/// shrink sequences of them. <see cref="ConfigFileEditor"/> performs them.
/// </summary>
public abstract record FileEdit
{
    /// <summary>The content the file holds once the edit is done, or null when it holds none (deleted, a directory, unreadable).</summary>
    public abstract string? ResultingContent(string? before);

    /// <summary>What editors with "safe write" and most deploy tools do: write a temp file, rename it over the target.</summary>
    public sealed record AtomicReplace(string Content) : FileEdit
    {
        public override string? ResultingContent(string? before) => Content;
    }

    /// <summary>
    /// What `echo > file`, `cp` and plain editors do: truncate, then write in chunks with a gap between, so a
    /// reader can see an empty or half-written file.
    /// </summary>
    public sealed record InPlaceRewrite(string Content, int Chunks = 3, int GapMilliseconds = 5) : FileEdit
    {
        public override string? ResultingContent(string? before) => Content;
    }

    /// <summary>Appends text to the file as it is (log-style writes; usually leaves JSON invalid).</summary>
    public sealed record Append(string Text) : FileEdit
    {
        public override string? ResultingContent(string? before) => (before ?? "") + Text;
    }

    public sealed record Delete : FileEdit
    {
        public override string? ResultingContent(string? before) => null;
    }

    /// <summary>What `git checkout` and some deploy tools do: unlink, then create a new file (a new inode).</summary>
    public sealed record DeleteThenRecreate(string Content, int GapMilliseconds = 5) : FileEdit
    {
        public override string? ResultingContent(string? before) => Content;
    }

    /// <summary>Moves the file to a sibling name and back: the watcher sees it vanish and reappear with the same bytes.</summary>
    public sealed record RenameAwayAndBack(int GapMilliseconds = 5) : FileEdit
    {
        public override string? ResultingContent(string? before) => before;
    }

    /// <summary>Sets the modification time only; the bytes stay the same.</summary>
    public sealed record Touch : FileEdit
    {
        public override string? ResultingContent(string? before) => before;
    }

    /// <summary>Removes every permission bit. Root ignores them on Linux, so a proxy running as root still reads the file.</summary>
    public sealed record MakeUnreadable : FileEdit
    {
        public override string? ResultingContent(string? before) => before;
    }

    /// <summary>Restores read and write permission for the owner after <see cref="MakeUnreadable"/>.</summary>
    public sealed record MakeReadable : FileEdit
    {
        public override string? ResultingContent(string? before) => before;
    }

    /// <summary>Deletes the file and creates a directory with its name (a bad volume mount does this).</summary>
    public sealed record ReplaceWithDirectory : FileEdit
    {
        public override string? ResultingContent(string? before) => null;
    }

    /// <summary>Atomically replaces the file with zero bytes.</summary>
    public sealed record Empty : FileEdit
    {
        public override string? ResultingContent(string? before) => "";
    }

    /// <summary>Atomically replaces the file with <paramref name="Content"/> padded with trailing whitespace to <paramref name="Bytes"/> bytes: valid JSON, too large.</summary>
    public sealed record Oversized(string Content, int Bytes) : FileEdit
    {
        public override string? ResultingContent(string? before) => Padded(Content, Bytes);

        internal static string Padded(string content, int bytes) =>
            content + new string(' ', Math.Max(0, bytes - System.Text.Encoding.UTF8.GetByteCount(content)));
    }

    /// <summary>
    /// The Kubernetes ConfigMap update: write a new timestamped directory, point a temp symlink at it and rename
    /// that over <c>..data</c>, then remove the old directory. Needs <see cref="ConfigFileEditor.CreateConfigMap"/>.
    /// </summary>
    public sealed record ConfigMapSwap(string Content) : FileEdit
    {
        public override string? ResultingContent(string? before) => Content;
    }

    /// <summary>Removes the file's whole directory, waits, then recreates it with the file (a volume remount, `rm -rf` + deploy).</summary>
    public sealed record RemoveDirectoryThenRecreate(string Content, int GapMilliseconds = 5) : FileEdit
    {
        public override string? ResultingContent(string? before) => Content;
    }
}
