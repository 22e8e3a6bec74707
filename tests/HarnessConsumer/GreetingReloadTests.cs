using System.Text.Json;
using HotReload.HarnessConsumer.Tests.Service;
using HotReload.Testing.Files;
using HotReload.Testing.Load;
using HotReload.Testing.Observing;

namespace HotReload.HarnessConsumer.Tests;

/// <summary>HotReload.Testing testing a service that is not HotReload, under NUnit.</summary>
[TestFixture]
[Requirement("HN-05")]
public sealed class GreetingReloadTests
{
    private static readonly Dictionary<string, Func<string, FileEdit>> Edits = new()
    {
        ["atomic replace"] = content => new FileEdit.AtomicReplace(content),
        ["in-place rewrite"] = content => new FileEdit.InPlaceRewrite(content, Chunks: 3, GapMilliseconds: 2),
        ["delete then recreate"] = content => new FileEdit.DeleteThenRecreate(content),
        ["user-defined copy from staging"] = content => new CopyFromStagingFile(content),
    };

    [TestCase("atomic replace")]
    [TestCase("in-place rewrite")]
    [TestCase("delete then recreate")]
    [TestCase("user-defined copy from staging")]
    public async Task An_edit_is_reloaded_and_served(string edit)
    {
        await using var scenario = await GreetingScenario.StartAsync();

        var mark = scenario.Reloads.Mark();
        await scenario.Editor.ApplyAsync(Edits[edit](GreetingScenario.Json("v2")));
        var applied = await scenario.Reloads.WaitForAppliedAsync(mark, "v2");

        Assert.That(applied.Generation, Is.GreaterThan(1));
        Assert.That(await scenario.ServedVersionAsync(), Is.EqualTo("v2"));
    }

    [Test]
    public async Task A_status_endpoint_observer_sees_the_reload()
    {
        await using var scenario = await GreetingScenario.StartAsync();
        using var client = scenario.CreateClient();
        var status = PollingReloadObserver<JsonElement>.ForHttpEndpoint(client, "/status", body => JsonDocument.Parse(body).RootElement.Clone());

        var mark = status.Mark();
        await scenario.Editor.ApplyAsync(new FileEdit.AtomicReplace(GreetingScenario.Json("v2")));
        var seen = await status.WaitAsync(mark, s => s.GetProperty("version").GetString() == "v2", "v2 in /status");

        Assert.That(seen.GetProperty("generation").GetInt64(), Is.GreaterThan(1));
    }

    [Test]
    public async Task A_mark_from_another_observer_is_refused()
    {
        await using var scenario = await GreetingScenario.StartAsync();
        var other = new RecordingReloadObserver<string>();

        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Reloads.WaitAsync(other.Mark(), _ => true, "anything"));
    }

    [Test]
    [Requirement("HN-06")]
    public async Task Under_load_a_service_that_keeps_its_last_good_config_has_a_clean_history()
    {
        var report = await RunEditsUnderLoadAsync(BadFileHandling.KeepLastGood);

        Assert.That(report.IsClean, Is.True, report.ToString());
        Assert.That(report.GenerationsSeen, Has.Count.GreaterThan(1), "the load saw no reload");
    }

    [Test]
    [Requirement("HN-06")]
    public async Task Under_load_a_service_that_empties_its_config_on_a_bad_file_is_caught()
    {
        var report = await RunEditsUnderLoadAsync(BadFileHandling.EmptyConfig);

        Assert.That(report.IsClean, Is.False, "the harness did not notice the emptied config");
        Assert.That(report.Of(ViolationKind.UnknownGeneration), Is.Not.Empty, report.ToString());
    }

    /// <summary>Valid and broken writes under concurrent load, each awaited on the service's own reload line.</summary>
    private static async Task<HistoryReport> RunEditsUnderLoadAsync(BadFileHandling badFiles)
    {
        const int Clients = 8;
        await using var scenario = await GreetingScenario.StartAsync(badFiles);
        await using var recorder = LoadRecorder.Start(scenario.CreateClient, "/greeting", GreetingScenario.ReadServed, Clients);
        await recorder.WaitForRequestsAsync(Clients * 2);
        var rejected = new HashSet<string>();
        for (var write = 2; write <= 6; write++)
        {
            if (write % 2 == 0)
            {
                // Parses, but has no text: a version that must never be served.
                var broken = $"broken-{write}";
                rejected.Add(broken);
                var before = scenario.Reloads.Mark();
                await scenario.Editor.ApplyAsync(new FileEdit.AtomicReplace($$"""{"version":"{{broken}}"}"""));
                await scenario.Reloads.WaitForRejectedAsync(before);
                await recorder.WaitForRequestsAsync(Clients * 2);
            }

            var mark = scenario.Reloads.Mark();
            await scenario.Editor.ApplyAsync(new FileEdit.AtomicReplace(GreetingScenario.Json($"v{write}")));
            await scenario.Reloads.WaitForAppliedAsync(mark, $"v{write}");
            await recorder.WaitForRequestsAsync(Clients * 2);
        }

        var quietSince = LoadRecorder.Now();
        await recorder.WaitForRequestsAsync(Clients * 4);
        var history = await recorder.StopAsync();
        return HistoryChecker.Check(history, new HistoryExpectations
        {
            ValidGenerations = scenario.Reloads.ServedGenerations(),
            RejectedVersions = rejected,
            FinalVersion = "v6",
            QuietSince = quietSince,
        });
    }
}
