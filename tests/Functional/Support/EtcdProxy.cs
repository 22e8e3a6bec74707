using System.Text.Json;
using HotReload.Testing.Network;
using HotReloadProxy.Testing.Etcd;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Support;

/// <summary>Starts a proxy fed by an etcd key, and reads its etcd status.</summary>
internal static class EtcdProxy
{
    public const string Key = "/hotreload/proxy.json";

    /// <param name="keepAliveMs">--etcd-keepalive, when the test needs a hung etcd noticed sooner than the default 10 s.</param>
    public static Task<KestrelProxy> StartAsync(string endpoint, int? keepAliveMs = null)
    {
        // A short cap on the reconnect backoff keeps a test's outage short; the default is 5 s.
        var extra = new Dictionary<string, string> { ["etcd"] = endpoint, ["etcd-key"] = Key, ["etcd-max-backoff"] = "300" };
        if (keepAliveMs is { } keepAlive)
        {
            extra["etcd-keepalive"] = keepAlive.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return KestrelProxy.StartAsync(new ProxySettings { ConfigPath = null, Extra = extra });
    }

    public static async Task<JsonElement> StatusAsync(this IProxyUnderTest proxy)
    {
        using var client = proxy.CreateAdminClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    public static async Task<string> GetAsync(this IProxyUnderTest proxy, string path)
    {
        using var client = proxy.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>Polls the proxy's own report of its etcd connection: another component's state, with a generous deadline.</summary>
    public static async Task WaitForEtcdConnectedAsync(this IProxyUnderTest proxy, bool connected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!deadline.IsCancellationRequested)
        {
            if ((await proxy.StatusAsync()).GetProperty("etcd").GetProperty("connected").GetBoolean() == connected)
            {
                return;
            }

            // Spacing between reads of the proxy's status, not a wait for a reload.
            await Task.Delay(10);
        }

        Assert.Fail($"The proxy did not report etcd connected={connected} within 15 s.");
    }
}

/// <summary>
/// The etcd counterpart of <see cref="ConfigScenario{TProxy}"/>: a test's own etcd (free ports), the key holding the
/// initial config, optionally a relay the test can cut, and a proxy watching the key, torn down together.
/// </summary>
internal sealed class EtcdScenario : IAsyncDisposable
{
    private EtcdScenario(EtcdServer etcd, TcpRelay? relay)
    {
        Etcd = etcd;
        Relay = relay;
    }

    public EtcdServer Etcd { get; }

    /// <summary>Between the proxy and etcd when started with <c>throughRelay</c>; null otherwise.</summary>
    public TcpRelay? Relay { get; }

    public KestrelProxy Proxy { get; private set; } = null!;

    /// <summary>The mod revision of the initial put.</summary>
    public long InitialRevision { get; private set; }

    /// <summary>Cuts the relay, waits until the proxy reports etcd away, then puts each value in turn.</summary>
    /// <returns>The mod revision of the last put.</returns>
    public async Task<long> PutWhileCutOffAsync(params string[] values)
    {
        var relay = Relay ?? throw new InvalidOperationException("Start the scenario with throughRelay: true to cut the proxy off.");
        relay.Cut();
        await Proxy.WaitForEtcdConnectedAsync(connected: false);
        var revision = 0L;
        foreach (var value in values)
        {
            revision = await Etcd.PutAsync(EtcdProxy.Key, value);
        }

        return revision;
    }

    public static async Task<EtcdScenario> StartAsync(string initialJson, bool throughRelay = false, int? keepAliveMs = null)
    {
        var etcd = await EtcdServer.StartAsync();
        var scenario = new EtcdScenario(etcd, throughRelay ? new TcpRelay(etcd.ClientUrl) : null);
        try
        {
            scenario.InitialRevision = await etcd.PutAsync(EtcdProxy.Key, initialJson);
            scenario.Proxy = await EtcdProxy.StartAsync(scenario.Relay is { } relay ? relay.Address.ToString().TrimEnd('/') : etcd.Endpoint, keepAliveMs);
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (Relay is not null)
        {
            await Relay.DisposeAsync();
        }

        await Etcd.DisposeAsync();
    }
}
