using HotReloadProxy.Testing.Proxies;
using HotReload.Testing.Observing;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Reload;
using static HotReload.Functional.Tests.Support.FragmentDirectory;

namespace HotReload.Functional.Tests.Sources;

/// <summary><c>--config-dir</c> with <c>--poll</c>: a directory on a bind mount or network share, where no file event arrives.</summary>
public sealed class ConfigDirectoryPollTests
{
    private static readonly Dictionary<string, string> Polling = new() { ["poll"] = "50", ["delete-grace"] = "200" };

    [Fact]
    [Requirement("DS-13")]
    public async Task Polling_a_directory_applies_an_edit_a_new_file_and_a_deleted_file()
    {
        await using var dir = await StartAsync(new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1") }, Polling);

        var edited = await dir.WriteAndWaitAsync("a.json", Respond("a", "/a", "a2"), (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal(ReloadReasonKind.Poll, edited.ReloadReason.Kind);
        Assert.Equal("200 a2", await dir.GetAsync("/a"));

        var added = await dir.WriteAndWaitAsync("b.json", Respond("b", "/b", "b1"), (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal(["b"], added.Diff!.RoutesAdded.Select(route => route.Id));
        Assert.Equal("200 b1", await dir.GetAsync("/b"));

        var beforeDelete = dir.Proxy.Events.Mark();
        dir.Delete("b.json");
        var removed = await dir.Proxy.Events.WaitForAppliedAsync(beforeDelete);
        Assert.Equal(["b"], removed.Diff!.RoutesRemoved);
        Assert.StartsWith("404", await dir.GetAsync("/b"), StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("DS-13")]
    public async Task Polling_a_directory_sees_an_older_file_moved_over_a_fragment_of_the_same_size()
    {
        await using var dir = await StartAsync(
            new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1"), ["b.json"] = Respond("b", "/b", "b1") }, Polling);

        // b.json is the newest file from here on, so the directory's total size and newest write time are the same
        // before and after a.json is replaced by a same-size file written an hour ago (a restore from a backup).
        await dir.WriteAndWaitAsync("b.json", Respond("b", "/b", "b2"), (events, mark) => events.WaitForAppliedAsync(mark));
        var restored = System.IO.Path.Combine(dir.Path, ".a.json.restored");
        await File.WriteAllTextAsync(restored, Respond("a", "/a", "a9"));
        File.SetLastWriteTimeUtc(restored, DateTime.UtcNow.AddHours(-1));

        var mark = dir.Proxy.Events.Mark();
        File.Move(restored, System.IO.Path.Combine(dir.Path, "a.json"), overwrite: true);
        var applied = await dir.Proxy.Events.WaitForAppliedAsync(mark);

        Assert.Equal(ReloadReasonKind.Poll, applied.ReloadReason.Kind);
        Assert.Equal("200 a9", await dir.GetAsync("/a"));
        Assert.Equal("200 b2", await dir.GetAsync("/b"));
    }
}
