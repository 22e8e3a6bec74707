using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReload.Testing.Load;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Xunit.Abstractions;

namespace HotReload.Functional.Tests.Atomicity;

/// <summary>
/// Sixteen clients on their own keep-alive connections send requests through the proxy to a real upstream while
/// the config is rewritten sixty times (atomic renames, in-place rewrites, delete-and-recreate), with a broken file
/// before every 5th write and the file deleted before every 7th. The recorded history must show no failed, torn,
/// stale or rejected-content response, and the last valid content once the file is quiet.
/// </summary>
public sealed class ReloadUnderLoadTests(ITestOutputHelper output)
{
    private const int Clients = 16;
    private const int Writes = 60;

    [Fact]
    [Requirement("AT-01", "AT-02", "AT-03", "AT-04", "EH-01", "EH-02", "HR-04")]
    public async Task Concurrent_requests_during_sixty_mixed_reloads_see_one_valid_generation_each_and_never_go_back()
    {
        await using var upstream = await UpstreamServer.StartAsync("backend");
        await using var scenario = await ConfigScenario.KestrelAsync(TestConfigs.VersionedForward("v0", upstream.Address));
        var proxy = scenario.Proxy;
        var rejectedVersions = new HashSet<string>();
        await using var recorder = LoadRecorder.Start(proxy.CreateClient, "/echo/load", TestConfigs.ResponseReader, Clients);
        await recorder.WaitForRequestsAsync(Clients * 2);

        for (var write = 1; write <= Writes; write++)
        {
            if (write % 5 == 0)
            {
                // Valid JSON naming a cluster that does not exist: if it were ever applied, its version would show.
                var broken = $"broken-{write}";
                rejectedVersions.Add(broken);
                await scenario.EditAndWaitAsync(new FileEdit.AtomicReplace(TestConfigs.UnknownClusterJson(broken)), (events, mark) => events.WaitForRejectedAsync(mark));
                await recorder.WaitForRequestsAsync(Clients);
            }

            if (write % 7 == 0)
            {
                await scenario.EditAndWaitAsync(new FileEdit.Delete(), (events, mark) => events.WaitForRejectedAsync(mark, RejectionReason.Missing));
                await recorder.WaitForRequestsAsync(Clients);
            }

            var content = TestConfigs.VersionedForward($"v{write}", upstream.Address).ToJson();
            FileEdit edit = (write % 3) switch
            {
                0 => new FileEdit.InPlaceRewrite(content, Chunks: 3, GapMilliseconds: 1),
                1 => new FileEdit.AtomicReplace(content),
                _ => new FileEdit.DeleteThenRecreate(content, GapMilliseconds: 1),
            };
            var applied = await scenario.EditAndWaitAsync(edit, (events, mark) => events.WaitForAppliedAsync(mark));
            Assert.Empty(applied.Errors);
            await recorder.WaitForRequestsAsync(Clients);
        }

        var quietSince = LoadRecorder.Now();
        await recorder.WaitForRequestsAsync(Clients * 4);
        var history = await recorder.StopAsync();

        var report = HistoryChecker.Check(history, new HistoryExpectations
        {
            ValidGenerations = proxy.Events.ServedGenerations(),
            RejectedVersions = rejectedVersions,
            FinalVersion = $"v{Writes}",
            QuietSince = quietSince,
        });
        output.WriteLine(report.ToString());
        report.ThrowIfViolated();

        // The load really overlapped the reloads: most generations were served to somebody.
        Assert.True(report.GenerationsSeen.Count >= Writes / 2, report.ToString());
        Assert.Equal(Writes + 1, proxy.Generation());
        Assert.Equal(Clients, history.Select(r => r.Client).Distinct().Count());
    }
}
