using HotReload.Testing.Observing;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Etcd;
using HotReload.Testing.Network;
using HotReloadProxy.Testing.Proxies;
using HotReloadProxy.Reload;

namespace HotReload.Functional.Tests.Sources;

/// <summary><c>--etcd</c>: a real etcd (started per test on free ports), a real proxy watching one key.</summary>
public sealed class EtcdSourceTests
{
    [Fact]
    [Requirement("ET-01", "ET-03", "ET-12")]
    public async Task A_put_applies_and_status_and_logs_show_its_mod_revision_beside_generation_and_hash()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v1").ToJson());
        var (etcd, proxy, first) = (scenario.Etcd, scenario.Proxy, scenario.InitialRevision);
        Assert.Equal("200 v1", await proxy.GetAsync("/version"));
        Assert.Equal(first, (await proxy.StatusAsync()).GetProperty("etcd").GetProperty("appliedModRevision").GetInt64());

        var mark = proxy.Events.Mark();
        var json = TestConfigs.Versioned("v2").ToJson();
        var second = await etcd.PutAsync(EtcdProxy.Key, json);
        var applied = await proxy.Events.WaitForAppliedContentAsync(json, "v2 from etcd", mark);

        Assert.Equal("200 v2", await proxy.GetAsync("/version"));
        // A put is whole when it arrives: it is read at once, not after the quiet window that file writes get.
        Assert.Equal(ReloadUrgency.Immediate, applied.ReloadReason.Urgency);
        var status = await proxy.StatusAsync();
        Assert.Equal(applied.Generation, status.GetProperty("generation").GetInt64());
        Assert.Equal(applied.Sha256, status.GetProperty("sha256").GetString());
        Assert.Equal(second, status.GetProperty("etcd").GetProperty("appliedModRevision").GetInt64());
        Assert.True(status.GetProperty("etcd").GetProperty("connected").GetBoolean());
        Assert.Contains(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1223
            && r.Message.Contains($"mod_revision {second}", StringComparison.Ordinal)
            && r.Message.Contains($"generation {applied.Generation}", StringComparison.Ordinal)
            && r.Message.Contains(applied.Sha256![..8], StringComparison.Ordinal));
    }

    [Fact]
    [Requirement("ET-02")]
    public async Task An_invalid_or_deleted_value_is_rejected_and_the_last_good_config_keeps_serving()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v1").ToJson());
        var (etcd, proxy) = (scenario.Etcd, scenario.Proxy);

        var mark = proxy.Events.Mark();
        var bad = await etcd.PutAsync(EtcdProxy.Key, TestConfigs.UnknownClusterJson("bad"));
        await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.Invalid);
        Assert.Equal("200 v1", await proxy.GetAsync("/version"));
        Assert.Contains(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1224 && r.Message.Contains($"mod_revision {bad}", StringComparison.Ordinal));

        mark = proxy.Events.Mark();
        await etcd.PutAsync(EtcdProxy.Key, "{ \"routes\": [");
        await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.Syntax);
        mark = proxy.Events.Mark();
        await etcd.DeleteAsync(EtcdProxy.Key);
        await proxy.Events.WaitForRejectedAsync(mark, RejectionReason.Missing);
        Assert.Equal("200 v1", await proxy.GetAsync("/version"));
        Assert.Equal(1, proxy.Generation());
    }

    [Fact]
    [Requirement("ET-04", "ET-05")]
    public async Task The_watch_does_not_go_silent_after_etcd_is_killed_and_restarted_twice()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v0").ToJson());
        var (etcd, proxy) = (scenario.Etcd, scenario.Proxy);

        for (var round = 1; round <= 2; round++)
        {
            await etcd.KillAsync();
            await proxy.WaitForEtcdConnectedAsync(connected: false);
            Assert.Equal($"200 v{round - 1}", await proxy.GetAsync("/version"));

            await etcd.RestartAsync();
            var mark = proxy.Events.Mark();
            var json = TestConfigs.Versioned($"v{round}").ToJson();
            await etcd.PutAsync(EtcdProxy.Key, json);
            await proxy.Events.WaitForAppliedContentAsync(json, $"v{round}, put after etcd restart {round}", mark);
            Assert.Equal($"200 v{round}", await proxy.GetAsync("/version"));
        }

        Assert.True((await proxy.StatusAsync()).GetProperty("etcd").GetProperty("reconnects").GetInt64() >= 2);
    }

    [Fact]
    [Requirement("ET-11")]
    public async Task While_etcd_is_paused_the_proxy_keeps_serving_its_last_good_config_and_applies_a_put_etcd_answers_late()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v1").ToJson());
        var (etcd, proxy) = (scenario.Etcd, scenario.Proxy);

        // A slow etcd: its process stopped, connections open, nothing answered. The put waits on it.
        await etcd.PauseAsync();
        var mark = proxy.Events.Mark();
        var json = TestConfigs.Versioned("v2").ToJson();
        var put = etcd.PutAsync(EtcdProxy.Key, json);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("200 v1", await proxy.GetAsync("/version"));
        }

        Assert.False(put.IsCompleted, "etcd answered the put while its process was stopped.");
        Assert.Empty(proxy.Events.Since(mark));

        await etcd.ResumeAsync();
        var revision = await put;
        await proxy.Events.WaitForAppliedContentAsync(json, "v2, put while etcd was paused", mark);
        Assert.Equal("200 v2", await proxy.GetAsync("/version"));
        var status = (await proxy.StatusAsync()).GetProperty("etcd");
        Assert.Equal(revision, status.GetProperty("appliedModRevision").GetInt64());
        Assert.True(status.GetProperty("connected").GetBoolean());
    }

    [Fact]
    [Requirement("ET-13")]
    public async Task A_hung_etcd_is_noticed_by_unanswered_pings_and_the_proxy_reconnects_once_it_answers()
    {
        // A hung peer: etcd's process stopped, its connections open and silent. No change will ever come on the
        // open watch; only the keep-alive pings (every 2 s of silence, 1 s to answer) can tell it is gone.
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v1").ToJson(), keepAliveMs: 2000);
        var (etcd, proxy) = (scenario.Etcd, scenario.Proxy);
        await proxy.WaitForEtcdConnectedAsync(connected: true);
        var reconnectsBefore = (await proxy.StatusAsync()).GetProperty("etcd").GetProperty("reconnects").GetInt64();

        await etcd.PauseAsync();
        try
        {
            await proxy.WaitForEtcdConnectedAsync(connected: false);
            Assert.Equal("200 v1", await proxy.GetAsync("/version"));
        }
        finally
        {
            await etcd.ResumeAsync();
        }

        await proxy.WaitForEtcdConnectedAsync(connected: true);
        var status = (await proxy.StatusAsync()).GetProperty("etcd");
        Assert.True(status.GetProperty("reconnects").GetInt64() > reconnectsBefore, "the proxy reported etcd connected again without reconnecting");
        var mark = proxy.Events.Mark();
        var json = TestConfigs.Versioned("v2").ToJson();
        await etcd.PutAsync(EtcdProxy.Key, json);
        await proxy.Events.WaitForAppliedContentAsync(json, "v2, put after etcd answered again", mark);
        Assert.Equal("200 v2", await proxy.GetAsync("/version"));
    }

    [Fact]
    [Requirement("ET-06")]
    public async Task Updates_made_while_the_proxy_was_cut_off_arrive_through_a_watch_resumed_from_the_last_seen_revision()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v0").ToJson(), throughRelay: true);
        var (relay, proxy) = (scenario.Relay!, scenario.Proxy);
        var json = TestConfigs.Versioned("v2").ToJson();

        var last = await scenario.PutWhileCutOffAsync(TestConfigs.Versioned("v1").ToJson(), json);
        Assert.Equal("200 v0", await proxy.GetAsync("/version"));

        var mark = proxy.Events.Mark();
        relay.Restore();
        await proxy.Events.WaitForAppliedContentAsync(json, "v2, put while the proxy was cut off", mark);
        var status = (await proxy.StatusAsync()).GetProperty("etcd");
        Assert.Equal(last, status.GetProperty("appliedModRevision").GetInt64());
        Assert.Equal(0, status.GetProperty("compactions").GetInt64());
    }

    [Fact]
    [Requirement("ET-07")]
    public async Task A_compaction_past_the_watch_revision_makes_the_proxy_read_the_key_again()
    {
        await using var scenario = await EtcdScenario.StartAsync(TestConfigs.Versioned("v0").ToJson(), throughRelay: true);
        var (etcd, relay, proxy) = (scenario.Etcd, scenario.Relay!, scenario.Proxy);
        var json = TestConfigs.Versioned("v2").ToJson();

        await scenario.PutWhileCutOffAsync(TestConfigs.Versioned("v1").ToJson(), json);
        await etcd.PutAsync("/unrelated", "x");
        await etcd.CompactAsync(await etcd.RevisionAsync());

        var mark = proxy.Events.Mark();
        relay.Restore();
        await proxy.Events.WaitForAppliedContentAsync(json, "v2 after the compaction", mark);
        Assert.True((await proxy.StatusAsync()).GetProperty("etcd").GetProperty("compactions").GetInt64() >= 1);
        Assert.Contains(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1225);

        mark = proxy.Events.Mark();
        json = TestConfigs.Versioned("v3").ToJson();
        await etcd.PutAsync(EtcdProxy.Key, json);
        await proxy.Events.WaitForAppliedContentAsync(json, "v3, watched after the re-read", mark);
    }

    [Fact]
    [Requirement("ET-08")]
    public async Task A_proxy_that_cannot_reach_etcd_at_startup_does_not_start()
    {
        var unreachable = HotReload.Testing.Upstreams.UnusedLoopbackAddress.Next().ToString().TrimEnd('/');
        var error = await Assert.ThrowsAsync<ConfigLoadException>(() => KestrelProxyWithStartupTimeout(unreachable));
        Assert.Equal(RejectionReason.Unreadable, error.Reason);
        Assert.Contains("etcd is unreachable", error.Message, StringComparison.Ordinal);
    }

    private static Task<HotReloadProxy.Testing.Proxies.KestrelProxy> KestrelProxyWithStartupTimeout(string endpoint) =>
        HotReloadProxy.Testing.Proxies.KestrelProxy.StartAsync(new HotReloadProxy.Testing.Proxies.ProxySettings
        {
            ConfigPath = null,
            Extra = new Dictionary<string, string> { ["etcd"] = endpoint, ["etcd-key"] = EtcdProxy.Key, ["etcd-startup-timeout"] = "500" },
        });
}
