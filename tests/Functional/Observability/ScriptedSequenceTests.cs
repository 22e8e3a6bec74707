using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Observability;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace HotReload.Functional.Tests.Observability;

/// <summary>After good, broken, deleted, recreated and unchanged writes, /status, the log and the metrics say exactly what happened.</summary>
public sealed class ScriptedSequenceTests
{
    [Fact]
    [Requirement("OB-01", "OB-02", "OB-03", "LG-01", "LG-02", "LG-03", "LG-05")]
    public async Task Status_logs_and_metrics_agree_with_a_scripted_sequence_of_writes()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;
        var meters = proxy.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var reloads = new MetricCollector<long>(meters, ReloadMetrics.MeterName, "hotreload.reloads");
        using var generation = new MetricCollector<long>(meters, ReloadMetrics.MeterName, "hotreload.config.generation");
        using var duration = new MetricCollector<double>(meters, ReloadMetrics.MeterName, "hotreload.reload.duration");
        using var lastSuccess = new MetricCollector<double>(meters, ReloadMetrics.MeterName, "hotreload.config.last_reload_success_timestamp");
        var scheduler = proxy.Services.GetRequiredService<ReloadScheduler>();
        var notified = new List<ReloadOutcome>();
        proxy.Services.GetRequiredService<ReloadNotifier>().Reloaded += (_, outcome) => notified.Add(outcome);
        var logStart = proxy.Logs.GetSnapshot().Count;

        File.WriteAllText(path, TestConfigs.Versioned("v2").ToJson());          // good
        var good = scheduler.ReloadNow(ReloadReason.Manual);
        File.WriteAllText(path, TestConfigs.TruncatedJson("v3"));               // broken
        var broken = scheduler.ReloadNow(ReloadReason.Manual);
        File.Delete(path);                                                      // deleted
        var deleted = scheduler.ReloadNow(ReloadReason.Manual);
        File.WriteAllText(path, TestConfigs.Versioned("v4").ToJson());          // recreated
        var recreated = scheduler.ReloadNow(ReloadReason.Manual);
        var unchanged = scheduler.ReloadNow(ReloadReason.Manual);              // unchanged

        Assert.Equal(
            [(ReloadResult.Applied, 2L), (ReloadResult.Rejected, 2L), (ReloadResult.Rejected, 2L), (ReloadResult.Applied, 3L), (ReloadResult.Unchanged, 3L)],
            new[] { good, broken, deleted, recreated, unchanged }.Select(o => (o.Result, o.Generation)));
        Assert.Equal([RejectionReason.Syntax, RejectionReason.Missing], new[] { broken.Reason, deleted.Reason });
        Assert.Equal(new[] { good, broken, deleted, recreated, unchanged }, notified);
        await proxy.CreateClient().AssertServesVersionAsync("v4");

        // /status
        var status = await proxy.CreateAdminClient().GetJsonAsync("/status");
        Assert.Equal(3, status.GetProperty("generation").GetInt64());
        Assert.Equal(proxy.CurrentSnapshot().Sha256, status.GetProperty("sha256").GetString());
        Assert.Equal(path, status.GetProperty("source").GetString());
        Assert.Equal("unchanged", status.GetProperty("lastAttempt").GetProperty("outcome").GetString());
        Assert.Equal("manual", status.GetProperty("lastAttempt").GetProperty("trigger").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal((2, 1, 2), (counts.GetProperty("applied").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("rejected").GetInt32()));

        // The log: one Information per apply with the generation and diff, one Warning per distinct rejection, unchanged at Debug.
        var records = proxy.Logs.GetSnapshot().Skip(logStart).ToList();
        var appliedLogs = records.Where(r => r.Id.Id == 1010).ToList();
        Assert.Equal([LogLevel.Information, LogLevel.Information], appliedLogs.Select(r => r.Level));
        Assert.Equal(["2", "3"], appliedLogs.Select(r => r.StructuredState!.Single(p => p.Key == "Generation").Value));
        Assert.All(appliedLogs, r => Assert.Matches(@"^Config generation \d+ applied \(sha256 [0-9a-f]{8}\): routes \+0 -0 ~1, clusters \+0 -0 ~0, [\d.]+ ms$", r.Message));
        Assert.Equal(2, records.Count(r => r.Id.Id == 1011 && r.Level == LogLevel.Warning));
        Assert.Contains(records, r => r.Id.Id == 1013 && r.Level == LogLevel.Debug);
        Assert.DoesNotContain(records, r => r.Level > LogLevel.Information && r.Id.Id != 1011);
        Assert.All(records.Where(r => r.Category?.StartsWith("HotReloadProxy", StringComparison.Ordinal) == true),
            r => Assert.True(r.Id.Id >= 1000 && !string.IsNullOrEmpty(r.Id.Name), $"event without a stable id: {r.Message}"));

        // Metrics
        var byOutcome = reloads.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["outcome"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["applied"] = 2, ["rejected"] = 2, ["unchanged"] = 1 }, byOutcome);
        Assert.Equal(5, duration.GetMeasurementSnapshot().Count);
        generation.RecordObservableInstruments();
        Assert.Equal(3, generation.LastMeasurement!.Value);
        lastSuccess.RecordObservableInstruments();
        // An unchanged file is a successful reload too (as Prometheus counts its own), so the last one is the time.
        Assert.Equal(unchanged.At.ToUnixTimeMilliseconds() / 1000.0, lastSuccess.LastMeasurement!.Value, precision: 3);
    }

    [Fact]
    [Requirement("LG-04")]
    public async Task Secret_header_values_never_reach_the_log()
    {
        await using var scenario = await ConfigScenario.InMemoryAsync(TestConfigs.Versioned("v1"), ConfigScenario.NoFileTriggers);
        var proxy = scenario.Proxy;
        var path = scenario.ConfigPath;

        var route = TestConfigs.RespondRoute("secured", "/secured", "ok") with
        {
            Transforms = new HotReloadProxy.Configuration.Model.RouteTransforms
            {
                RequestHeaders = TestConfigs.Headers(("Authorization", "Bearer s3cr3t-token"), ("X-Api-Key", "k3y-value"), ("X-Team", "blue")),
            },
        };
        File.WriteAllText(path, TestConfigs.Versioned("v2", [route]).ToJson());
        Assert.Equal(ReloadResult.Applied, proxy.Services.GetRequiredService<ReloadScheduler>().ReloadNow(ReloadReason.Manual).Result);

        var messages = proxy.Logs.GetSnapshot().Select(r => r.Message).ToList();
        var detail = Assert.Single(messages, m => m.Contains("Route secured added", StringComparison.Ordinal));
        Assert.Contains("Authorization: ***", detail, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key: ***", detail, StringComparison.Ordinal);
        Assert.Contains("X-Team: blue", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => m.Contains("s3cr3t", StringComparison.Ordinal) || m.Contains("k3y-value", StringComparison.Ordinal));
    }
}
