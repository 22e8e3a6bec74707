using HotReloadProxy.Testing.Proxies;
using HotReload.Testing.Observing;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Testing.Configs;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Reload;
using static HotReload.Functional.Tests.Support.FragmentDirectory;

namespace HotReload.Functional.Tests.Sources;

/// <summary><c>--config-dir</c>: a directory of fragment files on a real disk, watched by a real proxy.</summary>
public sealed class ConfigDirectoryTests
{
    [Fact]
    [Requirement("DS-01")]
    public async Task Fragments_compose_into_one_config_with_cross_file_cluster_references_and_a_change_in_one_file_applies()
    {
        await using var upstream = await UpstreamServer.StartAsync("up");
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["a.json"] = Respond("a", "/a", "a1"),
            ["clusters.json"] = Fragment(clusters: [new("up", TestConfigs.Cluster(upstream.Address))]),
            ["routes.json"] = Fragment([TestConfigs.ForwardRoute("b", "/b/{**rest}", "up")]),
        });

        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        Assert.StartsWith("200", await dir.GetAsync("/b/x"), StringComparison.Ordinal);

        var applied = await dir.WriteAndWaitAsync("a.json", Respond("a", "/a", "a2"), (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal(2, applied.Generation);
        Assert.Equal("200 a2", await dir.GetAsync("/a"));
        Assert.StartsWith("200", await dir.GetAsync("/b/x"), StringComparison.Ordinal);
        Assert.All((await dir.StatusAsync()).GetProperty("files").EnumerateArray(), f => Assert.Equal("applied", f.GetProperty("state").GetString()));
    }

    [Fact]
    [Requirement("DS-02", "DS-09", "DS-10")]
    public async Task A_broken_file_keeps_its_last_good_fragment_while_another_files_change_applies_and_status_names_file_line_and_column()
    {
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["a.json"] = Respond("a", "/a", "a1"),
            ["b.json"] = Respond("b", "/b", "b1"),
        });

        await dir.WriteAndWaitAsync("a.json", "{\n  \"routes\": [\n    {\"id\": \"a\",,}\n", (events, mark) => events.WaitForUnchangedAsync(mark));
        await dir.WriteAndWaitAsync("b.json", Respond("b", "/b", "b2"), (events, mark) => events.WaitForAppliedAsync(mark));

        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        Assert.Equal("200 b2", await dir.GetAsync("/b"));
        var a = await dir.FileStatusAsync("a.json");
        Assert.Equal("kept last good", a.GetProperty("state").GetString());
        Assert.NotEqual(a.GetProperty("sha256").GetString(), a.GetProperty("servingSha256").GetString());
        var error = a.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.StartsWith(Path.Combine(dir.Path, "a.json") + ":3:", error.GetProperty("formatted").GetString(), StringComparison.Ordinal);
        Assert.Equal("applied", (await dir.FileStatusAsync("b.json")).GetProperty("state").GetString());
        Assert.Contains(dir.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1201 && r.Message.Contains("a.json", StringComparison.Ordinal));

        await dir.WriteAndWaitAsync("a.json", Respond("a", "/a", "a3"), (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal("200 a3", await dir.GetAsync("/a"));
        Assert.Equal("applied", (await dir.FileStatusAsync("a.json")).GetProperty("state").GetString());
    }

    [Fact]
    [Requirement("DS-03")]
    public async Task A_fragment_needing_a_cluster_that_only_a_rejected_file_defines_is_held_back_until_that_file_is_fixed()
    {
        await using var one = await UpstreamServer.StartAsync("one");
        await using var two = await UpstreamServer.StartAsync("two");
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["clusters.json"] = Fragment(clusters: [new("one", TestConfigs.Cluster(one.Address))]),
            ["routes.json"] = Fragment([TestConfigs.ForwardRoute("r", "/r", "one")]),
        });

        // clusters.json now adds "two" but is invalid (a destination without an address): rejected, last good kept.
        var brokenClusters = Fragment(clusters: [new("one", TestConfigs.Cluster(one.Address)), new("two", TestConfigs.Cluster(two.Address))])
            .Replace(two.Address.ToString().TrimEnd('/'), "not a url", StringComparison.Ordinal);
        await dir.WriteAndWaitAsync("clusters.json", brokenClusters, (events, mark) => events.WaitForUnchangedAsync(mark));
        await dir.WriteAndWaitAsync("routes.json", Fragment([TestConfigs.ForwardRoute("r", "/r", "two")]), (events, mark) => events.WaitForUnchangedAsync(mark));

        var routes = await dir.FileStatusAsync("routes.json");
        Assert.Equal("held back", routes.GetProperty("state").GetString());
        Assert.Contains("clusters.json", routes.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("kept last good", (await dir.FileStatusAsync("clusters.json")).GetProperty("state").GetString());
        Assert.Contains("one", await dir.GetAsync("/r"), StringComparison.Ordinal);

        await dir.WriteAndWaitAsync("clusters.json", Fragment(clusters: [new("one", TestConfigs.Cluster(one.Address)), new("two", TestConfigs.Cluster(two.Address))]),
            (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal("applied", (await dir.FileStatusAsync("routes.json")).GetProperty("state").GetString());
        using var client = dir.Proxy.CreateClient();
        using var response = await client.GetAsync(new Uri("/r", UriKind.Relative));
        Assert.Equal("two", Assert.Single(response.Headers.GetValues("X-Upstream")));
    }

    [Fact]
    [Requirement("DS-03", "DS-06")]
    public async Task A_fragment_needing_a_cluster_whose_file_is_missing_keeps_its_last_good_until_the_file_arrives_and_the_file_deleted_by_mistake_keeps_it_serving()
    {
        await using var one = await UpstreamServer.StartAsync("one");
        await using var two = await UpstreamServer.StartAsync("two");
        await using var dir = await StartAsync(
            new Dictionary<string, string>
            {
                ["clusters-one.json"] = Fragment(clusters: [new("one", TestConfigs.Cluster(one.Address))]),
                ["routes.json"] = Fragment([TestConfigs.ForwardRoute("r", "/r", "one")]),
            },
            new Dictionary<string, string> { ["delete-grace"] = "60000" });

        // routes.json gains a route to "two", whose file (clusters-two.json) is not there yet: its last good keeps serving.
        var withTwo = Fragment([TestConfigs.ForwardRoute("r", "/r", "one"), TestConfigs.ForwardRoute("r2", "/r2", "two")]);
        await dir.WriteAndWaitAsync("routes.json", withTwo, (events, mark) => events.WaitForUnchangedAsync(mark));
        var routes = await dir.FileStatusAsync("routes.json");
        Assert.Equal("kept last good", routes.GetProperty("state").GetString());
        Assert.Contains("cluster 'two'", routes.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("one", await UpstreamOf(dir, "/r"));
        Assert.StartsWith("404", await dir.GetAsync("/r2"), StringComparison.Ordinal);

        // The missing file arrives: both apply in one reload.
        var applied = await dir.WriteAndWaitAsync("clusters-two.json", Fragment(clusters: [new("two", TestConfigs.Cluster(two.Address))]),
            (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal(["r2"], applied.Diff!.RoutesAdded.Select(r => r.Id));
        Assert.Equal("applied", (await dir.FileStatusAsync("routes.json")).GetProperty("state").GetString());
        Assert.Equal("two", await UpstreamOf(dir, "/r2"));

        // Deleted by mistake: within the grace its cluster stays in use, so the route in the other file that needs it keeps serving.
        var deleted = dir.Proxy.Events.Mark();
        dir.Delete("clusters-two.json");
        await dir.Proxy.Events.WaitForUnchangedAsync(deleted);
        Assert.Equal("kept last good", (await dir.FileStatusAsync("clusters-two.json")).GetProperty("state").GetString());
        Assert.Equal("applied", (await dir.FileStatusAsync("routes.json")).GetProperty("state").GetString());
        Assert.Equal("two", await UpstreamOf(dir, "/r2"));
    }

    [Fact]
    [Requirement("DS-04")]
    public async Task A_cluster_name_defined_in_two_files_is_an_error_naming_both_files_and_the_file_that_brought_it_is_not_applied()
    {
        await using var one = await UpstreamServer.StartAsync("one");
        await using var other = await UpstreamServer.StartAsync("other");
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["clusters.json"] = Fragment(clusters: [new("shared", TestConfigs.Cluster(one.Address))]),
            ["routes.json"] = Fragment([TestConfigs.ForwardRoute("r", "/r", "shared")]),
        });

        // A new file defining the same cluster name (and a route of its own) is not applied at all.
        var duplicate = Fragment([TestConfigs.RespondRoute("x", "/x", "x1")], [new("shared", TestConfigs.Cluster(other.Address))]);
        await dir.WriteAndWaitAsync("extra.json", duplicate, (events, mark) => events.WaitForUnchangedAsync(mark));

        var extra = await dir.FileStatusAsync("extra.json");
        Assert.Equal("rejected", extra.GetProperty("state").GetString());
        var message = extra.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("cluster 'shared'", message, StringComparison.Ordinal);
        Assert.Contains("clusters.json", message, StringComparison.Ordinal);
        Assert.Contains("extra.json", message, StringComparison.Ordinal);
        Assert.Equal("applied", (await dir.FileStatusAsync("clusters.json")).GetProperty("state").GetString());
        Assert.Equal("one", await UpstreamOf(dir, "/r"));
        Assert.StartsWith("404", await dir.GetAsync("/x"), StringComparison.Ordinal);

        // Without the duplicate it applies; a later change that brings it back keeps the last good content.
        await dir.WriteAndWaitAsync("extra.json", Respond("x", "/x", "x1"), (events, mark) => events.WaitForAppliedAsync(mark));
        var again = Fragment([TestConfigs.RespondRoute("x", "/x", "x2")], [new("shared", TestConfigs.Cluster(other.Address))]);
        await dir.WriteAndWaitAsync("extra.json", again, (events, mark) => events.WaitForUnchangedAsync(mark));
        Assert.Equal("kept last good", (await dir.FileStatusAsync("extra.json")).GetProperty("state").GetString());
        Assert.Equal("200 x1", await dir.GetAsync("/x"));
        Assert.Equal("one", await UpstreamOf(dir, "/r"));
    }

    [Fact]
    [Requirement("DS-04")]
    public async Task A_route_id_or_cluster_name_defined_in_two_files_is_an_error_naming_both_files_and_the_new_one_is_not_applied()
    {
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["a.json"] = Respond("shared", "/a", "a1"),
            ["b.json"] = Respond("b", "/b", "b1"),
        });

        await dir.WriteAndWaitAsync("b.json", Respond("shared", "/b", "b2"), (events, mark) => events.WaitForUnchangedAsync(mark));

        var b = await dir.FileStatusAsync("b.json");
        Assert.Equal("kept last good", b.GetProperty("state").GetString());
        var message = b.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("'shared'", message, StringComparison.Ordinal);
        Assert.Contains("a.json", message, StringComparison.Ordinal);
        Assert.Contains("b.json", message, StringComparison.Ordinal);
        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        Assert.Equal("200 b1", await dir.GetAsync("/b"));
        Assert.Equal("applied", (await dir.FileStatusAsync("a.json")).GetProperty("state").GetString());
    }

    [Fact]
    [Requirement("DS-05")]
    public async Task Strict_mode_rejects_the_whole_directory_when_one_file_is_broken()
    {
        await using var dir = await StartAsync(
            new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1"), ["b.json"] = Respond("b", "/b", "b1") },
            new Dictionary<string, string> { ["strict"] = "true" });

        var rejected = await dir.WriteAndWaitAsync("a.json", "{\"routes\": [}", (events, mark) => events.WaitForRejectedAsync(mark));
        Assert.Contains(rejected.Errors, e => e.Format("?").StartsWith(Path.Combine(dir.Path, "a.json") + ":1:", StringComparison.Ordinal));

        await dir.WriteAndWaitAsync("b.json", Respond("b", "/b", "b2"), (events, mark) => events.WaitForRejectedAsync(mark));
        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        Assert.Equal("200 b1", await dir.GetAsync("/b"));

        await dir.WriteAndWaitAsync("a.json", Respond("a", "/a", "a2"), (events, mark) => events.WaitForAppliedAsync(mark));
        Assert.Equal("200 a2", await dir.GetAsync("/a"));
        Assert.Equal("200 b2", await dir.GetAsync("/b"));
    }

    [Fact]
    [Requirement("DS-06")]
    public async Task A_file_deleted_and_put_back_within_the_delete_grace_never_loses_its_routes()
    {
        await using var dir = await StartAsync(
            new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1"), ["b.json"] = Respond("b", "/b", "b1") },
            new Dictionary<string, string> { ["delete-grace"] = "60000" });

        var mark = dir.Proxy.Events.Mark();
        dir.Delete("a.json");
        await dir.Proxy.Events.WaitForUnchangedAsync(mark);
        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        var a = await dir.FileStatusAsync("a.json");
        Assert.Equal("kept last good", a.GetProperty("state").GetString());
        Assert.Contains("deleted", a.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        await dir.WriteAndWaitAsync("a.json", Respond("a", "/a", "a2"), (events, m) => events.WaitForAppliedAsync(m));
        Assert.Equal("200 a2", await dir.GetAsync("/a"));
        Assert.DoesNotContain(dir.Proxy.Events.Outcomes, o => o.Diff is { } diff && diff.RoutesRemoved.Count > 0);
    }

    [Fact]
    [Requirement("DS-07")]
    public async Task A_file_that_stays_deleted_for_the_delete_grace_has_its_routes_removed()
    {
        await using var dir = await StartAsync(
            new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1"), ["b.json"] = Respond("b", "/b", "b1") },
            new Dictionary<string, string> { ["delete-grace"] = "200" });

        var mark = dir.Proxy.Events.Mark();
        dir.Delete("b.json");
        var applied = await dir.Proxy.Events.WaitForAppliedAsync(mark);

        Assert.Equal(["b"], applied.Diff!.RoutesRemoved);
        Assert.StartsWith("404", await dir.GetAsync("/b"), StringComparison.Ordinal);
        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        Assert.DoesNotContain((await dir.StatusAsync()).GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString() == "b.json");
        Assert.Contains(dir.Proxy.Logs.GetSnapshot(), r => r.Id.Id == 1203);
    }

    [Fact]
    [Requirement("DS-08")]
    public async Task Hidden_and_editor_temporary_files_are_ignored()
    {
        await using var dir = await StartAsync(new Dictionary<string, string> { ["a.json"] = Respond("a", "/a", "a1") });

        var mark = dir.Proxy.Events.Mark();
        foreach (var name in new[] { ".hidden.json", "a.json~", "a.json.swp", ".a.json.swx", "a.json.tmp", "4913", "#a.json#", ".#a.json", "notes.txt" })
        {
            await File.WriteAllTextAsync(Path.Combine(dir.Path, name), "{ not json");
        }

        await dir.WriteAsync("a.json", Respond("a", "/a", "a2"));
        await dir.Proxy.Events.WaitForAppliedAsync(mark);

        Assert.Equal("200 a2", await dir.GetAsync("/a"));
        Assert.Equal(["a.json"], (await dir.StatusAsync()).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.DoesNotContain(dir.Proxy.Events.Since(mark), o => o.Result == ReloadResult.Rejected);
    }

    [Fact]
    [Requirement("DS-11")]
    public async Task A_broken_file_at_startup_does_not_stop_the_other_files_from_serving()
    {
        await using var dir = await StartAsync(new Dictionary<string, string>
        {
            ["a.json"] = Respond("a", "/a", "a1"),
            ["b.json"] = "{\"routes\": [{\"id\": \"b\"}]}",
        });

        Assert.Equal("200 a1", await dir.GetAsync("/a"));
        var b = await dir.FileStatusAsync("b.json");
        Assert.Equal("rejected", b.GetProperty("state").GetString());
        Assert.Equal(JsonValueKindNull, b.GetProperty("servingSha256").ValueKind);
    }

    private static async Task<string> UpstreamOf(FragmentDirectory dir, string path)
    {
        using var client = dir.Proxy.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return Assert.Single(response.Headers.GetValues("X-Upstream"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
