using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotReload.Functional.Tests.Drain;

/// <summary>
/// A real proxy on Kestrel with a drain bound, driven by a fake clock: the bound expires when the test advances
/// the clock, never by waiting. File triggers are off and every reload is a POST /reload, which returns once the
/// reload is applied and its cut-offs are scheduled, so nothing races the clock.
/// </summary>
internal sealed class DrainRig : IAsyncDisposable
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _directory;
    private readonly ConfigFileEditor _editor;

    private DrainRig(TempDirectory directory, ConfigFileEditor editor, KestrelProxy proxy, FakeTimeProvider clock)
    {
        _directory = directory;
        _editor = editor;
        Proxy = proxy;
        Clock = clock;
        Client = proxy.CreateClient();
        Admin = proxy.CreateAdminClient();
    }

    public KestrelProxy Proxy { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public HttpClient Admin { get; }

    public Uri WebSocketBase => new($"ws://{Proxy.PublicAddress.Authority}");

    /// <param name="boundMs">--drain-timeout, or null to start without a bound.</param>
    /// <param name="http2">--http2: the public listener speaks h2c only (use <see cref="CreateHttp2Client"/>).</param>
    public static async Task<DrainRig> StartAsync(ProxyConfig initial, int? boundMs, bool http2 = false)
    {
        var directory = new TempDirectory();
        var editor = ConfigFileEditor.For(directory.NestedFile("proxy.json"), initial.ToJson());
        var clock = new FakeTimeProvider();
        var extra = new Dictionary<string, string>();
        if (boundMs is { } bound)
        {
            extra["drain-timeout"] = bound.ToString(CultureInfo.InvariantCulture);
        }

        if (http2)
        {
            extra["http2"] = "true";
        }

        var settings = new ProxySettings { ConfigPath = editor.Path, FileTriggers = false, Extra = extra };
        var proxy = await KestrelProxy.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
        return new DrainRig(directory, editor, proxy, clock);
    }

    /// <summary>
    /// An h2c client (HTTP/2 with prior knowledge, nothing else) that multiplexes every request on one connection;
    /// <paramref name="connections"/> counts the connections it opened.
    /// </summary>
    public HttpClient CreateHttp2Client(StrongBox<int> connections)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            EnableMultipleHttp2Connections = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections.Value);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = Proxy.PublicAddress,
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Writes <paramref name="config"/> and reloads it; returns the generation now serving.</summary>
    public async Task<long> ReloadAsync(ProxyConfig config)
    {
        await _editor.ApplyAsync(new FileEdit.AtomicReplace(config.ToJson()));
        using var response = await Admin.PostAsync(new Uri("/reload", UriKind.Relative), null);
        var text = await response.Content.ReadAsStringAsync();
        var outcome = JsonDocument.Parse(text).RootElement;
        Assert.True(outcome.GetProperty("outcome").GetString() == "applied", $"POST /reload did not apply the config: {text}");
        return outcome.GetProperty("generation").GetInt64();
    }

    /// <summary>The /status "drain" section.</summary>
    public async Task<JsonElement> DrainStatusAsync() => (await Admin.GetJsonAsync("/status")).GetProperty("drain");

    /// <summary>Waits (polling /status, which has no notification) until the requests leased to older generations are <paramref name="expected"/>.</summary>
    public async Task AwaitLeasedAsync(int expected)
    {
        var deadline = DateTime.UtcNow + Generous;
        JsonElement drain;
        while ((drain = await DrainStatusAsync()).GetProperty("leasedToOlderGenerations").GetInt64() != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/status still shows {drain} after {Generous.TotalSeconds:0} s; expected {expected} request(s) leased to older generations.");

            // Requests end on their own threads after the client saw their end; there is nothing to await but /status.
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Proxy.DisposeAsync();
        _directory.Dispose();
    }
}
