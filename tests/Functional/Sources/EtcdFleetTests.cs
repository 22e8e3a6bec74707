using HotReload.Testing.Observing;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Etcd;
using HotReload.Testing.Load;
using HotReloadProxy.Testing.Proxies;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Reload;
using Xunit.Abstractions;

namespace HotReload.Functional.Tests.Sources;

/// <summary>
/// Three proxies watch one etcd key while clients load every one of them. A hundred puts (every 9th a
/// config with an unknown cluster, every 13th cut-off JSON) go in: the first half one at a time, each awaited
/// on all three, the second half in bursts of ten. etcd is killed and restarted halfway. Every instance must
/// end on the same config hash, and the recorded histories must show no failed, torn, stale or rejected response.
/// </summary>
public sealed class EtcdFleetTests(ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int ClientsPerInstance = 4;
    private const int Puts = 100;

    [Fact]
    [Requirement("ET-09", "ET-02", "ET-04")]
    public async Task Three_instances_on_one_key_converge_on_the_same_hash_through_a_hundred_puts_and_an_etcd_restart_without_a_bad_response()
    {
        await using var upstream = await UpstreamServer.StartAsync("backend");
        await using var etcd = await EtcdServer.StartAsync();
        await etcd.PutAsync(EtcdProxy.Key, TestConfigs.VersionedForward("v0", upstream.Address).ToJson());
        var proxies = new List<KestrelProxy>();
        var recorders = new List<LoadRecorder>();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                proxies.Add(await EtcdProxy.StartAsync(etcd.Endpoint));
                recorders.Add(LoadRecorder.Start(proxies[i].CreateClient, "/echo/load", TestConfigs.ResponseReader, ClientsPerInstance));
            }

            var rejected = new HashSet<string>();
            var rejectedHashes = new HashSet<string>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            string? last = null;
            for (var put = 1; put <= Puts; put++)
            {
                if (put == Puts / 2)
                {
                    output.WriteLine($"{clock.ElapsedMilliseconds} ms: killing etcd before put {put}");
                    await etcd.KillAsync();
                    await Task.WhenAll(recorders.Select(r => r.WaitForRequestsAsync(ClientsPerInstance * 4)));
                    await etcd.RestartAsync();
                    output.WriteLine($"{clock.ElapsedMilliseconds} ms: etcd restarted");
                }

                var version = $"v{put}";
                var valid = put % 9 != 0 && put % 13 != 0;
                var json = valid ? TestConfigs.VersionedForward(version, upstream.Address).ToJson()
                    : put % 9 == 0 ? TestConfigs.UnknownClusterJson(version) : TestConfigs.TruncatedJson(version);
                if (!valid)
                {
                    rejected.Add(version);
                    rejectedHashes.Add(Sha(json));
                }

                var marks = proxies.Select(p => p.Events.Mark()).ToList();
                await etcd.PutAsync(EtcdProxy.Key, json);
                if (valid)
                {
                    last = json;
                }

                // First half: each put awaited on every instance. Second half: bursts of ten, the last of each awaited.
                var awaitNow = put < Puts / 2 || put % 10 == 0;
                if (awaitNow)
                {
                    await Task.WhenAll(proxies.Select((p, i) => valid
                        ? p.Events.WaitForAppliedContentAsync(json, $"{version} on instance {i}", marks[i])
                        : p.Events.WaitForRejectedAsync(marks[i])));
                }
            }

            output.WriteLine($"{clock.ElapsedMilliseconds} ms: all puts done");
            Assert.Equal(TestConfigs.VersionedForward($"v{Puts}", upstream.Address).ToJson(), last);
            var quietSince = LoadRecorder.Now();
            await Task.WhenAll(recorders.Select(r => r.WaitForRequestsAsync(ClientsPerInstance * 4)));
            var hashes = new HashSet<string>();
            for (var i = 0; i < Instances; i++)
            {
                var history = await recorders[i].StopAsync();
                var report = HistoryChecker.Check(history, new HistoryExpectations
                {
                    ValidGenerations = proxies[i].Events.ServedGenerations(),
                    RejectedVersions = rejected,
                    FinalVersion = $"v{Puts}",
                    QuietSince = quietSince,
                });
                output.WriteLine($"instance {i}: {report}");
                report.ThrowIfViolated();
                hashes.Add(proxies[i].CurrentSnapshot().Sha256);
                Assert.DoesNotContain(proxies[i].Events.Outcomes, o => o.Result == ReloadResult.Applied && rejectedHashes.Contains(o.Sha256!));
            }

            Assert.Equal(Sha(last), Assert.Single(hashes));
        }
        finally
        {
            foreach (var recorder in recorders)
            {
                await recorder.DisposeAsync();
            }

            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync();
            }
        }
    }

    private static string Sha(string? json) => ConfigCheck.HashOf(System.Text.Encoding.UTF8.GetBytes(json ?? ""));
}
