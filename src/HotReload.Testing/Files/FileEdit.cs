namespace HotReload.Testing.Files;

/// <summary>
/// One way a real tool changes a file, as a value, so property tests can generate, print and shrink
/// sequences of them. <see cref="ConfigFileEditor.ApplyAsync"/> performs them. The set is open: derive
/// your own edit (a tool of yours that writes the file its own way) and override <see cref="ApplyAsync"/>
/// and <see cref="ResultingContent"/>.
/// </summary>
public abstract record FileEdit
{
    /// <summary>
    /// Whether the edit can be applied to a Kubernetes ConfigMap volume, which is read-only except for
    /// <c>..data</c> swaps. False unless an edit says otherwise.
    /// </summary>
    public virtual bool AppliesToConfigMap => false;

    /// <summary>The content the file holds once the edit is done, or null when it holds none (deleted, a directory, unreadable).</summary>
    /// <param name="before">The content before the edit, or null when there was none.</param>
    /// <returns>The content after the edit.</returns>
    public abstract string? ResultingContent(string? before);

    /// <summary>Performs the edit on the file <paramref name="editor"/> manages.</summary>
    /// <param name="editor">The editor of the file (its <see cref="ConfigFileEditor.Path"/>, layout and helpers).</param>
    /// <param name="cancellationToken">Cancels the edit between its steps.</param>
    /// <returns>A task that completes when the edit is done.</returns>
    public abstract Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken);

    /// <summary>What editors with "safe write" and most deploy tools do: write a temp file, rename it over the target.</summary>
    /// <param name="Content">The new content.</param>
    public sealed record AtomicReplace(string Content) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Content;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            ConfigFileEditor.WriteAtomically(editor.Path, Content);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// What `echo > file`, `cp` and plain editors do: truncate, then write in chunks with a gap between, so a
    /// reader can see an empty or half-written file.
    /// </summary>
    /// <param name="Content">The new content.</param>
    /// <param name="Chunks">How many writes the content is split into.</param>
    /// <param name="GapMilliseconds">The pause between two writes.</param>
    public sealed record InPlaceRewrite(string Content, int Chunks = 3, int GapMilliseconds = 5) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Content;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            return editor.RewriteInPlaceAsync(Content, Chunks, GapMilliseconds, cancellationToken);
        }
    }

    /// <summary>Appends text to the file as it is (log-style writes; usually leaves JSON invalid).</summary>
    /// <param name="Text">The text appended.</param>
    public sealed record Append(string Text) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => (before ?? "") + Text;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            return File.AppendAllTextAsync(editor.Path, Text, cancellationToken);
        }
    }

    /// <summary>Unlinks the file.</summary>
    public sealed record Delete : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => null;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            File.Delete(editor.Path);
            return Task.CompletedTask;
        }
    }

    /// <summary>What `git checkout` and some deploy tools do: unlink, then create a new file (a new inode).</summary>
    /// <param name="Content">The content of the new file.</param>
    /// <param name="GapMilliseconds">How long the path stays missing.</param>
    public sealed record DeleteThenRecreate(string Content, int GapMilliseconds = 5) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Content;

        /// <inheritdoc/>
        public override async Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            File.Delete(editor.Path);
            await Task.Delay(GapMilliseconds, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(editor.Path, Content, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the file to a sibling name and back: the watcher sees it vanish and reappear with the same bytes.</summary>
    /// <param name="GapMilliseconds">How long the file stays away.</param>
    public sealed record RenameAwayAndBack(int GapMilliseconds = 5) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => before;

        /// <inheritdoc/>
        public override async Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            var away = editor.Path + ".away";
            File.Move(editor.Path, away);
            await Task.Delay(GapMilliseconds, cancellationToken).ConfigureAwait(false);
            File.Move(away, editor.Path);
        }
    }

    /// <summary>Sets the modification time only; the bytes stay the same.</summary>
    public sealed record Touch : FileEdit
    {
        /// <inheritdoc/>
        public override bool AppliesToConfigMap => true;

        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => before;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            editor.Touch();
            return Task.CompletedTask;
        }
    }

    /// <summary>Removes every permission bit. Root ignores them on Linux, so a service running as root still reads the file.</summary>
    public sealed record MakeUnreadable : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => before;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            ConfigFileEditor.SetMode(editor.Path, UnixFileMode.None);
            return Task.CompletedTask;
        }
    }

    /// <summary>Restores read and write permission for the owner after <see cref="MakeUnreadable"/>.</summary>
    public sealed record MakeReadable : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => before;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            ConfigFileEditor.SetMode(editor.Path, ConfigFileEditor.ReadableMode);
            return Task.CompletedTask;
        }
    }

    /// <summary>Deletes the file and creates a directory with its name (a bad volume mount does this).</summary>
    public sealed record ReplaceWithDirectory : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => null;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            File.Delete(editor.Path);
            System.IO.Directory.CreateDirectory(editor.Path);
            return Task.CompletedTask;
        }
    }

    /// <summary>Atomically replaces the file with zero bytes.</summary>
    public sealed record Empty : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => "";

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            ConfigFileEditor.WriteAtomically(editor.Path, "");
            return Task.CompletedTask;
        }
    }

    /// <summary>Atomically replaces the file with <paramref name="Content"/> padded with trailing whitespace to <paramref name="Bytes"/> bytes: valid JSON, too large.</summary>
    /// <param name="Content">The content before padding.</param>
    /// <param name="Bytes">The size the file is padded to.</param>
    public sealed record Oversized(string Content, int Bytes) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Padded(Content, Bytes);

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            ConfigFileEditor.WriteAtomically(editor.Path, Padded(Content, Bytes));
            return Task.CompletedTask;
        }

        private static string Padded(string content, int bytes) =>
            content + new string(' ', Math.Max(0, bytes - System.Text.Encoding.UTF8.GetByteCount(content)));
    }

    /// <summary>
    /// The Kubernetes ConfigMap update: write a new timestamped directory, point a temp symlink at it and rename
    /// that over <c>..data</c>, then remove the old directory. Needs <see cref="ConfigFileEditor.CreateConfigMap"/>.
    /// </summary>
    /// <param name="Content">The new content.</param>
    public sealed record ConfigMapSwap(string Content) : FileEdit
    {
        /// <inheritdoc/>
        public override bool AppliesToConfigMap => true;

        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Content;

        /// <inheritdoc/>
        public override Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            editor.SwapConfigMap(Content);
            return Task.CompletedTask;
        }
    }

    /// <summary>Removes the file's whole directory, waits, then recreates it with the file (a volume remount, `rm -rf` + deploy).</summary>
    /// <param name="Content">The content of the recreated file.</param>
    /// <param name="GapMilliseconds">How long the directory stays missing.</param>
    public sealed record RemoveDirectoryThenRecreate(string Content, int GapMilliseconds = 5) : FileEdit
    {
        /// <inheritdoc/>
        public override string? ResultingContent(string? before) => Content;

        /// <inheritdoc/>
        public override async Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(editor);
            System.IO.Directory.Delete(editor.Directory, recursive: true);
            await Task.Delay(GapMilliseconds, cancellationToken).ConfigureAwait(false);
            System.IO.Directory.CreateDirectory(editor.Directory);
            ConfigFileEditor.WriteAtomically(editor.Path, Content);
        }
    }
}
