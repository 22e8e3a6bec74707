using HotReload.Testing.Files;

using HotReload.Functional.Tests.Support;

namespace HotReload.Functional.Tests.Harness;

public sealed class ConfigFileEditorTests : IDisposable
{
    private const string Before = """{ "version": "before" }""";
    private const string After = """{ "version": "after" }""";
    private readonly TempDirectory _directory = new("editor");

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> ContentEdits() =>
        new(ContentEditsByName.Keys);

    private static readonly Dictionary<string, FileEdit> ContentEditsByName = new()
    {
        ["atomic replace"] = new FileEdit.AtomicReplace(After),
        ["in-place rewrite"] = new FileEdit.InPlaceRewrite(After, Chunks: 4, GapMilliseconds: 1),
        ["append"] = new FileEdit.Append("tail"),
        ["delete then recreate"] = new FileEdit.DeleteThenRecreate(After),
        ["rename away and back"] = new FileEdit.RenameAwayAndBack(),
        ["touch"] = new FileEdit.Touch(),
        ["empty"] = new FileEdit.Empty(),
        ["oversized"] = new FileEdit.Oversized(After, 4096),
        ["remove directory then recreate"] = new FileEdit.RemoveDirectoryThenRecreate(After),
    };

    [Theory]
    [MemberData(nameof(ContentEdits))]
    [Requirement("HN-01")]
    public async Task Each_edit_leaves_the_content_it_declares(string name)
    {
        var edit = ContentEditsByName[name];
        var editor = ConfigFileEditor.For(NestedConfigPath(), Before);

        await editor.ApplyAsync(edit);

        Assert.Equal(edit.ResultingContent(Before), editor.CurrentContent());
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Atomic_replace_puts_a_new_file_in_place_and_leaves_open_readers_on_the_old_one()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);
        using var openedBefore = new StreamReader(new FileStream(editor.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

        await editor.ApplyAsync(new FileEdit.AtomicReplace(After));

        Assert.Equal(Before, await openedBefore.ReadToEndAsync());
        Assert.Equal(After, File.ReadAllText(editor.Path));
        Assert.Equal(["proxy.json"], Directory.GetFileSystemEntries(_directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task In_place_rewrite_keeps_the_same_file_and_writes_in_separate_chunks()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);
        using var openedBefore = new FileStream(editor.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var watcher = new FileSystemWatcher(_directory.Path, "proxy.json") { NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite };
        var changes = 0;
        watcher.Changed += (_, _) => Interlocked.Increment(ref changes);
        watcher.EnableRaisingEvents = true;

        await editor.ApplyAsync(new FileEdit.InPlaceRewrite(After, Chunks: 3, GapMilliseconds: 20));

        // The handle opened before the edit sees the new bytes: the same inode was truncated and rewritten.
        using var reader = new StreamReader(openedBefore);
        Assert.Equal(After, await reader.ReadToEndAsync());
        await Eventually.TrueAsync(() => Volatile.Read(ref changes) >= 3, "a change event for the truncate and for each chunk");
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Delete_removes_the_file()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);

        await editor.ApplyAsync(new FileEdit.Delete());

        Assert.False(File.Exists(editor.Path));
        Assert.Null(editor.CurrentContent());
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Delete_then_recreate_makes_a_new_file()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);
        using var openedBefore = new StreamReader(new FileStream(editor.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

        await editor.ApplyAsync(new FileEdit.DeleteThenRecreate(After));

        Assert.Equal(Before, await openedBefore.ReadToEndAsync());
        Assert.Equal(After, File.ReadAllText(editor.Path));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Rename_away_and_back_makes_the_name_vanish_and_return_with_the_same_bytes()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);
        using var watcher = new FileSystemWatcher(_directory.Path);
        var renames = new System.Collections.Concurrent.ConcurrentQueue<(string From, string To)>();
        watcher.Renamed += (_, e) => renames.Enqueue((e.OldName!, e.Name!));
        watcher.EnableRaisingEvents = true;

        await editor.ApplyAsync(new FileEdit.RenameAwayAndBack());

        await Eventually.TrueAsync(() => renames.Count >= 2, "two rename events");
        Assert.Equal([("proxy.json", "proxy.json.away"), ("proxy.json.away", "proxy.json")], renames.ToArray());
        Assert.Equal(Before, File.ReadAllText(editor.Path));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Touch_moves_the_modification_time_and_keeps_the_bytes()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);
        var before = File.GetLastWriteTimeUtc(editor.Path);

        await editor.ApplyAsync(new FileEdit.Touch());

        Assert.True(File.GetLastWriteTimeUtc(editor.Path) > before);
        Assert.Equal(Before, File.ReadAllText(editor.Path));
    }

    [Fact]
    [Requirement("HN-01")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Make_unreadable_clears_every_permission_bit_and_make_readable_restores_the_owner()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);

        await editor.ApplyAsync(new FileEdit.MakeUnreadable());
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(editor.Path));

        await editor.ApplyAsync(new FileEdit.MakeReadable());
        Assert.True(File.GetUnixFileMode(editor.Path).HasFlag(UnixFileMode.UserRead));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Replace_with_directory_leaves_a_directory_under_the_name_and_reset_undoes_it()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);

        await editor.ApplyAsync(new FileEdit.ReplaceWithDirectory());
        Assert.True(Directory.Exists(editor.Path));
        Assert.Null(editor.CurrentContent());

        editor.Reset();
        Assert.False(Directory.Exists(editor.Path));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Oversized_pads_to_exactly_the_size_asked_for()
    {
        var editor = ConfigFileEditor.For(_directory.File("proxy.json"), Before);

        await editor.ApplyAsync(new FileEdit.Oversized(After, 100_000));

        Assert.Equal(100_000, new FileInfo(editor.Path).Length);
        Assert.StartsWith(After, File.ReadAllText(editor.Path), StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task ConfigMap_layout_links_through_data_and_a_swap_replaces_the_data_link()
    {
        var editor = ConfigFileEditor.CreateConfigMap(Path.Combine(_directory.Path, "volume"), "proxy.json", Before);
        var dataLink = Path.Combine(editor.Directory, "..data");
        Assert.Equal(Path.Combine("..data", "proxy.json"), new FileInfo(editor.Path).LinkTarget);
        var firstTarget = new DirectoryInfo(dataLink).LinkTarget!;
        Assert.Equal(Before, editor.CurrentContent());

        await editor.ApplyAsync(new FileEdit.ConfigMapSwap(After));

        var secondTarget = new DirectoryInfo(dataLink).LinkTarget!;
        Assert.NotEqual(firstTarget, secondTarget);
        Assert.Equal(After, editor.CurrentContent());
        Assert.False(Directory.Exists(Path.Combine(editor.Directory, firstTarget)), "the previous timestamped directory is removed");
        Assert.False(Path.Exists(Path.Combine(editor.Directory, "..data_tmp")));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task ConfigMap_volume_refuses_edits_kubelet_never_makes()
    {
        var editor = ConfigFileEditor.CreateConfigMap(Path.Combine(_directory.Path, "volume"), "proxy.json", Before);

        await Assert.ThrowsAsync<InvalidOperationException>(() => editor.ApplyAsync(new FileEdit.AtomicReplace(After)));
    }

    [Fact]
    [Requirement("HN-01")]
    public async Task Remove_directory_then_recreate_replaces_the_whole_directory()
    {
        var editor = ConfigFileEditor.For(NestedConfigPath(), Before);
        File.WriteAllText(Path.Combine(editor.Directory, "marker"), "");

        await editor.ApplyAsync(new FileEdit.RemoveDirectoryThenRecreate(After));

        Assert.False(File.Exists(Path.Combine(editor.Directory, "marker")));
        Assert.Equal(After, File.ReadAllText(editor.Path));
    }

    /// <summary>A file one level down, so edits that remove its directory stay inside the test's own directory.</summary>
    private string NestedConfigPath()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory.Path, "conf")).FullName;
        return Path.Combine(directory, "proxy.json");
    }
}
