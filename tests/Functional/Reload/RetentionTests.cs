using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.Functional.Tests.Reload;

/// <summary>A bad file never costs a request: the last good config keeps serving, the reason is shown, and the next good file applies.</summary>
public sealed class RetentionTests
{
    // The reason by name: the proxy's types are internal, and a public test method cannot take one.
    public static TheoryData<string, string, string> BrokenContents() => new()
    {
        { "syntax error", TestConfigs.TruncatedJson("broken"), nameof(RejectionReason.Syntax) },
        { "unknown cluster", TestConfigs.UnknownClusterJson("broken"), nameof(RejectionReason.Invalid) },
        { "unknown property", """{ "routes": [], "clustrs": {} }""", nameof(RejectionReason.Invalid) },
        { "duplicate route id", """{ "routes": [ { "id": "a", "match": { "path": "/a" }, "respond": { "status": 200 } }, { "id": "a", "match": { "path": "/b" }, "respond": { "status": 200 } } ] }""", nameof(RejectionReason.Invalid) },
        { "bad address", """{ "routes": [ { "id": "a", "match": { "path": "/a" }, "cluster": "c" } ], "clusters": { "c": { "destinations": { "d": { "address": "not-a-url" } } } } }""", nameof(RejectionReason.Invalid) },
        { "bad template", """{ "routes": [ { "id": "a", "match": { "path": "/a/{**rest}/b" }, "respond": { "status": 200 } } ] }""", nameof(RejectionReason.Invalid) },
        { "bad status", """{ "routes": [ { "id": "a", "match": { "path": "/a" }, "respond": { "status": 700 } } ] }""", nameof(RejectionReason.Invalid) },
        { "empty file", "", nameof(RejectionReason.Empty) },
        { "whitespace only", "   \n\t ", nameof(RejectionReason.Empty) },
        { "oversized file", TestConfigs.Versioned("huge", [TestConfigs.RespondRoute("big", "/big", new string('x', 8192))]).ToJson(), nameof(RejectionReason.TooLarge) },
    };

    [Theory]
    [MemberData(nameof(BrokenContents))]
    [Requirement("EH-01", "EH-02", "HR-04", "LG-02", "OB-01", "CV-10")]
    public async Task Broken_file_is_rejected_whole_while_the_last_good_config_keeps_serving(string kind, string content, string reasonName)
    {
        var reason = Enum.Parse<RejectionReason>(reasonName);
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), s => s with { MaxConfigBytes = 4096 });
        var (proxy, path, client, admin) = (scenario.Proxy, scenario.ConfigPath, scenario.Client, scenario.Admin);

        var mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, content);
        var rejected = await proxy.Events.WaitForRejectedAsync(mark);

        Assert.Equal(reason, rejected.Reason);
        Assert.NotEmpty(rejected.Errors);
        Assert.Equal(1, proxy.Generation());
        await client.AssertServesVersionAsync("v1");

        var status = await admin.GetJsonAsync("/status");
        Assert.Equal(1, status.GetProperty("generation").GetInt64());
        var lastAttempt = status.GetProperty("lastAttempt");
        Assert.Equal("rejected", lastAttempt.GetProperty("outcome").GetString());
        Assert.Equal(reason.ToString(), lastAttempt.GetProperty("reason").GetString());
        var firstError = lastAttempt.GetProperty("errors")[0];
        Assert.StartsWith(path + ":", firstError.GetProperty("formatted").GetString(), StringComparison.Ordinal);
        Assert.True(firstError.GetProperty("line").GetInt32() >= 1, kind);

        var warnings = proxy.Logs.GetSnapshot().Where(r => r.Id.Id == 1011).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);

        mark = proxy.Events.Mark();
        ConfigFileEditor.WriteAtomically(path, TestConfigs.Versioned("v2").ToJson());
        var applied = await proxy.Events.WaitForAppliedAsync(mark);
        Assert.Equal(2, applied.Generation);
        await client.AssertServesVersionAsync("v2");
    }

    [Fact]
    [Requirement("EH-02", "HR-04", "CD-03")]
    public async Task Deleted_file_keeps_serving_warns_once_and_recovers_when_the_file_returns()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));
        var (proxy, path, client) = (scenario.Proxy, scenario.ConfigPath, scenario.Client);

        var mark = proxy.Events.Mark();
        File.Delete(path);
        var rejected = await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.Missing);
        Assert.Equal(1, rejected.Generation);
        await client.AssertServesVersionAsync("v1");
        await client.AssertServesVersionAsync("v1");
        Assert.Single(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1011);

        mark = proxy.Events.Mark();
        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());
        await proxy.Events.WaitForAppliedAsync(mark);
        await client.AssertServesVersionAsync("v2");
    }

    [Fact]
    [Requirement("EH-02", "HR-04")]
    public async Task File_replaced_by_a_directory_is_rejected_and_a_file_put_back_applies()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"));
        var (proxy, path, client) = (scenario.Proxy, scenario.ConfigPath, scenario.Client);

        var mark = proxy.Events.Mark();
        File.Delete(path);
        Directory.CreateDirectory(path);
        await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.IsDirectory);
        await client.AssertServesVersionAsync("v1");

        mark = proxy.Events.Mark();
        Directory.Delete(path);
        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());
        await proxy.Events.WaitForAppliedAsync(mark);
        await client.AssertServesVersionAsync("v2");
    }

    [Fact]
    [Requirement("EH-02", "HR-04")]
    public async Task Unreadable_file_is_rejected_with_the_reason_and_the_next_readable_content_applies()
    {
        // This process runs as root, which reads a chmod 000 file anyway, so the unreadable condition is
        // injected at the file-access seam; the rest of the pipeline (engine, admin, log) is the real one.
        SwitchableFileSource source = null!;
        await using var scenario = await ConfigScenario.StartAsync(
            TestConfigs.Versioned("v1").ToJson(),
            settings => Task.FromResult(InMemoryProxy.Start(settings, services => services.AddSingleton<IConfigFileSource>(source = new SwitchableFileSource(settings.ConfigPath!)))),
            ConfigScenario.NoFileTriggers);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var admin = proxy.CreateAdminClient();

        source.Unreadable = "Permission denied.";
        using var rejected = await admin.PostAsync("/reload", null);
        Assert.Equal(422, (int)rejected.StatusCode);
        var outcome = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unreadable", outcome.GetProperty("reason").GetString());
        Assert.Contains("Permission denied", outcome.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await proxy.CreateClient().AssertServesVersionAsync("v1");

        source.Unreadable = null;
        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());
        using var applied = await admin.PostAsync("/reload", null);
        Assert.Equal(200, (int)applied.StatusCode);
        await proxy.CreateClient().AssertServesVersionAsync("v2");
    }

    private sealed class SwitchableFileSource(string path) : IConfigFileSource
    {
        private readonly PhysicalConfigFileSource _inner = new(path);

        public string? Unreadable { get; set; }

        public string Path => _inner.Path;

        public ConfigFileRead Read(long maxBytes) => Unreadable is { } reason ? new ConfigFileRead.Unreadable(reason) : _inner.Read(maxBytes);

        public ConfigFileStamp Stamp() => _inner.Stamp();
    }
}
