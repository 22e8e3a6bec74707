using System.Net;
using System.Net.Sockets;
using HotReload.Functional.Tests.Support;
using HotReloadProxy.Reload;
using HotReloadProxy.Sources.Etcd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HotReload.Functional.Tests.Sources;

/// <summary>
/// The reconnect schedule while etcd is away: doubling, capped at --etcd-max-backoff, spread by ±20%, and waited
/// on the injected clock, so a fake clock drives every attempt and no test waits for real backoff.
/// </summary>
public sealed class EtcdBackoffTests
{
    [Fact]
    [Requirement("ET-04")]
    public void The_delay_doubles_from_the_initial_wait_until_the_cap_and_then_stays_there()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        var middle = Enumerable.Range(0, 10).Select(attempt => backoff.Delay(attempt, 0.5).TotalMilliseconds).ToArray();

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000], middle);
        Assert.Equal(5000, backoff.Delay(int.MaxValue, 0.5).TotalMilliseconds);
    }

    [Theory]
    [Requirement("ET-04")]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(40)]
    public void The_jitter_spreads_each_delay_between_80_and_120_percent(int attempt)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        var center = backoff.Delay(attempt, 0.5).TotalMilliseconds;

        Assert.Equal(center * 0.8, backoff.Delay(attempt, 0).TotalMilliseconds, 6);
        Assert.Equal(center * 1.2, backoff.Delay(attempt, 0.999999999).TotalMilliseconds, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.Delay(attempt, 1.0));
    }

    [Fact]
    [Requirement("ET-04")]
    public async Task Attempts_against_an_unreachable_etcd_wait_on_the_injected_clock_and_the_wait_never_exceeds_the_cap()
    {
        // An hour-long initial wait and cap: on a real clock the second attempt would never come within the test.
        var clock = new FakeTimeProvider();
        var hour = TimeSpan.FromHours(1);
        var backoffWaits = new TimerCountingClock(clock, minimumDue: hour * (1 - ReconnectBackoff.JitterSpread));
        var options = new EtcdSourceOptions { Endpoints = [ClosedLoopbackPort()], Key = "/backoff/test", InitialBackoff = hour, MaxBackoff = hour };
        using var source = new EtcdConfigSource(options, new ReloadNotifier(), backoffWaits, NullLogger<EtcdConfigSource>.Instance);

        source.StartWatching(_ => { });
        await Eventually.TrueAsync(() => source.State.Reconnects == 1, "the first failed attempt", TimeSpan.FromSeconds(30));

        // Uncapped, the waits would be 1 h, 2 h, 4 h...: advancing by the capped maximum (1 h + 20% jitter) each
        // time gives exactly one more attempt only because the cap holds.
        for (var expected = 2; expected <= 6; expected++)
        {
            // The attempt is counted before its wait is armed: advancing in between would arm the wait after the
            // jump and it would never come due, so wait for the source to be parked on its backoff first.
            await Eventually.TrueAsync(() => backoffWaits.Armed == expected - 1, $"backoff wait {expected - 1} armed on the fake clock", TimeSpan.FromSeconds(30));
            clock.Advance(hour * (1 + ReconnectBackoff.JitterSpread));
            await Eventually.TrueAsync(() => source.State.Reconnects >= expected, $"attempt {expected} after the fake clock passed the capped wait", TimeSpan.FromSeconds(30));
            Assert.Equal(expected, source.State.Reconnects);
        }

        Assert.False(source.State.Connected);
        Assert.False(string.IsNullOrEmpty(source.State.LastError));
    }

    private static Uri ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
